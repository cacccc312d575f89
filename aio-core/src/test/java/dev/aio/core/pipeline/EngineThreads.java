package dev.aio.core.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/** Finds threads the engine started (they are all named "aio-..."). */
final class EngineThreads {

    private EngineThreads() {
    }

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("aio-"))
                .collect(Collectors.toList());
    }

    /** Busy work that the JIT cannot remove, roughly {@code micros} microseconds long. */
    static long spin(int micros) {
        long end = System.nanoTime() + micros * 1_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x++;
            Thread.onSpinWait();
        }
        return x;
    }
}
