package dev.aio.llm.onnx.internal;

import java.util.function.LongSupplier;

/**
 * Chooses where a lone text runs: on the latency session, whose threads share every core and
 * wait for each other at every step of a model run, or on one single-threaded session, which
 * never waits for another thread.
 *
 * <p>On idle cores the latency session is the faster (one 20-token query on 2 cores: about 4.0
 * ms sleeping, 3.3 ms spinning, against 5.8 ms single-threaded); on a host whose cores are taken
 * by other work it can be the slower, as each step waits for a worker that lost its core (18 ms
 * p50 spinning against 10 ms single-threaded, measured under a load average of 8 to 10 on 2
 * cores). Which case holds changes while a service runs, so the choice follows
 * the measured cost of each way, per token, as the median of its last few runs, instead of a
 * setting:
 * <ul>
 *   <li>each way is tried before the choice is made; the first run on a way after the other
 *       way ran wakes its threads (the very first also pays for ONNX Runtime's allocations)
 *       and is not counted, the run right after it is;</li>
 *   <li>while the latency session is the cheaper, a single-threaded run is made once every
 *       {@code refreshNanos} to keep its cost current;</li>
 *   <li>while the single-threaded session is the cheaper, the latency session is tried once
 *       every {@code probeNanos}, so the choice comes back when the cores are free again.</li>
 *   <li>the median rides out the short stalls of a shared machine, and lone texts leave the
 *       latency session only when it costs half as much again as the other way; a probe of the way not
 *       in use replaces its stale cost, so a change is acted on at the first probe that sees
 *       it.</li>
 * </ul>
 * Thread-safe.
 */
public final class LatencyRoute {

    /** Recent runs whose median is a way's cost: isolated stalls of a busy moment do not count. */
    static final int WINDOW = 9;
    /** Tokens' worth of fixed cost per run, so short and long texts compare fairly. */
    static final int FIXED_TOKENS = 8;
    /** How much dearer the latency session must get before lone texts leave it. */
    static final double LEAVE_MARGIN = 1.5;

    private final LongSupplier clock;
    private final long probeNanos;
    private final long refreshNanos;
    private final Way latency = new Way();
    private final Way single = new Way();
    private boolean onLatency = true;
    /** Where the last lone text ran; null before the first. */
    private Way lastUsed;

    /** One way of running a lone text, and what it has cost. */
    private static final class Way {
        final double[] recent = new double[WINDOW];
        int count;
        int next;
        double cost = Double.NaN;
        long lastRun;
        boolean ran;
        /** The last run was a cold one: the next, right after it, is the one that counts. */
        boolean warmedUp;

        boolean measured() {
            return !Double.isNaN(cost);
        }

        boolean warming() {
            return warmedUp;
        }

        boolean unusedFor(long now, long interval) {
            return !ran || now - lastRun >= interval;
        }

        /**
         * @param replace whether this run probes a way not in use, whose recent runs are stale:
         *     they are forgotten, so a way that got faster is taken up at once (and, if that was
         *     luck, its next runs say so)
         */
        void record(long at, long nanos, int tokens, boolean replace, boolean cold) {
            ran = true;
            lastRun = at;
            warmedUp = cold;
            if (cold) {
                return;
            }
            if (replace) {
                count = 0;
            }
            recent[next] = (double) nanos / (tokens + FIXED_TOKENS);
            next = (next + 1) % WINDOW;
            count = Math.min(WINDOW, count + 1);
            cost = median();
        }

        /** The median of the recent runs, which are the last {@code count} written before {@code next}. */
        private double median() {
            double[] sorted = new double[count];
            for (int i = 0; i < count; i++) {
                sorted[i] = recent[Math.floorMod(next - 1 - i, WINDOW)];
            }
            java.util.Arrays.sort(sorted);
            return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        }
    }

    /**
     * @param clock a nanosecond clock, {@code System::nanoTime} outside tests
     * @param probeNanos how often the latency session is retried while it is the slower
     * @param refreshNanos how often the single-threaded session is re-measured while it is the
     *     slower
     */
    public LatencyRoute(LongSupplier clock, long probeNanos, long refreshNanos) {
        this.clock = clock;
        this.probeNanos = probeNanos;
        this.refreshNanos = refreshNanos;
    }

    /** @return a route on the system clock: a probe every half second, a refresh every ten */
    public static LatencyRoute standard() {
        return new LatencyRoute(System::nanoTime, 500_000_000L, 10_000_000_000L);
    }

    /**
     * Says where the next lone text should run. A caller that cannot run it there (the latency
     * session needs every other session idle) simply records nothing.
     *
     * @return true for the latency session, false for a single-threaded one
     */
    public synchronized boolean preferLatencySession() {
        long now = clock.getAsLong();
        if (latency.warming() || !latency.measured()) {
            return true;
        }
        if (single.warming() || !single.measured()) {
            return false;
        }
        if (onLatency && latency.cost > LEAVE_MARGIN * single.cost) {
            onLatency = false;
        } else if (!onLatency && latency.cost < single.cost) {
            onLatency = true;
        }
        return onLatency ? !single.unusedFor(now, refreshNanos) : latency.unusedFor(now, probeNanos);
    }

    /**
     * Records what one lone text cost.
     *
     * @param onLatencySession where it ran
     * @param nanos how long the model run took
     * @param tokens the text's tokens
     */
    public synchronized void record(boolean onLatencySession, long nanos, int tokens) {
        Way way = onLatencySession ? latency : single;
        // The first run after the other way ran wakes this way's threads: it is not counted.
        way.record(clock.getAsLong(), nanos, tokens, onLatencySession != onLatency, lastUsed != way);
        lastUsed = way;
    }

    @Override
    public synchronized String toString() {
        return String.format("LatencyRoute[%s, latency=%.0f ns/token, single=%.0f ns/token]",
                onLatency ? "latency session" : "single session", latency.cost, single.cost);
    }
}
