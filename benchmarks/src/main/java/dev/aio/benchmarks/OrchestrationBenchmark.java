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
 * <p>Stage k is {@code x -> { x.s[k] = x.s[k-1] + 1; return x; }} on a small mutable
 * {@link Item}, a distinct lambda (so a distinct class) per stage, as the stages of a real
 * pipeline are. The item escapes (it lives in the state or the input list) and the result is
 * consumed, so even a fully inlined chain must do one store per stage; nothing allocates.
 * SampleTime is not used: a call is tens of nanoseconds, below the timer's useful resolution.
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

    /** Slot 0 of the first input. */
    static final long BASE = 1_000_000L;

    @Param({"1", "5", "10"})
    public int stages;

    /** Ten distinct stage functions; the first {@link #stages} of them are used. */
    @SuppressWarnings("unchecked")
    static StageFunction<Item, Item>[] stageFunctions() {
        return new StageFunction[] {
            (StageFunction<Item, Item>) x -> {
                x.s1 = x.s0 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s2 = x.s1 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s3 = x.s2 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s4 = x.s3 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s5 = x.s4 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s6 = x.s5 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s7 = x.s6 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s8 = x.s7 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s9 = x.s8 + 1;
                return x;
            },
            (StageFunction<Item, Item>) x -> {
                x.s10 = x.s9 + 1;
                return x;
            },
        };
    }

    // The peer's functions, one field each, as hand-written code would hold them.
    StageFunction<Item, Item> f0;
    StageFunction<Item, Item> f1;
    StageFunction<Item, Item> f2;
    StageFunction<Item, Item> f3;
    StageFunction<Item, Item> f4;
    StageFunction<Item, Item> f5;
    StageFunction<Item, Item> f6;
    StageFunction<Item, Item> f7;
    StageFunction<Item, Item> f8;
    StageFunction<Item, Item> f9;
    StageFunction<Item, Item>[] used;

    /** The item of the sync call paths; a field, so its slots are memory the JIT must write. */
    Item input;
    /** The items of a streaming run, one holder each. */
    List<Item> items;

    Pipeline<Item, Item> callPipeline;
    Pipeline<Item, Void> fusedPipeline;
    Pipeline<Item, Void> queuedPipeline;

    @Setup(Level.Trial)
    public void setUp(Blackhole sink) {
        if (stages < 1 || stages > 10) {
            throw new IllegalArgumentException("stages must be 1..10, got " + stages);
        }
        StageFunction<Item, Item>[] all = stageFunctions();
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
        input = new Item(BASE);
        items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(new Item(BASE + i));
        }

        PipelineBuilder<Item, Item> call = Pipeline.from(Item.class).named("e8-call");
        PipelineBuilder<Item, Item> fused = Pipeline.from(Item.class).named("e8-fused");
        PipelineBuilder<Item, Item> queued = Pipeline.from(Item.class).named("e8-queued");
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
        long expected = BASE + stages;
        try {
            long plain = plainCalls().slot(stages);
            input.clearSlots();
            long looped = plainLoop().slot(stages);
            input.clearSlots();
            long piped = callPipeline.call(input).slot(stages);
            if (plain != expected || looped != expected || piped != expected) {
                throw new IllegalStateException("E8 paths disagree: expected " + expected + ", plain " + plain
                        + ", loop " + looped + ", pipeline " + piped);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Pipeline<Item, Void> p : List.of(fusedPipeline, queuedPipeline)) {
            RunReport report = p.run(items);
            if (!report.isClean() || report.done() != ITEMS || report.stage("sink").out() != ITEMS) {
                throw new IllegalStateException("E8 streaming run did not process every item: " + report);
            }
            for (int i = 0; i < ITEMS; i++) {
                Item item = items.get(i);
                if (item.slot(stages) != BASE + i + stages) {
                    throw new IllegalStateException("E8 streaming run left item " + i + " unprocessed");
                }
                item.clearSlots();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        callPipeline.close();
        fusedPipeline.close();
        queuedPipeline.close();
    }

    /**
     * A small mutable item: stage k writes slot k from slot k-1 and passes the item on. Each
     * stage is a load, an add and a store to an object that escapes, which the JIT must perform
     * even when it inlines the whole chain (a boxed {@code Long} chain is not safe: JDK 25's C2
     * removes the intermediate boxes of the inlined peer, 24 B/op instead of 24 B per stage).
     */
    public static final class Item {
        long s0;
        long s1;
        long s2;
        long s3;
        long s4;
        long s5;
        long s6;
        long s7;
        long s8;
        long s9;
        long s10;

        Item(long first) {
            s0 = first;
        }

        long slot(int k) {
            long[] all = {s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10};
            return all[k];
        }

        void clearSlots() {
            s1 = s2 = s3 = s4 = s5 = s6 = s7 = s8 = s9 = s10 = 0;
        }
    }

    // ---------------------------------------------------------------- sync call

    /** The peer: the same functions called by hand-written code, one call site per stage. */
    @Benchmark
    public Item plainCalls() throws Exception {
        Item x = input;
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
    public Item plainLoop() throws Exception {
        Item x = input;
        for (StageFunction<Item, Item> f : used) {
            x = f.apply(x);
        }
        return x;
    }

    @Benchmark
    public Item pipelineCall() {
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
