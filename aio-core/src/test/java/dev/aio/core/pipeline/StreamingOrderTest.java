package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamingOrderTest {

    private static final List<Integer> INPUT = IntStream.range(0, 5_000).boxed().collect(Collectors.toList());

    @Test
    void concurrentStagesKeepInputOrderByDefault() {
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("uneven", x -> {
                    EngineThreads.spin(ThreadLocalRandom.current().nextInt(20));
                    return x;
                }).concurrency(4).io()
                .flatMap("twice", x -> List.of(x, x))
                .sink("collect", out::add)
                .build()) {
            pipeline.run(INPUT);
        }
        List<Integer> expected = INPUT.stream().flatMap(x -> java.util.stream.Stream.of(x, x))
                .collect(Collectors.toList());
        assertThat(out).containsExactlyElementsOf(expected);
    }

    @Test
    void unorderedStagesDeliverEveryItemExactlyOnce() {
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("uneven", x -> {
                    EngineThreads.spin(ThreadLocalRandom.current().nextInt(20));
                    return x;
                }).concurrency(4).unordered().io()
                .sink("collect", out::add)
                .build()) {
            RunReport report = pipeline.run(INPUT);
            assertThat(report.stage("uneven").out()).isEqualTo(INPUT.size());
        }
        assertThat(out).containsExactlyInAnyOrderElementsOf(INPUT);
    }

    @Test
    void cpuStagesNeverRunMoreAttemptsAtOnceThanThereAreCores() {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        int cores = Runtime.getRuntime().availableProcessors();
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("cpu", x -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    EngineThreads.spin(50);
                    running.decrementAndGet();
                    return x;
                }).concurrency(cores + 4)
                .build()) {
            pipeline.run(INPUT.subList(0, 1_000));
        }
        assertThat(most.get()).isBetween(1, cores);
    }

    @Test
    void ioStagesRunAsManyAttemptsAtOnceAsTheirConcurrency() throws Exception {
        int workers = 8;
        java.util.concurrent.CyclicBarrier allAtOnce = new java.util.concurrent.CyclicBarrier(workers);
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("io", x -> {
                    // Every worker must be inside the stage at the same time for this to pass.
                    allAtOnce.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    return x;
                }).concurrency(workers).io()
                .build()) {
            RunReport report = pipeline.run(INPUT.subList(0, workers * 3));
            assertThat(report.isClean()).as(report.toString()).isTrue();
        }
    }
}
