package dev.aio.boot.example;

import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.ObjectOutcome;

/**
 * The JSON body of {@code POST /ingest}: how many objects each outcome had.
 *
 * @param runId the run's id
 * @param ingested objects new to the index
 * @param updated objects whose new version replaced the old chunks
 * @param unchanged objects skipped from the listing alone
 * @param deleted objects gone from the store, their chunks deleted
 * @param failed objects refused by their parser or failed after retries (see the log)
 */
public record IngestResponse(String runId, long ingested, long updated, long unchanged, long deleted, long failed) {

    /**
     * @param r the run's report
     * @return its counts
     */
    public static IngestResponse of(IngestReport r) {
        return new IngestResponse(r.runId(), r.count(ObjectOutcome.Status.INGESTED), r.count(ObjectOutcome.Status.UPDATED),
                r.count(ObjectOutcome.Status.UNCHANGED), r.count(ObjectOutcome.Status.DELETED),
                r.count(ObjectOutcome.Status.REJECTED) + r.count(ObjectOutcome.Status.FAILED));
    }
}
