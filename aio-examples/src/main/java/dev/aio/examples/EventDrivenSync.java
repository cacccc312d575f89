package dev.aio.examples;

import dev.aio.core.document.Chunkers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.IngestWatch;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.Lineage;
import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.model.Embedder;
import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorStore;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeping an index in step with a bucket as objects are created, overwritten and deleted.
 *
 * <p>Two event sources feed the same {@link Ingestor}: {@link Ingestor#watch} polls the bucket's
 * listing and turns what changed into {@link ObjectEvent}s (this works with every store, the
 * local folder used here included), and {@link Ingestor#apply} takes events from elsewhere, such
 * as S3 bucket notifications ({@link ObjectEvent#parse}) posted to a webhook. Either way, for each
 * key the store is asked what it holds now, so:
 * <ul>
 *   <li>an overwritten object is re-ingested with no gap: its new chunks are written before the
 *       old version's are deleted;</li>
 *   <li>a deleted object's chunks are removed;</li>
 *   <li>duplicated and out-of-order events are harmless: one no newer than what was applied to
 *       its key (by S3's sequencer) is ignored, and a late removal of an object that is still
 *       there deletes nothing.</li>
 * </ul>
 *
 * <p>{@link #main} tells that story on a temporary folder, printing what the index holds after
 * each step. Run it with {@code mvn -B -q install -DskipTests && mvn -B -q -pl aio-examples
 * exec:java -Dexec.mainClass=dev.aio.examples.EventDrivenSync}. Not thread-safe: poll and
 * apply from one thread.
 */
public final class EventDrivenSync {

    /** The bucket the example watches. */
    public static final String BUCKET = "notes";

    private final ObjectStore store;
    private final VectorStore index;
    private final Embedder embedder;
    private final Ingestor ingestor;
    private final IngestWatch watch;

    /**
     * Creates the bucket if needed and a watch over all of it; nothing is ingested until the
     * first {@link #poll()}. Holds nothing to close: the store, index and embedder are the caller's.
     *
     * @param store where the objects are
     * @param index where their chunks go
     * @param embedder embeds the chunks
     */
    public EventDrivenSync(ObjectStore store, VectorStore index, Embedder embedder) {
        this.store = store;
        this.index = index;
        this.embedder = embedder;
        store.ensureBucket(BUCKET);
        // An in-memory ledger for an in-memory index: the two must live and die together.
        this.ingestor = Ingestor.builder().objectStore(store).chunker(Chunkers.characters(300, 30))
                .embedder(embedder).vectorStore(index).ledger(new InMemoryLedger()).build();
        this.watch = ingestor.watch(BUCKET, "");
    }

    /** @return what the changes since the last poll did (every object, the first time) */
    public IngestReport poll() {
        return watch.poll();
    }

    /**
     * @param events events from another source, in any order, duplicates allowed
     * @return what they did
     */
    public IngestReport apply(List<ObjectEvent> events) {
        return ingestor.apply(events);
    }

    /** @return the store, to write to */
    public ObjectStore store() {
        return store;
    }

    /**
     * Reads back from the index itself, not the ledger, which object versions it holds chunks
     * of. {@link VectorStore} has no scan, so this is a search filtered to one key with the
     * largest topK, done for each key the store holds or the index still mentions.
     *
     * @param keys keys to look up besides the ones the store lists now
     * @return key to (ETag to number of chunks), keys without chunks left out
     */
    public Map<String, Map<String, Integer>> indexed(Set<String> keys) {
        Set<String> all = new TreeSet<>(keys);
        try (Stream<ObjectInfo> listing = store.list(BUCKET, "")) {
            listing.forEach(info -> all.add(info.key()));
        }
        float[] anyVector = embedder.embed("notes");
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        for (String key : all) {
            List<SearchHit> hits = index.search(VectorQuery.builder(anyVector).topK(VectorQuery.MAX_TOP_K)
                    .filter(Filter.and(Filter.eq(Lineage.BUCKET, BUCKET), Filter.eq(Lineage.KEY, key))).build());
            for (SearchHit hit : hits) {
                out.computeIfAbsent(key, k -> new TreeMap<>()).merge((String) hit.metadata().get(Lineage.ETAG), 1,
                        Integer::sum);
            }
        }
        return out;
    }

    /**
     * Tells the story on a temporary folder with the real MiniLM embedder and prints it.
     *
     * @param args none
     * @throws IOException if the temporary folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        try (OnnxEmbedder embedder = OnnxEmbedder.builder().build()) {
            story(embedder, System.out);
        }
    }

    /**
     * Creates, overwrites and deletes notes, polls after each change, then replays duplicated
     * and out-of-order notifications, printing the reports and the index after each step.
     *
     * @param embedder embeds the chunks
     * @param out where the story is printed
     * @return what the index holds at the end, as {@link #indexed} reads it
     * @throws IOException if the temporary folder cannot be written
     */
    public static Map<String, Map<String, Integer>> story(Embedder embedder, PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("aio-event-sync");
        try (FileSystemObjectStore store = FileSystemObjectStore.at(work);
                InMemoryVectorStore index = InMemoryVectorStore.builder().build()) {
            EventDrivenSync sync = new EventDrivenSync(store, index, embedder);
            Set<String> keys = Set.of("bikes.md", "lockers.md", "parking.md");
            put(store, "bikes.md", "Bikes are parked in the courtyard rack. Locks are your own.");
            put(store, "lockers.md", "Lockers on floor two are free; bring a padlock and empty it on Fridays.");
            put(store, "parking.md", "The car park opens at seven and closes at nine in the evening.");
            step(out, "1. three notes written", sync.poll(), sync.indexed(keys));

            put(store, "lockers.md", "Lockers on floor two now need a booking in the room app; padlocks are lent.");
            step(out, "2. lockers.md overwritten", sync.poll(), sync.indexed(keys));

            store.delete(BUCKET, "parking.md");
            step(out, "3. parking.md deleted", sync.poll(), sync.indexed(keys));

            List<ObjectEvent> replay = replayedNotifications(store);
            step(out, "4. late, duplicated notifications applied", sync.apply(replay), sync.indexed(keys));
            step(out, "5. the same notifications delivered again", sync.apply(replay), sync.indexed(keys));
            return sync.indexed(keys);
        } finally {
            ExampleFiles.deleteRecursively(work);
        }
    }

    /**
     * Notifications as a webhook might receive them after the story's changes: a duplicate, one
     * older than it (delivered late), a removal of the deleted note, and a stale removal of a
     * note that still exists. S3 orders events per key by their sequencer; these are made up in
     * its format (equal-length hex).
     */
    static List<ObjectEvent> replayedNotifications(ObjectStore store) {
        ObjectInfo lockers = store.stat(BUCKET, "lockers.md");
        ObjectEvent current = new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, "lockers.md", lockers.etag(),
                lockers.size(), null, "0000000000000003", "s3:ObjectCreated:Put");
        ObjectEvent older = new ObjectEvent(ObjectEvent.Type.CREATED, BUCKET, "lockers.md", "an-older-etag", 70, null,
                "0000000000000002", "s3:ObjectCreated:Put");
        ObjectEvent parkingRemoved = new ObjectEvent(ObjectEvent.Type.REMOVED, BUCKET, "parking.md", null, -1, null,
                "0000000000000004", "s3:ObjectRemoved:Delete");
        ObjectEvent staleBikesRemoval = new ObjectEvent(ObjectEvent.Type.REMOVED, BUCKET, "bikes.md", null, -1, null,
                "0000000000000001", "s3:ObjectRemoved:Delete");
        return List.of(current, older, current, parkingRemoved, staleBikesRemoval);
    }

    private static void put(ObjectStore store, String key, String text) {
        store.put(BUCKET, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void step(PrintStream out, String title, IngestReport report,
            Map<String, Map<String, Integer>> indexed) {
        out.println("== " + title + " ==");
        for (ObjectOutcome o : report.objects()) {
            out.println("  " + o.key() + ": " + o.status() + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")"));
        }
        out.println(indexed.isEmpty() ? "  index: empty" : "  index:");
        indexed.forEach((key, versions) -> versions.forEach((etag, n) ->
                out.println("    " + BUCKET + "/" + key + "@" + etag + ": " + n + " chunks")));
    }
}
