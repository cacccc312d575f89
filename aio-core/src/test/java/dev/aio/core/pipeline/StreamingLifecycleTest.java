package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingLifecycleTest {

    @AfterEach
    void noEngineThreadOutlivesATest() {
        assertThat(EngineThreads.alive()).isEmpty();
    }

    private static Stream<Integer> endless() {
        return Stream.iterate(0, i -> i + 1);
    }

    @Test
    void cancellingARunStopsItAndLeavesNoThreadBehind() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("blocks", x -> {
                    started.countDown();
                    new CountDownLatch(1).await(); // until interrupted by the cancellation
                    return x;
                }).concurrency(3).io()
                .map("next", x -> x).concurrency(2)
                .build()) {
            CompletableFuture<RunReport> run = pipeline.runAsync(endless());
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(run.cancel(true)).isTrue();

            assertThat(run).isCancelled();
            assertThat(EngineThreads.alive()).isEmpty();
        }
    }

    @Test
    void closingThePipelineCancelsItsRunsAndWaitsForTheirThreads() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("slow", x -> {
                    started.countDown();
                    Thread.sleep(60_000); // the stage under test is slow; the test never waits on it
                    return x;
                }).io()
                .build();
        CompletableFuture<RunReport> run = pipeline.runAsync(endless());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        pipeline.close();

        assertThat(EngineThreads.alive()).isEmpty();
        RunReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(RunStatus.CANCELLED);
        assertThatThrownBy(() -> pipeline.call(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining(
                "closed");
    }

    @Test
    void interruptingTheCallerOfRunCancelsTheRunAndKeepsTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<RunReport> report = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .peek("started", x -> started.countDown())
                .map("blocks", x -> {
                    new CountDownLatch(1).await();
                    return x;
                }).io()
                .build()) {
            Thread caller = new Thread(() -> {
                report.set(pipeline.run(endless()));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(10_000);

            assertThat(report.get().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(stillInterrupted.get()).isTrue();
        }
    }

    @Test
    void failFastStopsAtTheFirstGivenUpItemWithAnExactPartialReport() {
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("check", x -> {
                    if (x == 50) {
                        throw new IllegalArgumentException("item 50 is bad");
                    }
                    return x;
                })
                .sink("drop", x -> { })
                .failFast()
                .build()) {
            assertThatThrownBy(() -> pipeline.run(endless()))
                    .isInstanceOfSatisfying(PipelineFailedException.class, e -> {
                        RunReport report = e.report();
                        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
                        StageReport check = report.stage("check");
                        assertThat(check.deadLettered()).isEqualTo(1);
                        assertThat(check.in()).isEqualTo(
                                check.out() + check.filtered() + check.deadLettered() + check.unfinished());
                        assertThat(report.deadLetters()).singleElement()
                                .satisfies(letter -> assertThat(letter.item()).isEqualTo(50));
                        assertThat(e).hasMessageContaining("check").hasMessageContaining("item 50 is bad");
                        assertThat(e.getCause()).isInstanceOf(StageFailedException.class);
                    });
        }
    }

    @Test
    void withoutFailFastFailedItemsAreDeadLetteredAndEveryStageBalances() {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .filter("odd", x -> x % 2 == 1)
                .map("not-multiple-of-5", x -> {
                    if (x % 5 == 0) {
                        throw new IllegalArgumentException(x + " is a multiple of 5");
                    }
                    return x;
                }).concurrency(2)
                .flatMap("twice", x -> List.of(x, -x))
                .sink("write", written::add)
                .build()) {
            RunReport report = pipeline.run(IntStream.range(0, 100).boxed().toList());

            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.read()).isEqualTo(100);
            assertThat(report.done()).isEqualTo(100);
            assertThat(report.deadLetterCount()).isEqualTo(10);
            assertThat(report.stage("odd").filtered()).isEqualTo(50);
            assertThat(report.stage("twice").emitted()).isEqualTo(80);
            assertThat(written).hasSize(80);
            for (StageReport stage : report.stages()) {
                assertThat(stage.in()).as(stage.toString())
                        .isEqualTo(stage.out() + stage.filtered() + stage.deadLettered());
                assertThat(stage.unfinished()).isZero();
            }
        }
    }

    @Test
    void aSourceThatThrowsFailsTheRunAndSaysHowFarItGot() {
        Iterable<Integer> source = () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 10) {
                    throw new IllegalStateException("listing broke");
                }
                return next++;
            }
        };
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class).map("id", x -> x).build()) {
            assertThatThrownBy(() -> pipeline.run(source))
                    .isInstanceOf(PipelineFailedException.class)
                    .hasMessageContaining("source")
                    .hasMessageContaining("after 10 items")
                    .hasRootCauseMessage("listing broke");
        }
    }

    @Test
    void aNullFromTheSourceIsDeadLetteredAndTheRunGoesOn() {
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class).map("id", x -> x).build()) {
            RunReport report = pipeline.run(java.util.Arrays.asList(1, null, 3));

            assertThat(report.stage("id").out()).isEqualTo(2);
            assertThat(report.deadLetters()).singleElement()
                    .satisfies(letter -> assertThat(letter.stage()).isEqualTo("source"));
            assertThat(report.done()).isEqualTo(3);
        }
    }

    @Test
    void theCallersExecutorRunsTheWorkers() {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "host-pool"));
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("record", x -> {
                    threadNames.add(Thread.currentThread().getName());
                    return x;
                }).concurrency(2)
                .executor(pool)
                .build()) {
            RunReport report = pipeline.run(IntStream.range(0, 1_000).boxed().toList());

            assertThat(report.done()).isEqualTo(1_000);
            assertThat(threadNames).containsOnly("host-pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorTooSmallForTheWorkersIsRefusedWithTheNumbersNeeded() {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("wide", x -> x).concurrency(4)
                .executor(pool)
                .build()) {
            assertThatThrownBy(() -> pipeline.run(List.of(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs 5 threads")
                    .hasMessageContaining("allows 2");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ioStagesRunOnVirtualThreadsWhenTheJvmHasThem() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21, "needs Java 21+");
        java.lang.reflect.Method isVirtual = Thread.class.getMethod("isVirtual");
        LinkedBlockingQueue<Boolean> seen = new LinkedBlockingQueue<>();
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("io", x -> {
                    seen.add((Boolean) isVirtual.invoke(Thread.currentThread()));
                    return x;
                }).io()
                .build()) {
            pipeline.run(List.of(1));
        }
        assertThat(seen.poll()).isTrue();
    }

    @Test
    void runAsyncCompletesWithTheReport() throws Exception {
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class).map("id", x -> x).build()) {
            RunReport report = pipeline.runAsync(List.of(1, 2, 3)).get(10, TimeUnit.SECONDS);
            assertThat(report.isClean()).isTrue();
            assertThat(report.done()).isEqualTo(3);
        }
    }

    @Test
    void cancelledFutureReportsCancellation() throws Exception {
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("blocks", x -> {
                    new CountDownLatch(1).await();
                    return x;
                })
                .build()) {
            CompletableFuture<RunReport> run = pipeline.runAsync(endless());
            run.cancel(true);
            assertThatThrownBy(run::get).isInstanceOf(CancellationException.class);
        }
    }
}
