/**
 * Programs shaped like the ones users bring (a bank transfer, a lazily filled cache, a bounded
 * buffer, a startup signal, an executor counter, a connection pool, a listener list, a job queue on
 * a Vector), each with the lock question it raises; docs/java.md shows whylock's answer for each. Nothing here depends on
 * whylock; the {@code @GuardedBy} annotations come from JCIP, javax.annotation.concurrent and Error
 * Prone, one family per class, as users have them.
 */
package dev.whylock.examples.realworld;
