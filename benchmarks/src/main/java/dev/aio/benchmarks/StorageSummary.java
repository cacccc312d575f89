package dev.aio.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The summary lines of S1 ({@link ObjectStoreBenchmark}), printed by {@link Summary}: aio's time
 * over the raw MinIO client's for the same put or get, so the ratio is aio's overhead and the
 * target a maximum.
 */
final class StorageSummary {

    /** S1: aio at most this many times the raw client's time (10% overhead, issue 3). */
    static final double S1_MAX_RATIO = 1.10;

    private static final String S1_CLASS = ObjectStoreBenchmark.class.getName();

    private StorageSummary() {
    }

    /** @param r a result @return whether this class summarises it */
    static boolean handles(Summary.Result r) {
        return r.className().equals(S1_CLASS) && r.mode().equals("avgt");
    }

    static void summarise(List<Summary.Result> results, VectorSummary.Sink sink) {
        for (String op : new String[] {"Put", "Get"}) {
            Summary.Result ours = find(results, "aio" + op);
            Summary.Result peer = find(results, "raw" + op);
            if (ours == null || peer == null) {
                continue;
            }
            double ratio = ours.nanos() / peer.nanos();
            sink.line("S1." + op.toLowerCase(Locale.ROOT) + "[4KiB,s3proxy,peer=minio-client]",
                    Summary.fmt(ours.nanos() / 1e3) + "us", Summary.fmt(peer.nanos() / 1e3) + "us",
                    String.format(Locale.ROOT, "%.2f", ratio), "<=" + Summary.fmt(S1_MAX_RATIO),
                    ratio <= S1_MAX_RATIO ? "PASS" : "FAIL");
        }
    }

    private static Summary.Result find(List<Summary.Result> results, String method) {
        for (Summary.Result r : results) {
            if (handles(r) && r.method().equals(method)) {
                return r;
            }
        }
        return null;
    }
}
