package dev.aio.core.ingest.internal;

import dev.aio.core.ingest.Ledger;
import dev.aio.core.ingest.LedgerEntry;
import dev.aio.core.pipeline.TimeSource;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-object protocol that keeps the index and the ledger converging whatever step a crash
 * interrupts. Every step is idempotent, and the ledger is always written before the index is
 * touched in a way the ledger would not otherwise know about:
 *
 * <ol>
 * <li>announce: the new ids become the entry's pending ids (committed state unchanged);
 * <li>upsert the new records;
 * <li>commit: version, fingerprint and new ids become the committed state; every id the entry
 *     knew that is not new (old committed, old pending, old stale) becomes stale;
 * <li>delete the stale ids from the index;
 * <li>clear the stale ids.
 * </ol>
 *
 * A crash before 3 leaves pending ids, which {@link #reconcile} deletes (the object's committed
 * version is still the old one, so it is re-processed); a crash after 3 leaves stale ids, which
 * {@link #reconcile} deletes. Not thread-safe for one key; distinct keys may be written
 * concurrently.
 */
public final class ObjectWriter {

    private final Ledger ledger;
    private final VectorStore vectors;
    private final String tenant;
    private final TimeSource time;

    /**
     * @param ledger the ledger
     * @param vectors the index
     * @param tenant the records' tenant, or {@code null}
     * @param time the clock for entry times
     */
    public ObjectWriter(Ledger ledger, VectorStore vectors, String tenant, TimeSource time) {
        this.ledger = ledger;
        this.vectors = vectors;
        this.tenant = tenant;
        this.time = time;
    }

    /**
     * Writes one object's new state.
     *
     * @param c the object
     * @param status {@code INGESTED} with records, or {@code REJECTED} with none
     * @param records the new records
     * @param runId the run
     * @return the entry before the write, or {@code null}
     */
    public LedgerEntry write(Work.Candidate c, LedgerEntry.Status status, List<VectorRecord> records, String runId) {
        String store = c.object().store().name();
        LedgerEntry before = ledger.get(store, c.object().bucket(), c.object().key()).orElse(null);
        LedgerEntry base = before != null ? before : empty(store, c.object().bucket(), c.object().key(), runId);
        List<String> ids = records.stream().map(VectorRecord::id).toList();
        if (!ids.isEmpty()) {
            Set<String> pending = new LinkedHashSet<>(base.pendingChunkIds());
            pending.addAll(ids);
            ledger.put(base.withLeftovers(new ArrayList<>(pending), base.staleChunkIds(), time.now()));
            vectors.upsert(records);
        }
        Set<String> stale = known(base);
        ids.forEach(stale::remove);
        String sequencer = c.sequencer() != null ? c.sequencer() : base.sequencer();
        LedgerEntry committed = base.with(status, c.object().info().versionId(), c.object().etag(), c.fingerprint(),
                ids, List.of(), new ArrayList<>(stale), sequencer, runId, time.now());
        ledger.put(committed);
        cleanUp(committed);
        return before;
    }

    /**
     * Deletes an object's chunks: marks them all stale under a tombstone, deletes them, then
     * either keeps the tombstone (events, to remember the sequencer) or forgets the object.
     *
     * @param entry the object's entry
     * @param sequencer the event's sequencer, or {@code null}
     * @param keepTombstone whether to keep a {@code DELETED} entry
     * @param runId the run
     */
    public void remove(LedgerEntry entry, String sequencer, boolean keepTombstone, String runId) {
        Set<String> all = known(entry);
        LedgerEntry tombstone = entry.with(LedgerEntry.Status.DELETED, null, null, null, List.of(), List.of(),
                new ArrayList<>(all), sequencer != null ? sequencer : entry.sequencer(), runId, time.now());
        if (!all.isEmpty() || keepTombstone) {
            ledger.put(tombstone);
        }
        if (!all.isEmpty()) {
            vectors.delete(tenant, all);
        }
        if (keepTombstone) {
            if (!all.isEmpty()) {
                ledger.put(tombstone.withLeftovers(List.of(), List.of(), time.now()));
            }
        } else {
            ledger.remove(entry.store(), entry.bucket(), entry.key());
        }
    }

    /**
     * Deletes what a crashed attempt may have left in the index and clears it from the entry.
     *
     * @param entry an entry with {@linkplain LedgerEntry#hasLeftovers() leftovers}
     * @return the entry as it now stands
     */
    public LedgerEntry reconcile(LedgerEntry entry) {
        if (!entry.hasLeftovers()) {
            return entry;
        }
        return cleanUp(entry);
    }

    /**
     * A fresh tombstone for a key the ledger does not know, to remember an event's sequencer.
     *
     * @param store the store
     * @param bucket the bucket
     * @param key the key
     * @param sequencer the sequencer
     * @param runId the run
     */
    public void tombstone(String store, String bucket, String key, String sequencer, String runId) {
        ledger.put(empty(store, bucket, key, runId).with(LedgerEntry.Status.DELETED, null, null, null, List.of(),
                List.of(), List.of(), sequencer, runId, time.now()));
    }

    /**
     * Records an event's sequencer on an entry whose content did not change.
     *
     * @param entry the entry
     * @param sequencer the sequencer
     */
    public void rememberSequencer(LedgerEntry entry, String sequencer) {
        ledger.put(entry.with(entry.status(), entry.versionId(), entry.etag(), entry.fingerprint(), entry.chunkIds(),
                entry.pendingChunkIds(), entry.staleChunkIds(), sequencer, entry.runId(), time.now()));
    }

    private LedgerEntry cleanUp(LedgerEntry entry) {
        Set<String> orphans = entry.orphanIds();
        if (!orphans.isEmpty()) {
            vectors.delete(tenant, orphans);
        }
        if (!entry.hasLeftovers()) {
            return entry;
        }
        LedgerEntry clean = entry.withLeftovers(List.of(), List.of(), time.now());
        ledger.put(clean);
        return clean;
    }

    private static Set<String> known(LedgerEntry e) {
        Set<String> all = new LinkedHashSet<>(e.chunkIds());
        all.addAll(e.pendingChunkIds());
        all.addAll(e.staleChunkIds());
        return all;
    }

    private LedgerEntry empty(String store, String bucket, String key, String runId) {
        return new LedgerEntry(store, bucket, key, LedgerEntry.Status.DELETED, null, null, null, List.of(), List.of(),
                List.of(), null, runId, time.now());
    }
}
