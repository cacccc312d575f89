package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamingBackpressureTest {

    @Test
    void aMillionItemsThroughASlowStageNeverHoldMoreThanTheQueuesAndWorkers() {
        int items = 1_000_000;
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        Iterable<Long> source = () -> new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < items;
            }

            @Override
            public Long next() {
                long now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                return next++;
            }
        };
        int capacity = 64;
        try (Pipeline<Long, Void> pipeline = Pipeline.from(Long.class)
                .map("fast", x -> x + 1).queueCapacity(capacity)
                .map("slow", x -> {
                    if (x % 64 == 0) {
                        EngineThreads.spin(20);
                    }
                    return x;
                }).concurrency(2).queueCapacity(capacity)
                .sink("done", x -> inFlight.decrementAndGet()).queueCapacity(capacity)
                .build()) {

            RunReport report = pipeline.run(source);

            // Three queues of 8, workers 1 + 2 + 1, and the source reader holding one item.
            long bound = 3L * capacity + 4 + 1;
            assertThat(maxInFlight.get()).isLessThanOrEqualTo(bound).isGreaterThan(capacity);
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.read()).isEqualTo(items);
            assertThat(report.done()).isEqualTo(items);
            assertThat(report.stage("slow").in()).isEqualTo(items);
            assertThat(report.stage("done").out()).isEqualTo(items);
            assertThat(inFlight.get()).isZero();
        }
    }

    @Test
    void fusedStagesHoldNoMoreThanTheirQueueAndWorkers() {
        int items = 200_000;
        AtomicLong inFlight = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        Iterable<Integer> source = () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < items;
            }

            @Override
            public Integer next() {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return next++;
            }
        };
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("a", x -> x * 2).queueCapacity(4)
                .map("b", x -> x + 1)
                .sink("c", x -> inFlight.decrementAndGet())
                .build()) {
            RunReport report = pipeline.run(source);

            assertThat(report.done()).isEqualTo(items);
            assertThat(maxInFlight.get()).isLessThanOrEqualTo(4 + 1 + 1);
        }
    }
}
