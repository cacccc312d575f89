package dev.aio.benchmarks;

import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.PipelineBuilder;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StageFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * E8: orchestration overhead of the pipeline engine over 1, 5 and 10 no-op map stages.
 *
 * <p>Each stage is {@code x -> x + k} on a boxed {@code Long} (k = 1..10), a distinct lambda
 * (so a distinct class) per stage, as the stages of a real pipeline are. Inputs start above the
 * {@code Long} cache, so every stage really computes and returns a new value; the result is
 * consumed, so nothing can be dropped.
 *
 * <ul>
 *   <li>{@link #plainCalls}: the peer, the same function objects called by hand-written code,
 *       one call site per stage, as a programmer would write {@code f2(f1(f0(x)))}.</li>
 *   <li>{@link #plainLoop}: the same functions called in a loop over an array (one shared call
 *       site, like the engine's); informational, to separate the cost of a shared call site from
 *       the engine's own bookkeeping.</li>
 *   <li>{@link #pipelineCall}: {@code pipeline.call(item)} through the N map stages.</li>
 *   <li>{@link #pipelineStream}: {@code pipeline.run(list)} over {@value #ITEMS} items, the N
 *       map stages and a sink into a {@link Blackhole}, fused onto one worker; time per item.</li>
 *   <li>{@link #pipelineStreamQueued}: the same with {@code queueCapacity(256)} on every map
 *       stage, which breaks fusion: each map stage gets its own worker and a bounded queue in
 *       front of it (the sink stays fused with the last map), so an item crosses N queues.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrchestrationBenchmark {

    /** Items per streaming run; each run is one invocation of {@value} operations. */
    public static final int ITEMS = 100_000;

    /** First input value: above the {@code Long} cache (-128..127), so boxes are real. */
    static final long BASE = 1_000_000L;

    @Param({"1", "5", "10"})
    public int stages;

    /** Ten distinct stage functions; the first {@link #stages} of them are used. */
    @SuppressWarnings("unchecked")
    static StageFunction<Long, Long>[] stageFunctions() {
        return new StageFunction[] {
            (StageFunction<Long, Long>) x -> x + 1,
            (StageFunction<Long, Long>) x -> x + 2,
            (StageFunction<Long, Long>) x -> x + 3,
            (StageFunction<Long, Long>) x -> x + 4,
            (StageFunction<Long, Long>) x -> x + 5,
            (StageFunction<Long, Long>) x -> x + 6,
            (StageFunction<Long, Long>) x -> x + 7,
            (StageFunction<Long, Long>) x -> x + 8,
            (StageFunction<Long, Long>) x -> x + 9,
            (StageFunction<Long, Long>) x -> x + 10,
        };
    }

    // The peer's functions, one field each, as hand-written code would hold them.
    StageFunction<Long, Long> f0;
    StageFunction<Long, Long> f1;
    StageFunction<Long, Long> f2;
    StageFunction<Long, Long> f3;
    StageFunction<Long, Long> f4;
    StageFunction<Long, Long> f5;
    StageFunction<Long, Long> f6;
    StageFunction<Long, Long> f7;
    StageFunction<Long, Long> f8;
    StageFunction<Long, Long> f9;
    StageFunction<Long, Long>[] used;

    /** Not final and not a constant, so the JIT cannot fold the chain at compile time. */
    Long input;
    List<Long> items;

    Pipeline<Long, Long> callPipeline;
    Pipeline<Long, Void> fusedPipeline;
    Pipeline<Long, Void> queuedPipeline;

    @Setup(Level.Trial)
    public void setUp(Blackhole sink) {
        if (stages < 1 || stages > 10) {
            throw new IllegalArgumentException("stages must be 1..10, got " + stages);
        }
        StageFunction<Long, Long>[] all = stageFunctions();
        f0 = all[0];
        f1 = all[1];
        f2 = all[2];
        f3 = all[3];
        f4 = all[4];
        f5 = all[5];
        f6 = all[6];
        f7 = all[7];
        f8 = all[8];
        f9 = all[9];
        used = java.util.Arrays.copyOf(all, stages);
        input = BASE;
        items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(BASE + i);
        }

        PipelineBuilder<Long, Long> call = Pipeline.from(Long.class).named("e8-call");
        PipelineBuilder<Long, Long> fused = Pipeline.from(Long.class).named("e8-fused");
        PipelineBuilder<Long, Long> queued = Pipeline.from(Long.class).named("e8-queued");
        for (int i = 0; i < stages; i++) {
            call = call.map("s" + i, all[i]);
            fused = fused.map("s" + i, all[i]);
            queued = queued.map("s" + i, all[i]).queueCapacity(256);
        }
        callPipeline = call.build();
        fusedPipeline = fused.sink("sink", sink::consume).build();
        queuedPipeline = queued.sink("sink", sink::consume).build();

        verify(sink);
    }

    /** Checks once that all three paths compute the same thing, so no path is measured doing less. */
    private void verify(Blackhole sink) {
        long expected = BASE + (long) stages * (stages + 1) / 2;
        try {
            long plain = plainCalls();
            long looped = plainLoop();
            long piped = callPipeline.call(input);
            if (plain != expected || looped != expected || piped != expected) {
                throw new IllegalStateException("E8 paths disagree: expected " + expected + ", plain " + plain
                        + ", loop " + looped + ", pipeline " + piped);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Pipeline<Long, Void> p : List.of(fusedPipeline, queuedPipeline)) {
            RunReport report = p.run(items);
            if (!report.isClean() || report.done() != ITEMS || report.stage("sink").out() != ITEMS) {
                throw new IllegalStateException("E8 streaming run did not process every item: " + report);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        callPipeline.close();
        fusedPipeline.close();
        queuedPipeline.close();
    }

    // ---------------------------------------------------------------- sync call

    /** The peer: the same functions called by hand-written code, one call site per stage. */
    @Benchmark
    public Long plainCalls() throws Exception {
        Long x = input;
        switch (stages) {
            case 1:
                return f0.apply(x);
            case 5:
                return f4.apply(f3.apply(f2.apply(f1.apply(f0.apply(x)))));
            case 10:
                return f9.apply(f8.apply(f7.apply(f6.apply(f5.apply(
                        f4.apply(f3.apply(f2.apply(f1.apply(f0.apply(x))))))))));
            default:
                throw new IllegalStateException("no hand-written chain for " + stages + " stages");
        }
    }

    /** Informational: the same functions called in a loop over an array (one shared call site). */
    @Benchmark
    public Long plainLoop() throws Exception {
        Long x = input;
        for (StageFunction<Long, Long> f : used) {
            x = f.apply(x);
        }
        return x;
    }

    @Benchmark
    public Long pipelineCall() {
        return callPipeline.call(input);
    }

    // ---------------------------------------------------------------- streaming run

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public RunReport pipelineStream() {
        return fusedPipeline.run(items);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public RunReport pipelineStreamQueued() {
        return queuedPipeline.run(items);
    }
}
