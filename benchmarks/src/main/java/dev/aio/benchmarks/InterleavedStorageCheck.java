package dev.aio.benchmarks;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * S1 measured a second way: aio's and the raw client's calls interleaved in one JVM against one
 * server (A B B A order, so drift and warm-up hit both alike). Separate JMH forks each start their
 * own S3 server, whose JIT and GC state varies by tens of percent from fork to fork; interleaving
 * removes that variance, so this line shows aio's own overhead. Prints summary lines in the
 * format of {@link Summary}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.aio.benchmarks.InterleavedStorageCheck [rounds]}
 */
public final class InterleavedStorageCheck {

    private InterleavedStorageCheck() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        ObjectStoreBenchmark bench = new ObjectStoreBenchmark();
        bench.setUp();
        try {
            line("put", rounds, bench::aioPut, bench::rawPut);
            line("get", rounds, bench::aioGet, bench::rawGet);
        } finally {
            bench.tearDown();
        }
    }

    private static void line(String op, int rounds, Callable<?> ours, Callable<?> peer) throws Exception {
        for (int i = 0; i < rounds / 2; i++) {
            ours.call();
            peer.call();
        }
        long oursNanos = 0;
        long peerNanos = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            ours.call();
            long t1 = System.nanoTime();
            peer.call();
            long t2 = System.nanoTime();
            peer.call();
            long t3 = System.nanoTime();
            ours.call();
            long t4 = System.nanoTime();
            oursNanos += (t1 - t0) + (t4 - t3);
            peerNanos += (t2 - t1) + (t3 - t2);
        }
        double ratio = (double) oursNanos / peerNanos;
        System.out.printf(Locale.ROOT, "S1.%s[4KiB,s3proxy,interleaved,peer=minio-client] ours=%sus peer=%sus ratio=%.3f "
                + "target<=%s %s%n", op, Summary.fmt(oursNanos / 2.0 / rounds / 1e3),
                Summary.fmt(peerNanos / 2.0 / rounds / 1e3), ratio, Summary.fmt(StorageSummary.S1_MAX_RATIO),
                ratio <= StorageSummary.S1_MAX_RATIO ? "PASS" : "FAIL");
    }
}
