/**
 * {@code @GuardedBy} for the user's fields: the annotations the class files already carry
 * ({@link dev.whylock.jvm.guard.GuardDeclarations}), a check of each against every explored execution
 * ({@link dev.whylock.jvm.guard.GuardChecker}), suggestions from the locksets
 * ({@link dev.whylock.jvm.guard.GuardSuggestions}) and a patch of the sources that adds them
 * ({@link dev.whylock.jvm.guard.AnnotationPatch}).
 */
package dev.whylock.jvm.guard;
