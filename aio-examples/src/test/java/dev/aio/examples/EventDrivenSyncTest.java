package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Lineage;
import dev.aio.core.ingest.ObjectOutcome.Status;
import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link EventDrivenSync} step by step and as a story, checking the vector store after each step. */
class EventDrivenSyncTest {

    private static final String B = EventDrivenSync.BUCKET;

    private static final OnnxEmbedder EMBEDDER = SharedEmbedder.get();

    @Test
    void theIndexFollowsCreationsOverwritesDeletionsAndShrugsOffReplayedEvents(@TempDir Path dir) {
        try (FileSystemObjectStore store = FileSystemObjectStore.at(dir);
                InMemoryVectorStore memory = InMemoryVectorStore.builder().build();
                ObservedVectorStore index = new ObservedVectorStore(memory)) {
            EventDrivenSync sync = new EventDrivenSync(store, index, EMBEDDER);

            // 1. Creations.
            put(store, "bikes.md", "Bikes are parked in the courtyard rack.");
            put(store, "lockers.md", "Lockers on floor two are free; bring a padlock.");
            put(store, "parking.md", "The car park opens at seven and closes at nine.");
            IngestReport created = sync.poll();
            assertThat(created.count(Status.INGESTED)).as(created.toString()).isEqualTo(3);
            String oldLockers = store.stat(B, "lockers.md").etag();
            for (String key : List.of("bikes.md", "lockers.md", "parking.md")) {
                assertThat(chunks(memory, key, store.stat(B, key).etag())).as(key).isPositive();
            }
            long total = memory.count();
            assertThat(total).isEqualTo(chunks(memory, "bikes.md", null) + chunks(memory, "lockers.md", null)
                    + chunks(memory, "parking.md", null));

            // 2. An overwrite: after every single write to the index, lockers.md still has chunks.
            put(store, "lockers.md", "Lockers on floor two now need a booking in the room app.");
            String newLockers = store.stat(B, "lockers.md").etag();
            List<long[]> seen = new ArrayList<>();
            index.afterWrite = () -> seen.add(new long[] {chunks(memory, "lockers.md", oldLockers),
                    chunks(memory, "lockers.md", newLockers)});
            IngestReport overwritten = sync.poll();
            assertThat(overwritten.outcome("lockers.md")).get().extracting(o -> o.status()).isEqualTo(Status.UPDATED);
            assertThat(overwritten.objects()).hasSize(1);
            assertThat(seen).isNotEmpty().allSatisfy(c -> assertThat(c[0] + c[1]).as("lockers.md chunks").isPositive());
            assertThat(seen).anySatisfy(c -> assertThat(c[0] > 0 && c[1] > 0).as("old and new side by side").isTrue());
            assertThat(chunks(memory, "lockers.md", oldLockers)).isZero();
            assertThat(chunks(memory, "lockers.md", newLockers)).isEqualTo(chunks(memory, "lockers.md", null))
                    .isPositive();
            List<SearchHit> hits = memory.search(VectorQuery.builder(EMBEDDER.embed("Do I have to book a locker?"))
                    .topK(1).build());
            assertThat(hits.get(0).text()).contains("booking in the room app");

            // 3. A deletion.
            index.afterWrite = () -> { };
            store.delete(B, "parking.md");
            IngestReport deleted = sync.poll();
            assertThat(deleted.outcome("parking.md")).get().extracting(o -> o.status()).isEqualTo(Status.DELETED);
            assertThat(chunks(memory, "parking.md", null)).isZero();
            assertThat(memory.count()).isEqualTo(chunks(memory, "bikes.md", null) + chunks(memory, "lockers.md", null));
            Map<String, Map<String, Integer>> settled = sync.indexed(Set.of("parking.md"));
            assertThat(settled).containsOnlyKeys("bikes.md", "lockers.md");
            assertThat(settled.get("lockers.md")).containsOnlyKeys(newLockers);

            // 4. Duplicated, late and stale notifications change nothing in the index.
            List<ObjectEvent> replay = EventDrivenSync.replayedNotifications(store);
            int writesBefore = index.writes;
            long countBefore = memory.count();
            IngestReport replayed = sync.apply(replay);
            assertThat(replayed.isClean()).as(replayed.toString()).isTrue();
            assertThat(replayed.outcome("lockers.md")).get().extracting(o -> o.status()).isEqualTo(Status.UNCHANGED);
            assertThat(replayed.outcome("bikes.md")).get().extracting(o -> o.status()).isEqualTo(Status.UNCHANGED);
            assertThat(replayed.outcome("parking.md")).get().extracting(o -> o.status()).isEqualTo(Status.UNCHANGED);
            assertThat(index.writes - writesBefore).as("writes to the index").isZero();
            assertThat(memory.count()).isEqualTo(countBefore);
            assertThat(sync.indexed(Set.of("parking.md"))).isEqualTo(settled);

            IngestReport again = sync.apply(replay);
            assertThat(again.outcome("lockers.md")).get().extracting(o -> o.status()).isEqualTo(Status.IGNORED);
            assertThat(again.outcome("parking.md")).get().extracting(o -> o.status()).isEqualTo(Status.IGNORED);
            assertThat(index.writes - writesBefore).isZero();
            assertThat(sync.indexed(Set.of("parking.md"))).isEqualTo(settled);

            // The polling watch saw nothing new in all that.
            assertThat(sync.poll().objects()).isEmpty();
        }
    }

    @Test
    void theStoryPrintsEachStepAndEndsWithTheTwoLiveNotes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Map<String, Map<String, Integer>> end = EventDrivenSync.story(EMBEDDER,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(end).containsOnlyKeys("bikes.md", "lockers.md");
        assertThat(end.get("lockers.md")).hasSize(1);
        assertThat(printed).contains("lockers.md: UPDATED").contains("parking.md: DELETED")
                .containsPattern("(?s)== 5\\. .*lockers\\.md: IGNORED");
        assertThat(printed.substring(printed.indexOf("== 3."))).doesNotContain("notes/parking.md@")
                .contains("notes/lockers.md@");
    }

    /** Chunks of one key in the index, of one ETag or (null) of any. */
    private static long chunks(InMemoryVectorStore index, String key, String etag) {
        Filter f = Filter.and(Filter.eq(Lineage.BUCKET, B), Filter.eq(Lineage.KEY, key));
        return index.count(etag == null ? f : Filter.and(f, Filter.eq(Lineage.ETAG, etag)));
    }

    private static void put(FileSystemObjectStore store, String key, String text) {
        store.put(B, key, text.getBytes(StandardCharsets.UTF_8));
    }
}
