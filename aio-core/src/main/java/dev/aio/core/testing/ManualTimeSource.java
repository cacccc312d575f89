package dev.aio.core.testing;

import dev.aio.core.pipeline.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TimeSource} that moves only when told to, for tests of batching deadlines, backoff,
 * timeouts and breakers without sleeping.
 *
 * <p>{@link #advance(Duration)} moves time forward; pipelines notice within a millisecond of
 * real time. {@link #sleep(Duration)} (what retry backoff calls) moves time forward by the
 * requested amount at once and records it, so retries take no real time and a test can assert
 * the delays that were asked for. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {

    private static final long RECHECK_NANOS = 1_000_000;

    private final Instant origin;
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();

    /** A clock that starts at 2026-01-01T00:00:00Z. */
    public ManualTimeSource() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * A clock that starts at a given instant.
     *
     * @param origin the wall-clock time at the start
     */
    public ManualTimeSource(Instant origin) {
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /**
     * Moves time forward.
     *
     * @param duration zero or positive
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, got " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    /** @return every duration passed to {@link #sleep(Duration)}, in order */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanos.get());
    }

    /** Records the duration and moves time forward by it, without waiting. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before a manual sleep");
        }
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        if (!duration.isNegative()) {
            advance(duration);
        }
    }

    /** One millisecond: how often the engine re-reads this clock while it blocks. */
    @Override
    public long maxBlockNanos() {
        return RECHECK_NANOS;
    }

    @Override
    public String toString() {
        return "ManualTimeSource[" + now() + "]";
    }
}
