package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.testing.ManualTimeSource;
import dev.aio.core.testing.RecordingPipelineListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Listeners hear about runs, items, failures, batches and progress, and can never break a run. */
class ListenerTest {

    private final ManualTimeSource clock = new ManualTimeSource();

    /** The recorder aio ships for host applications' tests. */
    static class Recorder extends RecordingPipelineListener {
    }

    @Test
    void aRunReportsItsStartAndEndOnceWithTheSameRunId() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class).named("words")
                .map("upper", String::toUpperCase).listener(recorder).timeSource(clock).build()) {
            RunReport report = pipeline.run(List.of("a", "b"));
            assertThat(recorder.eventsStartingWith("run-")).containsExactly("run-start words", "run-end COMPLETED");
            assertThat(recorder.runIds()).containsExactly(report.runId());
            assertThat(recorder.reports()).singleElement().satisfies(end -> {
                assertThat(end.runId()).isEqualTo(report.runId());
                assertThat(end.stage("upper").out()).isEqualTo(2);
            });
            assertThat(recorder.events().get(0)).isEqualTo("run-start words");
            assertThat(recorder.events().get(recorder.events().size() - 1)).isEqualTo("run-end COMPLETED");
        }
    }

    @Test
    void eachStageReportsEachItemsStartAndEnd() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("upper", String::toUpperCase)
                .filter("not-b", s -> !s.equals("B"))
                .listener(recorder).timeSource(clock).build()) {
            pipeline.run(List.of("a", "b", "c"));
            assertThat(recorder.eventsStartingWith("start ")).containsExactly(
                    "start upper a", "start not-b A", "start upper b", "start not-b B", "start upper c", "start not-b C");
            assertThat(recorder.eventsStartingWith("end ")).as("a filter that drops an item still ends it")
                    .containsExactly("end upper a", "end not-b A", "end upper b", "end not-b B", "end upper c",
                            "end not-b C");
        }
    }

    @Test
    void itemEventsAreReportedForCallsToo() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("upper", String::toUpperCase).listener(recorder).build()) {
            assertThat(pipeline.call("x")).isEqualTo("X");
            assertThat(recorder.events()).containsExactly("start upper x", "end upper x");
        }
    }

    @Test
    void failedAttemptsReportTheirNumberAndWhetherTheyWillBeRetried() {
        Recorder recorder = new Recorder();
        AtomicInteger flaky = new AtomicInteger();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("work", s -> {
                    if (s.equals("down")) {
                        throw new RetriableException("503");
                    }
                    if (s.equals("bad")) {
                        throw new NonRetriableException("malformed");
                    }
                    if (s.equals("flaky") && flaky.getAndIncrement() == 0) {
                        throw new RetriableException("blip");
                    }
                    return s;
                })
                .policy(StepPolicy.retry(3))
                .listener(recorder).timeSource(clock).build()) {
            RunReport report = pipeline.run(List.of("down", "bad", "flaky", "fine"));
            assertThat(recorder.eventsStartingWith("error ")).containsExactly(
                    "error work down attempt=1 retry=true RetriableException",
                    "error work down attempt=2 retry=true RetriableException",
                    "error work down attempt=3 retry=false RetriableException",
                    "error work bad attempt=1 retry=false NonRetriableException",
                    "error work flaky attempt=1 retry=true RetriableException");
            assertThat(report.stage("work").deadLettered()).isEqualTo(2);
            assertThat(recorder.eventsStartingWith("end work")).containsExactly("end work flaky", "end work fine");
        }
    }

    @Test
    void aStageWithoutAPolicyReportsItsOnlyFailedAttemptAsGivenUp() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("work", (String s) -> {
                    if (!s.isEmpty()) {
                        throw new java.io.IOException("disk");
                    }
                    return s;
                })
                .listener(recorder).build()) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
            assertThat(recorder.eventsStartingWith("error ")).containsExactly(
                    "error work x attempt=1 retry=false IOException");
        }
    }

    @Test
    void aBatchStageReportsEachFlushWithItsSize() {
        Recorder recorder = new Recorder();
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .batch("group", 2, Duration.ofHours(1))
                .sink("store", batch -> { })
                .listener(recorder).timeSource(clock).build()) {
            pipeline.run(List.of(1, 2, 3, 4, 5));
            assertThat(recorder.eventsStartingWith("batch ")).containsExactly(
                    "batch group size=2 byTime=false", "batch group size=2 byTime=false",
                    "batch group size=1 byTime=false");
        }
    }

    @Test
    void aBatchFlushedByItsMaxWaitSaysSo() throws Exception {
        CountDownLatch flushedByTime = new CountDownLatch(1);
        Recorder recorder = new Recorder() {
            @Override
            public void onBatchFlushed(String stage, int size, boolean byTime) {
                super.onBatchFlushed(stage, size, byTime);
                if (byTime) {
                    flushedByTime.countDown();
                }
            }
        };
        // The source hands over one item, then moves time past the max wait until the batch is flushed.
        Iterator<Integer> source = new Iterator<>() {
            int next = 1;

            @Override
            public boolean hasNext() {
                if (next == 2) {
                    // The batch's deadline is set when its worker takes the item, which may be after
                    // this point; so keep moving time until the flush is seen.
                    try {
                        for (int i = 0; i < 5_000 && !flushedByTime.await(1, TimeUnit.MILLISECONDS); i++) {
                            clock.advance(Duration.ofSeconds(2));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return next <= 2;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .batch("group", 10, Duration.ofSeconds(1))
                .sink("store", batch -> { })
                .listener(recorder).timeSource(clock).build()) {
            pipeline.run(() -> source);
            assertThat(recorder.eventsStartingWith("batch ")).containsExactly(
                    "batch group size=1 byTime=true", "batch group size=1 byTime=false");
        }
    }

    @Test
    void progressReportsDoneAndTotalWithAnEtaFromThePipelinesClock() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("slow", s -> {
                    clock.advance(Duration.ofSeconds(1));
                    return s;
                })
                .listener(recorder).timeSource(clock).build()) {
            pipeline.run(List.of("a", "b", "c", "d"));
        }
        List<Progress> progress = List.copyOf(recorder.progress());
        assertThat(progress).isNotEmpty();
        assertThat(progress).allSatisfy(p -> {
            assertThat(p.total()).isEqualTo(4);
            assertThat(p.done()).isBetween(1L, 4L);
            assertThat(p.read()).isGreaterThanOrEqualTo(p.done());
        });
        Progress half = progress.stream().filter(p -> p.done() == 2).findFirst().orElseThrow();
        assertThat(half.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(half.ratePerSecond()).isEqualTo(1.0);
        assertThat(half.eta()).contains(Duration.ofSeconds(2));
        assertThat(half.fraction()).contains(0.5);
        Progress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(4);
        assertThat(last.eta()).contains(Duration.ZERO);
    }

    @Test
    void progressOfASourceOfUnknownSizeHasNoTotalAndNoEta() {
        Recorder recorder = new Recorder();
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("slow", s -> {
                    clock.advance(Duration.ofSeconds(1));
                    return s;
                })
                .listener(recorder).timeSource(clock).build()) {
            pipeline.run(java.util.stream.Stream.of("a", "b"));
        }
        assertThat(recorder.progress()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.totalIfKnown()).isEmpty();
            assertThat(p.eta()).isEmpty();
        });
        assertThat(recorder.progress().get(recorder.progress().size() - 1).done()).isEqualTo(2);
    }

    /** Throws from every method. */
    static final class Throwing implements PipelineListener {
        final AtomicInteger invoked = new AtomicInteger();

        private void boom() {
            invoked.incrementAndGet();
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void onRunStart(String pipeline, String runId) {
            boom();
        }

        @Override
        public void onRunEnd(RunReport report) {
            boom();
        }

        @Override
        public void onItemStart(String stage, Object item) {
            boom();
        }

        @Override
        public void onItemEnd(String stage, Object item, long nanos) {
            boom();
        }

        @Override
        public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
            boom();
        }

        @Override
        public void onBatchFlushed(String stage, int size, boolean byTime) {
            boom();
        }

        @Override
        public void onProgress(Progress progress) {
            boom();
        }
    }

    @Test
    void aListenerThatThrowsFromEveryMethodNeverBreaksARun() {
        Throwing throwing = new Throwing();
        Recorder after = new Recorder();
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("check", i -> {
                    if (i % 10 == 0) {
                        throw new RetriableException("tens fail");
                    }
                    return i;
                }).policy(StepPolicy.retry(2))
                .filter("odd", i -> i % 2 == 1)
                .batch("group", 4, Duration.ofHours(1))
                .sink("store", batch -> { })
                .listener(throwing).listener(after)
                .timeSource(clock)
                .build()) {
            List<Integer> items = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                items.add(i);
            }
            RunReport report = pipeline.run(items);
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.read()).isEqualTo(50);
            assertThat(report.done()).isEqualTo(50);
            assertThat(report.stage("check").in()).isEqualTo(50);
            assertThat(report.stage("check").deadLettered()).isEqualTo(5);
            assertThat(report.stage("check").retries()).isEqualTo(5);
            assertThat(report.stage("odd").filtered()).isEqualTo(20);
            assertThat(report.stage("odd").out()).isEqualTo(25);
            assertThat(report.stage("group").out()).isEqualTo(25);
            assertThat(report.stage("group").emitted()).isEqualTo(7);
            assertThat(report.stage("store").out()).isEqualTo(7);
            assertThat(report.deadLetterCount()).isEqualTo(5);
            assertThat(throwing.invoked.get()).as("the listener was called").isGreaterThan(100);
            assertThat(after.reports()).as("a later listener still hears the end").hasSize(1);
        }
    }

    @Test
    void aListenerThatThrowsFromEveryMethodNeverBreaksACall() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("upper", String::toUpperCase)
                .map("fail-on-x", s -> {
                    if (s.equals("X")) {
                        throw new NonRetriableException("no x");
                    }
                    return s;
                }).policy(StepPolicy.retry(2))
                .listener(new Throwing()).build()) {
            assertThat(pipeline.call("a")).isEqualTo("A");
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class)
                    .hasCauseInstanceOf(NonRetriableException.class);
        }
    }

    @Test
    void theSlf4jListenerLogsARunWithFailuresBatchesAndProgress() {
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("check", i -> {
                    if (i == 3) {
                        throw new RetriableException("three");
                    }
                    return "item-" + i + "x".repeat(200);
                }).policy(StepPolicy.retry(2))
                .batch("group", 2, Duration.ofHours(1))
                .sink("store", batch -> { })
                .listener(new Slf4jPipelineListener())
                .listener(new Slf4jPipelineListener(LoggerFactory.getLogger(ListenerTest.class)))
                .timeSource(clock)
                .build()) {
            RunReport report = pipeline.run(List.of(1, 2, 3, 4, 5));
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.stage("check").deadLettered()).isEqualTo(1);
            assertThat(report.stage("store").out()).isEqualTo(2);
            assertThat(pipeline.call(1)).isNull();
        }
    }
}
