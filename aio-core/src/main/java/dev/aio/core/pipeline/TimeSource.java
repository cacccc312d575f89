package dev.aio.core.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the engine reads the time and how it waits: batch max-wait deadlines, retry backoff,
 * per-attempt timeouts, progress rates, cache expiry. {@link #SYSTEM} is the real clock; tests
 * pass {@link dev.aio.core.testing.ManualTimeSource} and move time forward themselves instead of
 * sleeping.
 */
public interface TimeSource {

    /** The JVM's clock: {@link System#nanoTime()}, {@link Instant#now()} and {@link Thread#sleep}. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            long nanos = duration.toNanos();
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }

        @Override
        public String toString() {
            return "TimeSource.SYSTEM";
        }
    };

    /**
     * A monotonic reading in nanoseconds, for measuring intervals only.
     *
     * @return the current reading
     */
    long nanoTime();

    /**
     * The wall-clock time, for timestamps in reports and dead letters.
     *
     * @return the current instant
     */
    Instant now();

    /**
     * Waits for a duration, as measured by this source.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The longest the engine may block on a queue or a future before it reads this source again.
     * The real clock needs no re-reading ({@link Long#MAX_VALUE}); a clock that tests move by hand
     * returns a small real interval so that deadlines notice the jump.
     *
     * @return nanoseconds of real time, positive
     */
    default long maxBlockNanos() {
        return Long.MAX_VALUE;
    }
}
