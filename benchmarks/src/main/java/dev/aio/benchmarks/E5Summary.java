package dev.aio.benchmarks;

import dev.aio.benchmarks.e5.ApproximateSearchBenchmark;
import dev.aio.benchmarks.e5.E5Data;
import dev.aio.benchmarks.e5.E5Results;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The summary lines of E5 ({@link ApproximateSearchBenchmark}): per base size, our queries per
 * second against the best peer's, each engine at the smallest effort that reached recall@10
 * {@code >=} {@value ApproximateSearchBenchmark#TARGET_RECALL}, then each engine's calibration
 * (effort, recall, build rate) and our build rate against each peer's as INFO lines. An engine
 * that never reached the target recall cannot pass, nor can ours beat it.
 */
final class E5Summary {

    /** E5: at least the best peer's QPS (BENCHMARKS.md). */
    static final double E5_MIN_RATIO = 1.0;

    private static final String E5_CLASS = ApproximateSearchBenchmark.class.getName();
    private static final String[] PEERS = {"lucene", "jvector"};

    private E5Summary() {
    }

    static boolean handles(Summary.Result r) {
        return r.className().equals(E5_CLASS);
    }

    static void summarise(List<Summary.Result> results, VectorSummary.Sink sink) {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (Summary.Result r : results) {
            if (handles(r)) {
                sizes.add(Integer.parseInt(r.params().get("e5Base")));
            }
        }
        for (int n : sizes) {
            String size = "n=" + n + (n < E5Data.FULL_BASE ? "(quick; target is judged at " + E5Data.FULL_BASE + ")" : "");
            Summary.Result ours = find(results, "ours", n);
            E5Results oursCal = E5Results.read("ours", n);
            Summary.Result best = null;
            String bestName = null;
            for (String peer : PEERS) {
                Summary.Result p = find(results, peer, n);
                E5Results cal = E5Results.read(peer, n);
                if (p != null && cal != null && reached(cal) && (best == null || p.score() > best.score())) {
                    best = p;
                    bestName = peer;
                }
            }
            if (ours != null && best != null) {
                double ratio = ours.score() / best.score();
                boolean pass = ratio >= E5_MIN_RATIO && oursCal != null && reached(oursCal);
                sink.line("E5.qps@recall" + ApproximateSearchBenchmark.TARGET_RECALL + "[" + size + ",peer=best:" + bestName
                        + "]", qps(ours), qps(best), String.format(Locale.ROOT, "%.2f", ratio),
                        ">=" + Summary.fmt(E5_MIN_RATIO), pass ? "PASS" : "FAIL");
            }
            for (String engine : new String[] {"ours", "lucene", "jvector", "ours-float"}) {
                Summary.Result r = find(results, engine, n);
                E5Results cal = E5Results.read(engine, n);
                if (r == null || cal == null) {
                    continue;
                }
                sink.line("E5.engine[" + size + "," + engine + "," + cal.settings() + "]",
                        String.format(Locale.ROOT, "qps:%s,effort:%d,recall@10:%.4f,build:%s/s", Summary.fmt(r.score()),
                                cal.effort(), cal.recall(), Summary.fmt(cal.buildRate())),
                        "-", "-", "-", "INFO");
            }
            for (String peer : PEERS) {
                // Calibrations persist under target/ across runs: only engines measured in this run count.
                E5Results cal = find(results, peer, n) == null ? null : E5Results.read(peer, n);
                if (oursCal != null && cal != null) {
                    sink.line("E5.build[" + size + ",peer=" + peer + "]", Summary.fmt(oursCal.buildRate()) + "/s",
                            Summary.fmt(cal.buildRate()) + "/s",
                            String.format(Locale.ROOT, "%.2f", oursCal.buildRate() / cal.buildRate()), "-", "INFO");
                }
            }
        }
    }

    private static boolean reached(E5Results cal) {
        return cal.recall() >= ApproximateSearchBenchmark.TARGET_RECALL;
    }

    private static String qps(Summary.Result r) {
        return Summary.fmt(r.score()) + "/s";
    }

    private static Summary.Result find(List<Summary.Result> results, String engine, int n) {
        for (Summary.Result r : results) {
            if (handles(r) && engine.equals(r.params().get("e5Engine"))
                    && String.valueOf(n).equals(r.params().get("e5Base"))) {
                return r;
            }
        }
        return null;
    }
}
