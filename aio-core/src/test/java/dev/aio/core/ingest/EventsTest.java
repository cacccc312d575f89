package dev.aio.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.ingest.ObjectOutcome.Status;
import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.vector.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsTest {

    private final IngestFixture f = new IngestFixture();
    private final Ingestor ingestor = f.builder().build();

    private ObjectEvent created(String key, String sequencer) {
        return new ObjectEvent(ObjectEvent.Type.CREATED, IngestFixture.BUCKET, key,
                f.store.exists(IngestFixture.BUCKET, key) ? f.store.stat(IngestFixture.BUCKET, key).etag() : "gone",
                1, null, sequencer, "s3:ObjectCreated:Put");
    }

    private static ObjectEvent removed(String key, String sequencer) {
        return new ObjectEvent(ObjectEvent.Type.REMOVED, IngestFixture.BUCKET, key, null, -1, null, sequencer,
                "s3:ObjectRemoved:Delete");
    }

    private Status status(IngestReport report, String key) {
        return report.outcome(key).orElseThrow().status();
    }

    @Test
    void createdEventsIngestRemovedOnesDeleteAndDuplicatesChangeNothing() {
        f.put("a.txt", "apples", 2);
        f.put("b.txt", "bananas", 3);
        IngestReport first = ingestor.apply(List.of(created("a.txt", "0A"), created("b.txt", "0B"),
                created("a.txt", "0A")));
        assertThat(status(first, "a.txt")).isEqualTo(Status.INGESTED);
        assertThat(status(first, "b.txt")).isEqualTo(Status.INGESTED);
        long embedded = f.embedder.texts();

        IngestReport duplicate = ingestor.apply(List.of(created("b.txt", "0B"), created("a.txt", "0A")));
        assertThat(duplicate.objects()).extracting(ObjectOutcome::status).containsOnly(Status.IGNORED);
        assertThat(f.embedder.texts()).isEqualTo(embedded);

        f.store.delete(IngestFixture.BUCKET, "b.txt");
        List<ObjectEvent> removal = List.of(removed("b.txt", "0C"));
        assertThat(status(ingestor.apply(removal), "b.txt")).isEqualTo(Status.DELETED);
        assertThat(status(ingestor.apply(removal), "b.txt")).isEqualTo(Status.IGNORED);
        assertThat(f.vectors.count(Filter.eq(Lineage.KEY, "b.txt"))).isZero();
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
    }

    @Test
    void eventsOutOfOrderConvergeToTheStoresStateAndNeverRollBack() {
        f.put("a.txt", "apples", 2);
        ObjectEvent v1 = created("a.txt", "01");
        f.put("a.txt", "avocados", 3);
        ObjectEvent v2 = created("a.txt", "02");

        assertThat(status(ingestor.apply(List.of(v2, v1)), "a.txt")).isEqualTo(Status.INGESTED);
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
        assertThat(status(ingestor.apply(List.of(v1)), "a.txt")).isEqualTo(Status.IGNORED);

        f.store.delete(IngestFixture.BUCKET, "a.txt");
        ObjectEvent gone = removed("a.txt", "03");
        f.put("a.txt", "apricots", 1);
        ObjectEvent back = created("a.txt", "04");
        assertThat(status(ingestor.apply(List.of(back, gone)), "a.txt")).isEqualTo(Status.UPDATED);
        assertThat(status(ingestor.apply(List.of(gone)), "a.txt")).isEqualTo(Status.IGNORED);
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor)).isNotEmpty();
    }

    @Test
    void aLateCreatedEventForAnObjectAlreadyGoneDeletesItsChunks() {
        f.put("a.txt", "apples", 2);
        ObjectEvent late = created("a.txt", "05");
        ingestor.apply(List.of(created("a.txt", "04")));
        f.store.delete(IngestFixture.BUCKET, "a.txt");

        assertThat(status(ingestor.apply(List.of(late)), "a.txt")).isEqualTo(Status.DELETED);
        assertThat(f.vectors.ids()).isEmpty();
        assertThat(f.ledger.get(f.store.name(), "docs", "a.txt")).get().extracting(LedgerEntry::status,
                LedgerEntry::sequencer).containsExactly(LedgerEntry.Status.DELETED, "05");
    }

    @Test
    void aRemovalWithoutSequencerReplayedAfterTheDeletionReportsNothingDeleted() {
        f.put("a.txt", "apples", 2);
        ingestor.apply(List.of(created("a.txt", "01")));
        f.store.delete(IngestFixture.BUCKET, "a.txt");
        ObjectEvent gone = removed("a.txt", null);

        assertThat(status(ingestor.apply(List.of(gone)), "a.txt")).isEqualTo(Status.DELETED);
        IngestReport replay = ingestor.apply(List.of(gone));
        assertThat(status(replay, "a.txt")).isEqualTo(Status.UNCHANGED);
        assertThat(replay.bucket()).isEqualTo(IngestFixture.BUCKET);
        assertThat(f.vectors.ids()).isEmpty();
    }

    @Test
    void aPollingWatchAppliesWhatChangedBetweenPolls() {
        f.put("a.txt", "apples", 2);
        f.put("b.txt", "bananas", 2);
        IngestWatch watch = ingestor.watch(IngestFixture.BUCKET, "");
        assertThat(watch.poll().count(Status.INGESTED)).isEqualTo(2);
        assertThat(watch.poll().objects()).isEmpty();

        f.put("a.txt", "avocados", 3);
        f.store.delete(IngestFixture.BUCKET, "b.txt");
        IngestReport changes = watch.poll();
        assertThat(status(changes, "a.txt")).isEqualTo(Status.UPDATED);
        assertThat(status(changes, "b.txt")).isEqualTo(Status.DELETED);
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
    }
}
