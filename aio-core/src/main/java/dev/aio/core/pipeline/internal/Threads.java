package dev.aio.core.pipeline.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

/**
 * Starts the engine's threads: virtual threads for I/O work when the running JVM has them
 * (looked up reflectively, since the library is compiled for Java 17), daemon platform threads
 * otherwise.
 */
final class Threads {

    /** Prefix of every thread the engine starts; tests look for leftovers by it. */
    static final String PREFIX = "aio-";

    private static final MethodHandle OF_VIRTUAL_UNSTARTED = findVirtualUnstarted();

    private Threads() {
    }

    static boolean virtualThreadsAvailable() {
        return OF_VIRTUAL_UNSTARTED != null;
    }

    /**
     * Makes an unstarted thread.
     *
     * @param name the thread's name, after {@link #PREFIX}
     * @param io whether the work blocks on I/O (a virtual thread when available)
     */
    static Thread newThread(String name, boolean io, Runnable task) {
        if (io && OF_VIRTUAL_UNSTARTED != null) {
            try {
                Thread thread = (Thread) OF_VIRTUAL_UNSTARTED.invoke(task);
                thread.setName(PREFIX + name);
                return thread;
            } catch (Throwable unexpected) {
                // Fall through to a platform thread: virtual threads are an optimisation here.
            }
        }
        Thread thread = new Thread(task, PREFIX + name);
        thread.setDaemon(true);
        return thread;
    }

    static ThreadFactory factory(String name, boolean io) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        return task -> newThread(name + "-" + counter.incrementAndGet(), io, task);
    }

    private static MethodHandle findVirtualUnstarted() {
        try {
            // Thread.ofVirtual().unstarted(Runnable), Java 21+.
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            Object builder = ofVirtual.invoke();
            MethodHandle unstarted = lookup.findVirtual(builderClass, "unstarted",
                    MethodType.methodType(Thread.class, Runnable.class));
            return unstarted.bindTo(builder);
        } catch (Throwable notAvailable) {
            return null;
        }
    }
}
