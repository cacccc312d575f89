package dev.aio.core.ingest;

import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.RunStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account of one ingestion run or one applied batch of object events: the pipeline's own
 * {@link RunReport} (stages, dead letters, status) and the outcome of every object looked at.
 * Immutable.
 *
 * @param runId the run's id, the same as the pipeline report's and as the chunks'
 *     {@value Lineage#RUN_ID}
 * @param bucket the bucket
 * @param prefix the key prefix the run covered
 * @param listingComplete whether the listing of the prefix finished without error and without a
 *     limit, which is what allows deleting the chunks of objects no longer listed; {@code false}
 *     for event batches
 * @param pipeline the pipeline's report
 * @param objects one outcome per object, in key order
 */
public record IngestReport(String runId, String bucket, String prefix, boolean listingComplete, RunReport pipeline,
        List<ObjectOutcome> objects) {

    /** Checks the fields and copies the list. */
    public IngestReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(pipeline, "pipeline");
        objects = List.copyOf(objects);
    }

    /**
     * @param status an outcome
     * @return how many objects had it
     */
    public long count(ObjectOutcome.Status status) {
        return objects.stream().filter(o -> o.status() == status).count();
    }

    /**
     * @param key an object key
     * @return the object's outcome, if the run looked at it
     */
    public Optional<ObjectOutcome> outcome(String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** @return whether the run completed with no rejected or failed object */
    public boolean isClean() {
        return pipeline.status() == RunStatus.COMPLETED && count(ObjectOutcome.Status.REJECTED) == 0
                && count(ObjectOutcome.Status.FAILED) == 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ingest ").append(runId).append(' ').append(bucket).append('/')
                .append(prefix).append(listingComplete ? " (complete listing)" : " (partial listing)");
        for (ObjectOutcome.Status status : ObjectOutcome.Status.values()) {
            long n = count(status);
            if (n > 0) {
                s.append(' ').append(status.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(n);
            }
        }
        return s.append('\n').append(pipeline).toString();
    }
}
