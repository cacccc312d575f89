package dev.aio.benchmarks;

import dev.aio.llm.onnx.OnnxEmbedder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * E1 measured a second way: ours, the peer, ONNX Runtime alone (the bound, see
 * {@link RuntimeAlone}) and ours with spinning threads (an opt-in, informational) take turns in
 * one JVM, in blocks of queries whose order rotates every
 * round. So slow spells of a shared machine hit all three alike. Separate JMH forks minutes
 * apart see different loads: the same code's p50 moved from 3.3 to 3.9 ms within an hour, and
 * ONNX Runtime alone, which does strictly less work than ours, once came out slower than ours.
 *
 * <p>Blocks rather than single calls alternate: each side's session spins for a while after a
 * run, so the first queries of a block, which share the cores with the previous side's spinning
 * threads, are run but not counted. Prints summary lines in the format of {@link Summary};
 * {@code run.sh quick} judges E1 by these.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.aio.benchmarks.InterleavedQueryCheck [rounds]}
 */
public final class InterleavedQueryCheck {

    private static final int WARMUP_PER_SIDE = 100;
    private static final int UNCOUNTED_PER_BLOCK = 3;
    private static final int COUNTED_PER_BLOCK = 40;

    private InterleavedQueryCheck() {
    }

    /** One side: something that embeds query {@code i}. */
    private interface Side {
        void embed(int i);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        try (OnnxEmbedder ours = OnnxEmbedder.builder().build();
                OnnxEmbedder oursSpinning = OnnxEmbedder.builder().spinning(true).build()) {
            List<String> queries = Corpus.queries(ours.tokenizer(), 8, 32);
            AllMiniLmL6V2EmbeddingModel peer = new AllMiniLmL6V2EmbeddingModel();
            try (RuntimeAlone runtime = RuntimeAlone.queries(ours, queries,
                    java.lang.Runtime.getRuntime().availableProcessors())) {
                Side[] sides = {
                    i -> ours.embed(queries.get(i % queries.size())),
                    i -> peer.embed(queries.get(i % queries.size())),
                    i -> runtime.runOne(i % runtime.batches()),
                    i -> oursSpinning.embed(queries.get(i % queries.size())),
                };
                long[][] nanos = measure(sides, rounds);
                print(nanos[0], nanos[1], nanos[2], nanos[3]);
            }
        }
    }

    private static long[][] measure(Side[] sides, int rounds) {
        for (Side side : sides) {
            for (int i = 0; i < WARMUP_PER_SIDE; i++) {
                side.embed(i);
            }
        }
        long[][] nanos = new long[sides.length][rounds * COUNTED_PER_BLOCK];
        int query = 0;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < sides.length; k++) {
                int s = (round + k) % sides.length; // each side leads in turn
                for (int i = 0; i < UNCOUNTED_PER_BLOCK; i++) {
                    sides[s].embed(query++);
                }
                for (int i = 0; i < COUNTED_PER_BLOCK; i++) {
                    long t0 = System.nanoTime();
                    sides[s].embed(query++);
                    nanos[s][round * COUNTED_PER_BLOCK + i] = System.nanoTime() - t0;
                }
            }
        }
        return nanos;
    }

    private static void print(long[] ours, long[] peer, long[] runtime, long[] oursSpinning) {
        double o50 = percentile(ours, 0.50);
        double p50 = percentile(peer, 0.50);
        double r50 = percentile(runtime, 0.50);
        double speedup = p50 / o50;
        String n = ",interleaved,n=" + ours.length;
        line("E1.query[p50" + n + "]", ms(o50), ms(p50), String.format(Locale.ROOT, "%.2f", speedup),
                ">=" + Summary.fmt(EmbedSummary.E1_MIN_SPEEDUP), speedup >= EmbedSummary.E1_MIN_SPEEDUP ? "PASS" : "FAIL");
        double oSpread = percentile(ours, 0.99) / o50;
        line("E1.query[p99/p50" + n + "]", Summary.fmt(oSpread) + "(p99=" + ms(percentile(ours, 0.99)) + ")",
                Summary.fmt(percentile(peer, 0.99) / p50) + "(p99=" + ms(percentile(peer, 0.99)) + ")", "-",
                "<=" + Summary.fmt(EmbedSummary.E1_MAX_SPREAD), oSpread <= EmbedSummary.E1_MAX_SPREAD ? "PASS" : "FAIL");
        // Ours with spinning(true), the opt-in for reserved cores (the peer's threads spin too).
        double s50 = percentile(oursSpinning, 0.50);
        line("E1.query[p50" + n + ",oursSpinning:optIn]", ms(s50), ms(p50), String.format(Locale.ROOT, "%.2f", p50 / s50),
                "-", "INFO");
        line("E1.bound[p50" + n + ",onnxRuntimeAlone:mostAnyEmbedderOnItCanGain]", ms(r50), ms(p50),
                String.format(Locale.ROOT, "%.2f", p50 / r50), "-", "INFO");
        line("E1.bound[p99/p50" + n + ",onnxRuntimeAlone]", Summary.fmt(percentile(runtime, 0.99) / r50) + "(p99="
                + ms(percentile(runtime, 0.99)) + ")", "-", "-", "-", "INFO");
    }

    private static void line(String name, String ours, String peer, String ratio, String target, String verdict) {
        System.out.println(Summary.format(name, ours, peer, ratio, target, verdict));
    }

    private static String ms(double nanos) {
        return Summary.fmt(nanos / 1e6) + "ms";
    }

    /** The nearest-rank percentile. */
    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
