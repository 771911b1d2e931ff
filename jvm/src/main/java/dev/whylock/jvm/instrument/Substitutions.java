package dev.whylock.jvm.instrument;

import java.util.Map;

/**
 * JDK synchronizers whose classes the rewriter replaces by runtime subclasses: {@code new
 * ReentrantLock()} in application code creates a {@code ModelReentrantLock}, and an application
 * class extending ReentrantLock extends the model instead. Every call then reaches the model,
 * whatever the call site: an interface, a method reference, or JDK code holding the object.
 */
public final class Substitutions {
    private Substitutions() {}

    private static final Map<String, String> CLASSES = Map.of(
            "java/util/concurrent/locks/ReentrantLock", Redirects.RT + "ModelReentrantLock",
            "java/util/concurrent/locks/ReentrantReadWriteLock", Redirects.RT + "ModelReentrantReadWriteLock",
            "java/util/concurrent/locks/StampedLock", Redirects.RT + "ModelStampedLock",
            "java/util/concurrent/Phaser", Redirects.RT + "ModelPhaser",
            "java/util/concurrent/Exchanger", Redirects.RT + "ModelExchanger",
            "java/util/concurrent/CompletableFuture", Redirects.RT + "ModelCompletableFuture",
            "java/util/concurrent/CountDownLatch", Redirects.RT + "ModelCountDownLatch",
            "java/util/concurrent/Semaphore", Redirects.RT + "ModelSemaphore",
            "java/util/concurrent/CyclicBarrier", Redirects.RT + "ModelCyclicBarrier",
            "java/util/concurrent/SynchronousQueue", Redirects.RT + "ModelSynchronousQueue");

    /** The runtime class that replaces {@code jdkClass}, or null. */
    public static String of(String jdkClass) {
        return CLASSES.get(jdkClass);
    }

    /** The replaced JDK classes with their replacements. */
    public static Map<String, String> all() {
        return CLASSES;
    }
}
