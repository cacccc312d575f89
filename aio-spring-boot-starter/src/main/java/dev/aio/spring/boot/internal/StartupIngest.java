package dev.aio.spring.boot.internal;

import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Ingests the configured bucket and prefix once the application has started
 * ({@code aio.ingest.on-startup=true}). A run that stops early fails startup, as the index would
 * be incomplete; dead-lettered objects are logged and do not (the report keeps each reason).
 */
public final class StartupIngest implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupIngest.class);

    private final Ingestor ingestor;
    private final String bucket;
    private final String prefix;
    private volatile IngestReport report;

    /**
     * @param ingestor the ingestor
     * @param bucket the bucket
     * @param prefix the key prefix
     */
    public StartupIngest(Ingestor ingestor, String bucket, String prefix) {
        this.ingestor = ingestor;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void run(ApplicationArguments args) {
        IngestReport r = ingestor.run(bucket, prefix);
        report = r;
        if (r.isClean()) {
            LOG.info("aio ingested {}/{} at startup: {}", bucket, prefix, r);
        } else {
            LOG.warn("aio ingested {}/{} at startup with failures: {}", bucket, prefix, r);
        }
    }

    /** @return the startup run's report, once it has run */
    public Optional<IngestReport> report() {
        return Optional.ofNullable(report);
    }
}
