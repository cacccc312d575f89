package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.testing.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamingBatchTest {

    /** A source the test feeds by hand; {@link #end()} closes it. */
    static final class HandFedSource implements Iterable<Integer> {
        private static final Integer END = Integer.MIN_VALUE;
        private final BlockingQueue<Integer> items = new LinkedBlockingQueue<>();

        void add(int... values) {
            for (int v : values) {
                items.add(v);
            }
        }

        void end() {
            items.add(END);
        }

        @Override
        public Iterator<Integer> iterator() {
            return new Iterator<>() {
                Integer next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            next = items.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("source interrupted", e);
                        }
                    }
                    return !END.equals(next);
                }

                @Override
                public Integer next() {
                    Integer value = next;
                    next = null;
                    return value;
                }
            };
        }
    }

    @Test
    void batchesFlushWhenFullAndTheRemainderAtTheEnd() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .batch("group", 3, Duration.ofHours(1))
                .sink("collect", batches::add)
                .build()) {
            RunReport report = pipeline.run(List.of(1, 2, 3, 4, 5, 6, 7));

            assertThat(batches).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
            assertThat(report.stage("group").in()).isEqualTo(7);
            assertThat(report.stage("group").out()).isEqualTo(7);
            assertThat(report.stage("group").emitted()).isEqualTo(3);
            assertThat(report.done()).isEqualTo(7);
        }
    }

    @Test
    void aPartialBatchFlushesWhenItsMaxWaitPassesOnTheClock() throws Exception {
        ManualTimeSource clock = new ManualTimeSource();
        BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();
        List<Boolean> flushedByTime = Collections.synchronizedList(new ArrayList<>());
        HandFedSource source = new HandFedSource();
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .batch("group", 10, Duration.ofSeconds(5))
                .sink("collect", batches::add)
                .timeSource(clock)
                .listener(new PipelineListener() {
                    @Override
                    public void onBatchFlushed(String stage, int size, boolean byTime) {
                        flushedByTime.add(byTime);
                    }
                })
                .build()) {
            CompletableFuture<RunReport> run = pipeline.runAsync(source);
            source.add(1, 2);

            // The clock has not moved: nothing may be flushed however long real time passes.
            assertThat(batches.poll(50, TimeUnit.MILLISECONDS)).isNull();
            clock.advance(Duration.ofSeconds(4));
            assertThat(batches.poll(20, TimeUnit.MILLISECONDS)).isNull();

            clock.advance(Duration.ofSeconds(1));
            assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(1, 2);

            source.add(3);
            source.end();
            RunReport report = run.get(10, TimeUnit.SECONDS);
            assertThat(batches.poll(10, TimeUnit.SECONDS)).containsExactly(3);
            assertThat(flushedByTime).containsExactly(true, false);
            assertThat(report.done()).isEqualTo(3);
        }
    }

    @Test
    void batchThenMapThenUnbatchKeepsEveryItemInOrder() {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .batch("group", 4, Duration.ofMillis(10))
                .map("label", (List<Integer> batch) -> batch.stream().map(i -> "#" + i).toList()).concurrency(2)
                .<String>unbatch("split")
                .sink("collect", out::add)
                .build()) {
            List<Integer> input = java.util.stream.IntStream.range(0, 1_000).boxed().toList();
            RunReport report = pipeline.run(input);

            assertThat(out).containsExactlyElementsOf(input.stream().map(i -> "#" + i).toList());
            assertThat(report.done()).isEqualTo(1_000);
            assertThat(report.stage("split").emitted()).isEqualTo(1_000);
        }
    }

    @Test
    void unbatchRefusesAnItemThatIsNotIterable() {
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class).<Integer>unbatch("split").build()) {
            RunReport report = pipeline.run(List.of(1));

            assertThat(report.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.errorClass()).isEqualTo(StageContractException.class.getName());
                assertThat(letter.errorMessage()).contains("split", "Iterable");
            });
        }
    }
}
