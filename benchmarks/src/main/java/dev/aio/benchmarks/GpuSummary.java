package dev.aio.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The summary lines of E2 and E4 through aio-gpu ({@link GpuEmbedBenchmark},
 * {@link GpuSearchBenchmark}). BENCHMARKS.md sets their targets for a GPU only, so on the CPU
 * they are informational; ratios are speedups (the peer's time over ours).
 */
final class GpuSummary {

    private static final String EMBED = GpuEmbedBenchmark.class.getName();
    private static final String SEARCH = GpuSearchBenchmark.class.getName();

    private GpuSummary() {
    }

    static boolean handles(Summary.Result r) {
        return (r.className().equals(EMBED) || r.className().equals(SEARCH)) && r.mode().equals("avgt");
    }

    static void summarise(List<Summary.Result> results, VectorSummary.Sink sink) {
        for (String length : new String[] {"short", "128", "256"}) {
            for (String callers : new String[] {"1", "4"}) {
                Summary.Result ours = find(results, EMBED, "ours", "length", length, callers);
                Summary.Result peer = find(results, EMBED, "peer", "length", length, callers);
                if (ours == null) {
                    continue;
                }
                int chunks = ours.params().get("e2Scale").equals("full") ? 2048
                        : length.equals("short") ? 128 : length.equals("128") ? 24 : 12;
                double o = chunks / (ours.nanos() / 1e9);
                double p = peer == null ? Double.NaN : chunks / (peer.nanos() / 1e9);
                sink.line("GPU-E2.embed[" + length + ",callers=" + callers + ",chunks=" + chunks + ",peer=OnnxEmbedder]",
                        Summary.fmt(o) + "chunks/s", peer == null ? "-" : Summary.fmt(p) + "chunks/s",
                        peer == null ? "-" : String.format(Locale.ROOT, "%.2f", o / p), "-", "INFO");
            }
        }
        TreeSet<String> sizes = new TreeSet<>();
        results.stream().filter(r -> r.className().equals(SEARCH)).forEach(r -> sizes.add(r.params().get("vectors")));
        for (String n : sizes) {
            Summary.Result peer = find(results, SEARCH, "inMemory", "vectors", n, null);
            for (String method : new String[] {"tensorSingle", "tensorBatch"}) {
                Summary.Result ours = find(results, SEARCH, method, "vectors", n, null);
                if (ours == null) {
                    continue;
                }
                sink.line("GPU-E4.top10[n=" + n + "," + (method.equals("tensorBatch") ? "batch=16" : "single")
                        + ",peer=InMemoryVectorStore]", Summary.fmt(ours.nanos() / 1e3) + "us/query",
                        peer == null ? "-" : Summary.fmt(peer.nanos() / 1e3) + "us/query",
                        peer == null ? "-" : String.format(Locale.ROOT, "%.2f", peer.nanos() / ours.nanos()), "-",
                        "INFO");
            }
        }
    }

    private static Summary.Result find(List<Summary.Result> results, String cls, String method, String key,
            String value, String callers) {
        for (Summary.Result r : results) {
            if (r.className().equals(cls) && r.method().equals(method) && handles(r)
                    && value.equals(r.params().get(key))
                    && (callers == null || callers.equals(r.params().get("gpuCallers")))) {
                return r;
            }
        }
        return null;
    }
}
