package dev.aio.cli;

import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.IngestFailedException;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.IngestorBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio ingest SOURCE}: brings the store in line with a folder, a file or an S3 prefix,
 * incrementally (unchanged objects are skipped from the listing alone). Exit code 0 when every
 * object was ingested, 2 when some were dead-lettered (the report gives each reason), 1 on failure.
 */
@Command(name = "ingest", description = {"Ingest a folder, a file or s3://bucket/prefix into the store.",
    "The S3 secret key is read from the environment variable " + Source.SECRET_ENV + "."})
public final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "A folder, a file, or s3://bucket/prefix.")
    String source;

    @Mixin
    S3Options s3;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(common.store());
                Source src = Source.open(source, s3.endpoint, s3.accessKey, root.env(), ws)) {
            Preflight.check(src);
            IngestReport report = run(ws, src, Ingestor.builder(), !common.json());
            Reports.printIngest(root.out(), report, src, common.json());
            return Reports.deadLettered(report) > 0 ? ExitCodes.DEAD_LETTERS : ExitCodes.OK;
        }
    }

    /** Runs the ingestor over the source and records the source in the store's registry. */
    static IngestReport run(Workspace ws, Source src, IngestorBuilder builder, boolean progress) {
        builder.objectStore(src.store()).parsers(Parsers.standard()).chunker(ws.chunker()).embedder(ws.embedder())
                .vectorStore(ws.index()).ledger(ws.ledger());
        if (progress && System.console() != null) {
            builder.listener(new ProgressBar(System.err));
        }
        Ingestor ingestor = builder.build();
        ws.sources().add(new SourceRegistry.Entry(src.label(), src.store().name(), src.bucket(), src.prefix()));
        try {
            return ingestor.run(src.bucket(), src.prefix());
        } catch (IngestFailedException e) {
            throw new CliException("ingesting " + src.label() + " stopped early (" + Errors.describe(e)
                    + "); run it again to finish: it resumes where it stopped", e);
        }
    }
}
