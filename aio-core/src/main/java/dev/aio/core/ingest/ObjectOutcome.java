package dev.aio.core.ingest;

import java.util.Objects;

/**
 * What an ingestion run, or an applied batch of events, did with one object.
 *
 * @param bucket the bucket
 * @param key the key
 * @param versionId the version looked at, or {@code null}
 * @param etag the ETag looked at, or {@code null} (removals)
 * @param status what happened
 * @param chunks chunks the object has in the index afterwards (for {@link Status#FAILED}: before,
 *     as far as the ledger knows)
 * @param detail why, for {@link Status#REJECTED}, {@link Status#FAILED} and
 *     {@link Status#IGNORED}; else empty
 */
public record ObjectOutcome(String bucket, String key, String versionId, String etag, Status status, int chunks,
        String detail) {

    /** What happened to an object. */
    public enum Status {
        /** New to the index: parsed, chunked, embedded and written. */
        INGESTED,
        /** A new version, or new settings: new chunks written, then the stale ones deleted. */
        UPDATED,
        /** Same version and fingerprint as the ledger's: skipped without being downloaded. */
        UNCHANGED,
        /** Gone from the store (complete listing or removal event): its chunks were deleted. */
        DELETED,
        /** Refused by its parser (bad input): dead-lettered, recorded, its old chunks deleted. */
        REJECTED,
        /** Failed after its policy gave up (dead-lettered); the index keeps what it had. */
        FAILED,
        /** An event older than, or the same as, one already applied to the key. */
        IGNORED
    }

    /** Checks the fields. */
    public ObjectOutcome {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }
}
