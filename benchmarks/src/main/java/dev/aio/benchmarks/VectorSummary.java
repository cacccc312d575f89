package dev.aio.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The summary lines of E3 ({@link DotProductBenchmark}) and E4 ({@link ExactSearchBenchmark}),
 * printed by {@link Summary}. Their {@code ratio} is a speedup: the peer's time divided by ours,
 * so higher is better and the target is a minimum.
 */
final class VectorSummary {

    /** E3: the SIMD path at least this many times faster than the naive loop (BENCHMARKS.md). */
    static final double E3_MIN_SPEEDUP = 3.0;
    /** E4: at least this many times faster than plain Java in cache, judged at {@link #E4_IN_CACHE_N}. */
    static final double E4_MIN_SPEEDUP = 3.0;
    /** The E4 size at which the in-cache target is judged. */
    static final int E4_IN_CACHE_N = 10_000;
    /** E4: int8 at least this many times faster than our float32, judged at {@link #E4_INT8_N}. */
    static final double E4_INT8_MIN_SPEEDUP = 2.5;
    /** The E4 size at which the int8 target is judged (run.sh full only). */
    static final int E4_INT8_N = 1_000_000;

    /** E4: the float32 scan at least this fraction of the measured one-thread read bandwidth, at {@link #E4_BANDWIDTH_N}. */
    static final double E4_MIN_BANDWIDTH_FRACTION = 0.75;
    /** The E4 size at which the bandwidth target is judged: 1.5 GB of floats, far beyond any cache (full only). */
    static final int E4_BANDWIDTH_N = 1_000_000;

    private static final String E3_CLASS = DotProductBenchmark.class.getName();
    private static final String E4_CLASS = ExactSearchBenchmark.class.getName();
    private static final int E4_DIMS = 384;

    /** Receives one summary line; see {@code Summary.line}. */
    interface Sink {
        void line(String name, String ours, String peer, String ratio, String target, String verdict);
    }

    private VectorSummary() {
    }

    /** @param r a result @return whether this class summarises it */
    static boolean handles(Summary.Result r) {
        return (r.className().equals(E3_CLASS) || r.className().equals(E4_CLASS)) && r.mode().equals("avgt");
    }

    static void summarise(List<Summary.Result> results, RooflineSummary.Ceilings ceilings, Sink sink) {
        for (String type : new String[] {"float", "int8"}) {
            Summary.Result ours = find(results, E3_CLASS, type + "Simd", null);
            if (ours == null) {
                continue;
            }
            String name = "E3.dot[" + (type.equals("float") ? "float32" : "int8") + ",d=" + ours.params().get("dims");
            speedup(sink, name + ",peer=naive]", ours, find(results, E3_CLASS, type + "Naive", null), E3_MIN_SPEEDUP);
            speedup(sink, name + ",peer=unrolled4]", ours, find(results, E3_CLASS, type + "Unrolled4", null), Double.NaN);
            speedup(sink, name + ",peer=lucene]", ours, find(results, E3_CLASS, type + "Lucene", null), Double.NaN);
        }
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Summary.Result r : results) {
            if (r.className().equals(E4_CLASS) && r.params().containsKey("vectors")) {
                sizes.add(Integer.parseInt(r.params().get("vectors")));
            }
        }
        for (int n : sizes) {
            String key = String.valueOf(n);
            Summary.Result ours = find(results, E4_CLASS, "oursFloat32", key);
            Summary.Result int8 = find(results, E4_CLASS, "oursInt8", key);
            if (ours != null) {
                speedup(sink, "E4.top10[n=" + n + ",float32,peer=plainJava]", ours,
                        find(results, E4_CLASS, "plainJava", key), n == E4_IN_CACHE_N ? E4_MIN_SPEEDUP : Double.NaN);
                speedup(sink, "E4.top10[n=" + n + ",float32,peer=luceneVectorUtil]", ours,
                        find(results, E4_CLASS, "luceneVectorUtil", key), Double.NaN);
                // One query scans every stored float once on one thread: judged against the
                // one-thread streaming read of the same run, at the size that is far beyond L3.
                double gbPerS = (double) n * E4_DIMS * Float.BYTES / ours.nanos();
                double read = ceilings.readGbPerS(1);
                double fraction = gbPerS / read;
                boolean judged = n == E4_BANDWIDTH_N && !Double.isNaN(fraction);
                sink.line("E4.scan[n=" + n + ",float32,of=Roofline.read[threads=1]" + RooflineSummary.aboveCeiling(fraction)
                        + "]", Summary.fmt(gbPerS) + "GB/s",
                        Double.isNaN(read) ? "-" : Summary.fmt(read) + "GB/s",
                        Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f", fraction),
                        n == E4_BANDWIDTH_N ? ">=" + Summary.fmt(E4_MIN_BANDWIDTH_FRACTION) : "-",
                        !judged ? "INFO" : fraction >= E4_MIN_BANDWIDTH_FRACTION ? "PASS" : "FAIL");
            }
            if (int8 != null && ours != null) {
                speedup(sink, "E4.top10[n=" + n + ",int8,peer=oursFloat32]", int8, ours,
                        n == E4_INT8_N ? E4_INT8_MIN_SPEEDUP : Double.NaN);
            }
        }
    }

    private static void speedup(Sink sink, String name, Summary.Result ours, Summary.Result peer, double min) {
        String target = Double.isNaN(min) ? "-" : ">=" + Summary.fmt(min);
        if (peer == null) {
            if (!Double.isNaN(min)) {
                // A judged comparison whose peer did not run: ours alone, so the gap shows.
                sink.line(name, time(ours.nanos()), "-", "-", target, "INFO");
            }
            return;
        }
        double ratio = peer.nanos() / ours.nanos();
        String verdict = Double.isNaN(min) ? "INFO" : ratio >= min ? "PASS" : "FAIL";
        sink.line(name, time(ours.nanos()), time(peer.nanos()),
                String.format(Locale.ROOT, "%.2f", ratio), target, verdict);
    }

    private static String time(double nanos) {
        return nanos >= 10_000 ? Summary.fmt(nanos / 1e3) + "us" : Summary.fmt(nanos) + "ns";
    }

    private static Summary.Result find(List<Summary.Result> results, String className, String method, String vectors) {
        for (Summary.Result r : results) {
            if (r.className().equals(className) && r.method().equals(method) && r.mode().equals("avgt")
                    && (vectors == null || vectors.equals(r.params().get("vectors")))) {
                return r;
            }
        }
        return null;
    }
}
