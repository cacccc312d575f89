package dev.aio.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Roofline} lines of the summary, and the ceilings the E2 and E4 lines divide by
 * ("fraction of limit") when the same results hold them. A ceiling is the best iteration of its
 * run, while the figures divided by it are means, so the fractions err low, never high. Reads only {@link Roofline}'s
 * compile-time constants, so the summary never loads the SIMD class (which needs the vector
 * module).
 */
final class RooflineSummary {

    private static final String CLASS = Roofline.class.getName();

    private RooflineSummary() {
    }

    /**
     * The ceilings measured in a run, by thread count. A missing one is NaN, and a fraction of
     * it is then left out of the summary rather than guessed.
     */
    static final class Ceilings {
        private final Map<Integer, Double> readGbPerS = new TreeMap<>();
        private final Map<Integer, Double> fmaGflopPerS = new TreeMap<>();

        /** @return streaming-read GB/s (1e9 bytes) with this many threads, or NaN */
        double readGbPerS(int threads) {
            return readGbPerS.getOrDefault(threads, Double.NaN);
        }

        /** @return SIMD FMA GFLOP/s with this many threads, or NaN */
        double fmaGflopPerS(int threads) {
            return fmaGflopPerS.getOrDefault(threads, Double.NaN);
        }
    }

    /** @param r a result @return whether this class summarises it */
    static boolean handles(Summary.Result r) {
        return r.className().equals(CLASS) && r.mode().equals("avgt");
    }

    static Ceilings ceilings(List<Summary.Result> results) {
        Ceilings c = new Ceilings();
        for (Summary.Result r : results) {
            if (!handles(r)) {
                continue;
            }
            // The best iteration, not the mean: on a shared machine a ceiling measured while other
            // work ran would understate it and flatter every fraction taken of it. Each thread
            // does a whole operation, so the machine does threads x the work per operation time.
            double seconds = r.lowestNanos() / 1e9;
            if (r.method().startsWith("read")) {
                c.readGbPerS.put(r.threads(), r.threads() * Roofline.READ_BYTES_PER_OP / seconds / 1e9);
            } else if (r.method().startsWith("fma")) {
                c.fmaGflopPerS.put(r.threads(), r.threads() * Roofline.FMA_FLOP_PER_OP / seconds / 1e9);
            }
        }
        return c;
    }

    static void summarise(Ceilings c, VectorSummary.Sink sink) {
        c.readGbPerS.forEach((threads, gb) -> sink.line("Roofline.read[" + Roofline.ARRAY_MB + "MB,threads=" + threads
                + "]", Summary.fmt(gb) + "GB/s", "-", "-", "-", "INFO"));
        c.fmaGflopPerS.forEach((threads, gf) -> sink.line("Roofline.fma[threads=" + threads + "]",
                Summary.fmt(gf) + "GFLOP/s", "-", "-", "-", "INFO"));
    }

    /**
     * A name suffix for a fraction above 1: the ceiling was measured while the machine was
     * busier than during the figure divided by it (shared hosts vary minute to minute), so the
     * fraction overstates and the run should be repeated on a quieter machine.
     */
    static String aboveCeiling(double fraction) {
        return fraction > 1.0 ? ",aboveMeasuredCeiling:noisyRun" : "";
    }
}
