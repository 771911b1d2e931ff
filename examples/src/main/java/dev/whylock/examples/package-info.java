/**
 * Ordinary Java programs with concurrency bugs (and their fixed versions), compiled with javac and
 * run by whylock as they are: {@code whylock explore --java dev.whylock.examples.LostUpdate
 * --class-path examples/target/classes}. Nothing here depends on whylock.
 */
package dev.whylock.examples;
