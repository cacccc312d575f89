package dev.aio.core.ingest;

import dev.aio.core.document.DocumentSource;
import dev.aio.core.ingest.internal.ContentFingerprints;
import dev.aio.core.ingest.internal.IngestRun;
import dev.aio.core.ingest.internal.ListingSource;
import dev.aio.core.ingest.internal.ObjectWriter;
import dev.aio.core.ingest.internal.RecordFactory;
import dev.aio.core.ingest.internal.RunState;
import dev.aio.core.ingest.internal.Sequencers;
import dev.aio.core.ingest.internal.Work;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.PipelineFailedException;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.RunStatus;
import dev.aio.core.pipeline.TimeSource;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Ingests the objects of a bucket prefix into a vector store, incrementally and exactly once:
 * list, skip what the {@link Ledger} says is unchanged (without downloading it), parse, chunk,
 * embed in batches, write each object's chunks with the crash-safe protocol described in the
 * package documentation, and delete the chunks of objects gone from a complete listing.
 * Object events ({@link #apply}, {@link #watch}) go through the same protocol.
 *
 * <p>Built on the pipeline engine: the stages {@value #STAGE_PARSE}, {@value #STAGE_CHUNK},
 * {@value #STAGE_EMBED} and {@value #STAGE_WRITE} take {@link dev.aio.core.pipeline.StepPolicy
 * policies}; what fails after its policy is dead-lettered, that object alone, and shows in the
 * {@link IngestReport}. A bad object (its parser throws
 * {@link dev.aio.core.document.DocumentRejectedException}) is recorded in the ledger as
 * {@link LedgerEntry.Status#REJECTED} and not tried again until it changes.
 *
 * <p>Thread-safe: runs and event batches of one ingestor take turns. Two ingestors (or
 * processes) must not work on overlapping prefixes of one ledger at the same time. The
 * ingestor closes nothing it was given.
 */
public final class Ingestor {

    /** The parse stage's name. */
    public static final String STAGE_PARSE = "parse";
    /** The chunk stage's name. */
    public static final String STAGE_CHUNK = "chunk";
    /** The embed stage's name (one call per batch of up to {@code batchSize} texts). */
    public static final String STAGE_EMBED = "embed";
    /** The write stage's name (the per-object ledger and index protocol). */
    public static final String STAGE_WRITE = "write";
    /** The stages that take policies. */
    public static final Set<String> STAGES = Set.of(STAGE_PARSE, STAGE_CHUNK, STAGE_EMBED, STAGE_WRITE);

    private final ObjectStore store;
    private final Ledger ledger;
    private final ObjectWriter writer;
    private final ContentFingerprints fingerprints;
    private final IngestRun.Settings settings;
    private final long maxObjects;
    private final ReentrantLock turn = new ReentrantLock();

    Ingestor(IngestorBuilder b) {
        this.store = b.objectStore;
        this.ledger = b.ledger;
        TimeSource time = b.timeSource != null ? b.timeSource : TimeSource.SYSTEM;
        this.writer = new ObjectWriter(b.ledger, b.vectorStore, b.tenant, time);
        this.fingerprints = new ContentFingerprints(b.parsers, b.chunker, b.embedder);
        this.settings = new IngestRun.Settings(b.parsers, b.chunker, b.embedder, writer, new RecordFactory(b.tenant, b.acl),
                b.batchSize == 0 ? IngestorBuilder.DEFAULT_BATCH_SIZE : b.batchSize,
                b.concurrency == 0 ? IngestorBuilder.DEFAULT_CONCURRENCY : b.concurrency, Map.copyOf(b.policies),
                List.copyOf(b.listeners), b.deadLetters, b.executor, b.timeSource);
        this.maxObjects = b.maxObjects == 0 ? Long.MAX_VALUE : b.maxObjects;
    }

    /** @return a builder */
    public static IngestorBuilder builder() {
        return new IngestorBuilder();
    }

    /**
     * The content fingerprint an object would be ingested under now; it changes when its parser,
     * the parse limits, the chunker or the embedder change.
     *
     * @param info the object as listed
     * @return 64 hex digits
     */
    public String fingerprint(ObjectInfo info) {
        return fingerprints.of(DocumentSource.of(new StoredObject(store, info)));
    }

    /**
     * Brings the index in line with every object under a prefix. First deletes what an earlier,
     * interrupted run left behind under the prefix; then lists and ingests; then, only if the
     * listing finished without error and without the {@code maxObjects} limit, deletes the
     * chunks of objects the ledger knows under the prefix that were not listed.
     *
     * @param bucket the bucket
     * @param prefix the key prefix; {@code ""} for the whole bucket
     * @return what happened to each object
     * @throws IngestFailedException if the run stopped early (its report says how far it got);
     *     re-running converges
     */
    public IngestReport run(String bucket, String prefix) {
        ObjectNames.requireValidBucket(bucket);
        ListOptions options = ListOptions.recursive(prefix);
        turn.lock();
        try {
            Map<String, LedgerEntry> known = new HashMap<>();
            for (LedgerEntry e : ledger.list(store.name(), bucket, prefix)) {
                known.put(e.key(), writer.reconcile(e));
            }
            IngestRun run = new IngestRun(settings);
            Throwable failure = null;
            RunReport report;
            ListingSource<Work.Candidate> listing;
            try (Stream<ObjectInfo> infos = store.list(bucket, options)) {
                listing = new ListingSource<>(infos.iterator(), maxObjects, info -> candidate(info,
                        known.get(info.key()), null));
                report = runPipeline(run, "ingest " + bucket + "/" + prefix, listing);
            }
            if (report.status() != RunStatus.COMPLETED) {
                failure = report.failure();
            }
            boolean complete = listing.complete() && failure == null;
            RunState state = run.state();
            if (complete) {
                for (LedgerEntry gone : known.values()) {
                    if (!listing.seen().contains(gone.key())) {
                        int had = gone.chunkIds().size();
                        writer.remove(gone, null, false, state.runId());
                        if (gone.status() != LedgerEntry.Status.DELETED) {
                            state.record(new ObjectOutcome(bucket, gone.key(), gone.versionId(), gone.etag(),
                                    ObjectOutcome.Status.DELETED, 0, "no longer listed; had " + had + " chunks"));
                        }
                    }
                }
            }
            IngestReport result = new IngestReport(report.runId(), bucket, prefix, complete, report,
                    state.outcomes());
            if (failure != null) {
                throw new IngestFailedException("Ingestor: the run over " + store.name() + ":" + bucket + "/" + prefix
                        + " stopped early, deleting nothing on the strength of its listing: " + failure, result,
                        failure);
            }
            return result;
        } finally {
            turn.unlock();
        }
    }

    /**
     * Applies object events: for each key, the newest event (by sequencer, else the last given)
     * is applied unless the ledger has already applied one as new or newer. The store is then
     * asked for the object: if it is there, the version it holds is ingested (an event's version
     * or a later one, so a late event never rolls the index back); if it is gone, its chunks are
     * deleted and a tombstone keeps the sequencer. Duplicated and reordered events therefore
     * converge to the store's state.
     *
     * @param events the events, in any order, duplicates allowed
     * @return what happened to each key
     * @throws IngestFailedException if the batch stopped early; applying it again converges
     */
    public IngestReport apply(List<ObjectEvent> events) {
        turn.lock();
        try {
            Map<String, ObjectEvent> latest = new LinkedHashMap<>();
            for (ObjectEvent e : events) {
                latest.merge(e.bucket() + "\u0000" + e.key(), e, Ingestor::newer);
            }
            IngestRun run = new IngestRun(settings);
            List<Work.Candidate> candidates = new ArrayList<>();
            List<Runnable> removals = new ArrayList<>();
            for (ObjectEvent e : latest.values()) {
                plan(e, run.state(), candidates, removals);
            }
            RunReport report = runPipeline(run, "events", candidates.iterator());
            removals.forEach(Runnable::run);
            // The report's bucket: the one all events share, or "" for a batch over several.
            String bucket = events.stream().map(ObjectEvent::bucket).distinct().count() == 1 ? events.get(0).bucket() : "";
            IngestReport result = new IngestReport(report.runId(), bucket, "", false, report, run.state().outcomes());
            if (report.status() != RunStatus.COMPLETED) {
                throw new IngestFailedException("Ingestor: applying " + events.size() + " events stopped early: "
                        + report.failure(), result, report.failure());
            }
            return result;
        } finally {
            turn.unlock();
        }
    }

    /**
     * A watch over a prefix that finds changes by polling listings ({@link
     * dev.aio.core.storage.ObjectWatcher#polling}) and {@linkplain #apply applies} them.
     *
     * @param bucket the bucket
     * @param prefix the key prefix
     * @return the watch; call {@link IngestWatch#poll()} on the caller's schedule
     */
    public IngestWatch watch(String bucket, String prefix) {
        return new IngestWatch(this, dev.aio.core.storage.ObjectWatcher.polling(store, bucket, prefix));
    }

    private void plan(ObjectEvent e, RunState state, List<Work.Candidate> candidates, List<Runnable> removals) {
        LedgerEntry entry = ledger.get(store.name(), e.bucket(), e.key()).map(writer::reconcile).orElse(null);
        if (e.sequencer() != null && entry != null && entry.sequencer() != null
                && Sequencers.compare(e.sequencer(), entry.sequencer()) <= 0) {
            state.record(new ObjectOutcome(e.bucket(), e.key(), e.versionId(), e.etag(), ObjectOutcome.Status.IGNORED,
                    entry.chunkIds().size(), "sequencer " + e.sequencer() + " is not after the applied "
                            + entry.sequencer()));
            return;
        }
        ObjectInfo info;
        try {
            info = store.stat(e.bucket(), e.key());
        } catch (ObjectNotFoundException gone) {
            info = null;
        }
        if (info != null) {
            candidates.add(candidate(info, entry, e.sequencer()));
            return;
        }
        removals.add(() -> {
            String runId = state.runId();
            if (entry != null) {
                writer.remove(entry, e.sequencer(), true, runId);
            } else if (e.sequencer() != null) {
                writer.tombstone(store.name(), e.bucket(), e.key(), e.sequencer(), runId);
            }
            if (entry != null && entry.status() == LedgerEntry.Status.DELETED) {
                // A removal replayed after the key was already deleted: nothing left the index.
                state.record(new ObjectOutcome(e.bucket(), e.key(), e.versionId(), e.etag(),
                        ObjectOutcome.Status.UNCHANGED, 0, "already deleted"));
                return;
            }
            state.record(new ObjectOutcome(e.bucket(), e.key(), e.versionId(), e.etag(), ObjectOutcome.Status.DELETED,
                    0, entry == null ? "was not indexed" : "had " + entry.chunkIds().size() + " chunks"));
        });
    }

    private static ObjectEvent newer(ObjectEvent a, ObjectEvent b) {
        if (a.sequencer() != null && b.sequencer() != null) {
            return Sequencers.compare(b.sequencer(), a.sequencer()) >= 0 ? b : a;
        }
        return b; // without sequencers, the order given is the only order known
    }

    private Work.Candidate candidate(ObjectInfo info, LedgerEntry previous, String sequencer) {
        StoredObject object = new StoredObject(store, info);
        return new Work.Candidate(object, fingerprints.of(DocumentSource.of(object)), previous, sequencer);
    }

    private static RunReport runPipeline(IngestRun run, String name, java.util.Iterator<Work.Candidate> source) {
        try (Pipeline<Work.Candidate, Void> pipeline = run.pipeline(name)) {
            Iterable<Work.Candidate> once = () -> source;
            return pipeline.run(once);
        } catch (PipelineFailedException e) {
            return e.report();
        }
    }

    @Override
    public String toString() {
        return "Ingestor[" + store.name() + " -> ledger " + ledger + "]";
    }
}
