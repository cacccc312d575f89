package dev.aio.llm.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRouteTest {

    private static final long MS = 1_000_000L;
    private static final int TOKENS = 20;

    /** A clock the test moves by hand. */
    private long now = 1_000 * MS;
    private final LatencyRoute route = new LatencyRoute(() -> now, 1_000 * MS, 10_000 * MS);

    /** Runs one lone text the way the route says, at the given costs, and says where it ran. */
    private boolean runOne(long latencyNanos, long singleNanos) {
        boolean latency = route.preferLatencySession();
        route.record(latency, latency ? latencyNanos : singleNanos, TOKENS);
        now += 5 * MS;
        return latency;
    }

    @Test
    void triesEachWayAndDiscardsTheColdFirstRunOfEach() {
        assertThat(route.preferLatencySession()).isTrue();
        route.record(true, 500 * MS, TOKENS); // cold: ONNX Runtime allocating
        assertThat(route.preferLatencySession()).as("one cold run is not a measurement").isTrue();
        route.record(true, 3 * MS, TOKENS);
        assertThat(route.preferLatencySession()).isFalse();
        route.record(false, 400 * MS, TOKENS); // cold
        assertThat(route.preferLatencySession()).isFalse();
        route.record(false, 6 * MS, TOKENS);
        assertThat(route.preferLatencySession()).as("measured faster").isTrue();
    }

    @Test
    void onIdleCoresTheLatencySessionServesAlmostEveryText() {
        int single = 0;
        for (int i = 0; i < 4_000; i++) { // 20 s at one text per 5 ms
            if (!runOne(3 * MS, 6 * MS)) {
                single++;
            }
        }
        // A cold run and a measured one at the start, and again at each refresh (every 10 s).
        assertThat(single).isBetween(2, 7);
    }

    @Test
    void whenTheCoresGetBusyItMovesToTheSingleSessionAndComesBackWhenTheyAreFree() {
        for (int i = 0; i < 10; i++) {
            runOne(3 * MS, 6 * MS);
        }
        assertThat(route.preferLatencySession()).isTrue();

        // Loaded: spinning workers lose their cores and the latency session gets slow.
        int latencyRunsUnderLoad = 0;
        for (int i = 0; i < 1_000; i++) { // 5 s
            if (runOne(18 * MS, 10 * MS)) {
                latencyRunsUnderLoad++;
            }
        }
        assertThat(route.preferLatencySession()).isFalse();
        // Five slow runs to bring the median past the margin, then one probe a second (a run to
        // wake the threads and one that counts).
        assertThat(latencyRunsUnderLoad).isBetween(5, 16);

        // Idle again: the next probe finds the latency session fast and it takes over.
        for (int i = 0; i < 400; i++) { // 2 s
            runOne(3 * MS, 6 * MS);
        }
        assertThat(route.preferLatencySession()).isTrue();
    }

    @Test
    void oneSlowRunOnABusyMomentDoesNotMoveLoneTextsOff() {
        for (int i = 0; i < 10; i++) {
            runOne(3 * MS, 4 * MS);
        }
        runOne(9 * MS, 4 * MS);
        assertThat(route.preferLatencySession()).isTrue();
        assertThat(route.toString()).contains("latency session");
    }

    @Test
    void theFirstRunAfterTheOtherWayRanWarmsUpAndIsNotCounted() {
        for (int i = 0; i < 10; i++) {
            runOne(3 * MS, 6 * MS);
        }
        now += 11_000 * MS; // the single session's refresh is due
        assertThat(route.preferLatencySession()).isFalse();
        route.record(false, 60 * MS, TOKENS); // waking its thread: not counted
        assertThat(route.preferLatencySession()).as("the run after the cold one counts").isFalse();
        route.record(false, 5 * MS, TOKENS);
        assertThat(route.preferLatencySession()).isTrue();
        assertThat(route.toString()).contains("single=" + Math.round(5.0 * MS / (TOKENS + LatencyRoute.FIXED_TOKENS)));
    }

    @Test
    void costIsPerTokenSoLongAndShortTextsCompareFairly() {
        route.record(true, 0, 8);
        route.record(true, 4 * MS, 32); // 0.1 ms per token with the fixed part
        route.record(false, 0, 8);
        route.record(false, 2 * MS, 8); // 0.125 ms per token
        assertThat(route.preferLatencySession()).isTrue();
    }
}
