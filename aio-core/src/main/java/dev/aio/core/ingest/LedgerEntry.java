package dev.aio.core.ingest;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Ledger} remembers about one object: the version whose chunks the index holds,
 * the content fingerprint they were made with, their ids, and the ids of an attempt that may
 * not have finished. Immutable.
 *
 * <p>The three id lists are the crash-safety state of the per-object protocol (see the package
 * documentation): {@code chunkIds} are the committed chunks; {@code pendingChunkIds} were
 * announced before an upsert and are not yet committed, so after a crash they may be in the
 * index as orphans; {@code staleChunkIds} were replaced by a commit and may still be in the index
 * until they are deleted.
 *
 * @param store the object store's {@linkplain dev.aio.core.storage.ObjectStore#name() name}
 * @param bucket the bucket
 * @param key the object key
 * @param status what the committed state means
 * @param versionId the committed version id, or {@code null} where the store has none
 * @param etag the committed ETag, or {@code null} for a {@link Status#DELETED} tombstone
 * @param fingerprint the content fingerprint of the committed chunks, or {@code null} for a
 *     tombstone
 * @param chunkIds the committed chunk ids, in chunk order
 * @param pendingChunkIds ids announced by an attempt that has not committed; empty when none
 * @param staleChunkIds ids replaced by the last commit and not yet deleted; empty when none
 * @param sequencer the last object-event sequencer applied to this key, or {@code null}
 * @param runId the run that wrote this entry
 * @param updated when this entry was written
 */
public record LedgerEntry(String store, String bucket, String key, Status status, String versionId, String etag,
        String fingerprint, List<String> chunkIds, List<String> pendingChunkIds, List<String> staleChunkIds,
        String sequencer, String runId, Instant updated) {

    /** What the committed state of an entry means. */
    public enum Status {
        /** The version was parsed, chunked, embedded and its chunks are in the index. */
        INGESTED,
        /**
         * The version was refused by its parser (bad input); it has no chunks and is not tried
         * again until its version or the fingerprint changes.
         */
        REJECTED,
        /**
         * The object was removed (an object event); a tombstone with no chunks that keeps the
         * last applied sequencer so that older events for the key are recognised as stale.
         */
        DELETED
    }

    /** Checks the fields and copies the lists. */
    public LedgerEntry {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        chunkIds = List.copyOf(chunkIds);
        pendingChunkIds = List.copyOf(pendingChunkIds);
        staleChunkIds = List.copyOf(staleChunkIds);
        Objects.requireNonNull(updated, "updated");
        if (status != Status.INGESTED && !chunkIds.isEmpty()) {
            throw new IllegalArgumentException("ledger entry " + bucket + "/" + key + " is " + status
                    + " but lists " + chunkIds.size() + " committed chunks; only INGESTED entries have chunks");
        }
    }

    /** @return whether an attempt announced chunks and did not commit or clean up after itself */
    public boolean hasLeftovers() {
        return !pendingChunkIds.isEmpty() || !staleChunkIds.isEmpty();
    }

    /**
     * The ids that may be in the index but must not be: pending and stale ids that are not
     * committed.
     *
     * @return the ids to delete to reconcile this entry, in no particular order
     */
    public Set<String> orphanIds() {
        Set<String> orphans = new LinkedHashSet<>(pendingChunkIds);
        orphans.addAll(staleChunkIds);
        chunkIds.forEach(orphans::remove);
        return orphans;
    }

    /**
     * @return the version this entry's committed chunks were made from: the version id where
     *     there is one, else the ETag
     */
    public String versionToken() {
        return versionId != null ? versionId : etag;
    }

    /**
     * @param newStatus the status
     * @param newVersionId the version id
     * @param newEtag the ETag
     * @param newFingerprint the fingerprint
     * @param newChunkIds the committed ids
     * @param newPending the pending ids
     * @param newStale the stale ids
     * @param newSequencer the sequencer
     * @param newRunId the run
     * @param time when
     * @return a copy for the same object with the given state
     */
    public LedgerEntry with(Status newStatus, String newVersionId, String newEtag, String newFingerprint,
            List<String> newChunkIds, List<String> newPending, List<String> newStale, String newSequencer,
            String newRunId, Instant time) {
        return new LedgerEntry(store, bucket, key, newStatus, newVersionId, newEtag, newFingerprint, newChunkIds,
                newPending, newStale, newSequencer, newRunId, time);
    }

    /**
     * @param newPending the pending ids
     * @param newStale the stale ids
     * @param time when
     * @return a copy with the committed state kept and the given leftovers
     */
    public LedgerEntry withLeftovers(List<String> newPending, List<String> newStale, Instant time) {
        return with(status, versionId, etag, fingerprint, chunkIds, newPending, newStale, sequencer, runId, time);
    }
}
