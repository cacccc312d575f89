package dev.aio.cli;

import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.IngestWatch;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.ObjectOutcome;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio watch SOURCE}: keeps the store in line with a prefix, applying each change as an
 * object event (created, overwritten, removed) as it is found. Changes are found by polling the
 * listing every {@code --interval}; Ctrl-C stops it after the poll in progress, with the store
 * closed cleanly.
 */
@Command(name = "watch", description = "Keep the store in line with s3://bucket/prefix (or a folder) until Ctrl-C.")
public final class WatchCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "s3://bucket/prefix, or a folder.")
    String source;

    @Mixin
    S3Options s3;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "Time between polls, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--once", description = "Poll once and exit (for scripts and cron).")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        if (interval.isNegative() || interval.isZero()) {
            throw new CliException("--interval must be positive, was " + interval);
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS); // let the store close before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aio-watch-stop");
        if (!once) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try (Workspace ws = Workspace.open(common.store());
                Source src = Source.open(source, s3.endpoint, s3.accessKey, root.env(), ws)) {
            Preflight.check(src);
            Ingestor ingestor = Ingestor.builder().objectStore(src.store()).parsers(Parsers.standard())
                    .chunker(ws.chunker()).embedder(ws.embedder()).vectorStore(ws.index()).ledger(ws.ledger()).build();
            ws.sources().add(new SourceRegistry.Entry(src.label(), src.store().name(), src.bucket(), src.prefix()));
            IngestWatch watch = ingestor.watch(src.bucket(), src.prefix());
            int code = ExitCodes.OK;
            do {
                IngestReport report = watch.poll();
                if (common.json()) {
                    Reports.printIngest(root.out(), report, src, true);
                } else if (changed(report)) {
                    Reports.printIngest(root.out(), report, src, false);
                }
                if (Reports.deadLettered(report) > 0) {
                    code = ExitCodes.DEAD_LETTERS;
                }
            } while (!once && !stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            return code;
        } finally {
            stopped.countDown();
            if (!once) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for `stopped`, counted down above
                }
            }
        }
    }

    private static boolean changed(IngestReport report) {
        return report.objects().stream().anyMatch(o -> o.status() != ObjectOutcome.Status.UNCHANGED
                && o.status() != ObjectOutcome.Status.IGNORED);
    }
}
