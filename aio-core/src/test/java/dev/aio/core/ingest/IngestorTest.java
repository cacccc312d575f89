package dev.aio.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentParser;
import dev.aio.core.document.ParseLimits;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.ObjectOutcome.Status;
import dev.aio.core.testing.HashEmbedder;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.VectorRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestorTest {

    private final IngestFixture f = new IngestFixture();

    private void threeObjects() {
        f.put("a.txt", "apples", 3);
        f.put("b.md", "bananas", 4);
        f.put("sub/c.txt", "cherries", 2);
    }

    @Test
    void aLedgerThatCannotBeReadFailsTheRunWithItsOwnErrorAndChangesNothing() {
        threeObjects();
        Ledger unreadable = new Ledger() {
            @Override
            public java.util.Optional<LedgerEntry> get(String store, String bucket, String key) {
                return f.ledger.get(store, bucket, key);
            }

            @Override
            public java.util.List<LedgerEntry> list(String store, String bucket, String prefix) {
                throw new LedgerException("the ledger's disk is gone", null);
            }

            @Override
            public void put(LedgerEntry entry) {
                f.ledger.put(entry);
            }

            @Override
            public boolean remove(String store, String bucket, String key) {
                return f.ledger.remove(store, bucket, key);
            }

            @Override
            public void close() {
            }
        };
        Ingestor ingestor = f.builder(unreadable, f.vectors, f.embedder, f.chunker).build();
        assertThatThrownBy(() -> ingestor.run(IngestFixture.BUCKET, ""))
                .isInstanceOf(LedgerException.class).hasMessageContaining("disk is gone");
        assertThat(f.vectors.ids()).isEmpty();
        assertThat(f.ledger.size()).isZero();
    }

    @Test
    void everyListenerAddedObservesTheRunEvenWhenAnEarlierOneThrows() {
        threeObjects();
        dev.aio.core.testing.RecordingPipelineListener metrics = new dev.aio.core.testing.RecordingPipelineListener();
        dev.aio.core.testing.RecordingPipelineListener tracing = new dev.aio.core.testing.RecordingPipelineListener();
        dev.aio.core.pipeline.PipelineListener broken = new dev.aio.core.pipeline.PipelineListener() {
            @Override
            public void onRunStart(String pipeline, String runId) {
                throw new IllegalStateException("a listener bug");
            }
        };
        Ingestor ingestor = f.builder().listener(metrics).listener(broken).listener(tracing).build();
        IngestReport report = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(report.count(Status.INGESTED)).isEqualTo(3);
        assertThat(metrics.eventsStartingWith("run-start")).hasSize(1);
        assertThat(tracing.events()).containsExactlyInAnyOrderElementsOf(metrics.events());
    }

    @Test
    void aFirstRunIngestsEveryObjectWithItsLineage() {
        threeObjects();
        Ingestor ingestor = f.builder().build();
        IngestReport report = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(report.count(Status.INGESTED)).isEqualTo(3);
        assertThat(report.isClean()).isTrue();
        assertThat(report.listingComplete()).isTrue();
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor)).hasSizeGreaterThan(3);

        VectorRecord first = f.vectors.records.values().stream()
                .filter(r -> r.metadata().get(Lineage.KEY).equals("b.md") && r.metadata().get(Lineage.CHUNK_INDEX)
                        .equals(1L)).findFirst().orElseThrow();
        String etag = f.store.stat(IngestFixture.BUCKET, "b.md").etag();
        Map<String, Object> m = first.metadata();
        assertThat(m).containsEntry(Lineage.STORE, f.store.name()).containsEntry(Lineage.BUCKET, "docs")
                .containsEntry(Lineage.ETAG, etag).containsEntry(Lineage.RUN_ID, report.runId())
                .containsEntry(Lineage.DOCUMENT_ID, ChunkIds.document(f.store.name(), "docs", "b.md"))
                .containsKeys(Lineage.START, Lineage.END, Lineage.FINGERPRINT, Lineage.PARSER)
                .doesNotContainKey(Lineage.VERSION_ID);
        String text = new String(f.store.getBytes("docs", "b.md"), StandardCharsets.UTF_8);
        assertThat(text).contains(first.text());
        assertThat(report.pipeline().runId()).isEqualTo(report.runId());
    }

    @Test
    void reingestingUnchangedObjectsDownloadsAndEmbedsNothing() {
        threeObjects();
        Ingestor ingestor = f.builder().build();
        ingestor.run(IngestFixture.BUCKET, "");
        Set<String> ids = f.vectors.ids();
        long gets = f.store.gets();
        long embedded = f.embedder.texts();

        IngestReport again = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(again.count(Status.UNCHANGED)).isEqualTo(3);
        assertThat(f.store.gets()).isEqualTo(gets);
        assertThat(f.embedder.texts()).isEqualTo(embedded);
        assertThat(f.vectors.ids()).isEqualTo(ids);
    }

    @Test
    void aChangedObjectGetsItsNewChunksBeforeItsOldOnesGoAndIsNeverMissing() {
        threeObjects();
        WatchingVectorStore watching = new WatchingVectorStore(f.vectors, f.store, IngestFixture.BUCKET);
        Ingestor ingestor = f.builder(f.ledger, watching, f.embedder, f.chunker).build();
        ingestor.run(IngestFixture.BUCKET, "");
        f.put("b.md", "blueberries", 2);
        f.put("a.txt", "avocados", 5);

        IngestReport report = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(report.outcome("b.md")).get().extracting(ObjectOutcome::status).isEqualTo(Status.UPDATED);
        assertThat(report.outcome("a.txt")).get().extracting(ObjectOutcome::status).isEqualTo(Status.UPDATED);
        assertThat(report.outcome("sub/c.txt")).get().extracting(ObjectOutcome::status).isEqualTo(Status.UNCHANGED);
        assertThat(watching.deletesChecked()).isGreaterThanOrEqualTo(2);
        assertThat(watching.violations()).isEmpty();
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
        assertThat(f.vectors.count(Filter.eq(Lineage.KEY, "b.md"))).isEqualTo(
                f.ledger.get(f.store.name(), "docs", "b.md").orElseThrow().chunkIds().size());
    }

    @Test
    void objectsGoneFromACompleteListingLoseTheirChunksWithinThatPrefixOnly() {
        threeObjects();
        f.put("sub/d.txt", "dates", 2);
        Ingestor ingestor = f.builder().build();
        ingestor.run(IngestFixture.BUCKET, "");
        f.store.delete(IngestFixture.BUCKET, "sub/c.txt");
        f.store.delete(IngestFixture.BUCKET, "a.txt");

        IngestReport report = ingestor.run(IngestFixture.BUCKET, "sub/");
        assertThat(report.outcome("sub/c.txt")).get().extracting(ObjectOutcome::status).isEqualTo(Status.DELETED);
        assertThat(f.vectors.count(Filter.eq(Lineage.KEY, "sub/c.txt"))).isZero();
        assertThat(f.ledger.get(f.store.name(), "docs", "sub/c.txt")).isEmpty();
        assertThat(f.vectors.count(Filter.eq(Lineage.KEY, "a.txt"))).as("outside the listed prefix").isPositive();

        ingestor.run(IngestFixture.BUCKET, "");
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
    }

    @Test
    void aRunWhoseListingFailedDeletesNothing() {
        threeObjects();
        f.builder().build().run(IngestFixture.BUCKET, "");
        Set<String> before = f.vectors.ids();
        f.store.delete(IngestFixture.BUCKET, "sub/c.txt");
        Ingestor broken = f.builder(f.ledger, f.vectors, f.embedder, f.chunker).build();
        Ingestor viaBrokenStore = Ingestor.builder().objectStore(StoreWithBrokenListing.wrap(f.store))
                .parsers(f.parsers).chunker(f.chunker).embedder(f.embedder).vectorStore(f.vectors).ledger(f.ledger)
                .build();

        assertThatThrownBy(() -> viaBrokenStore.run(IngestFixture.BUCKET, ""))
                .isInstanceOf(IngestFailedException.class)
                .satisfies(e -> assertThat(((IngestFailedException) e).report().listingComplete()).isFalse())
                .hasMessageContaining("listing broke off");
        assertThat(f.vectors.ids()).isEqualTo(before);
        assertThat(broken.run(IngestFixture.BUCKET, "").count(Status.DELETED)).isEqualTo(1);
    }

    @Test
    void aRunLimitedToFewerObjectsThanListedDeletesNothing() {
        threeObjects();
        f.builder().build().run(IngestFixture.BUCKET, "");
        Set<String> before = f.vectors.ids();
        f.store.delete(IngestFixture.BUCKET, "sub/c.txt");

        IngestReport limited = f.builder().maxObjects(1).build().run(IngestFixture.BUCKET, "");
        assertThat(limited.listingComplete()).isFalse();
        assertThat(limited.count(Status.DELETED)).isZero();
        assertThat(f.vectors.ids()).isEqualTo(before);
    }

    @Test
    void aNewChunkerReprocessesEveryObjectAndANewParserOnlyTheObjectsItReads() {
        threeObjects();
        f.builder().build().run(IngestFixture.BUCKET, "");

        Parsers withNewMarkdown = Parsers.builder().add(new UpperCaseMarkdown()).addCoreParsers().build();
        Ingestor newParser = Ingestor.builder().objectStore(f.store).parsers(withNewMarkdown).chunker(f.chunker)
                .embedder(f.embedder).vectorStore(f.vectors).ledger(f.ledger).build();
        IngestReport report = newParser.run(IngestFixture.BUCKET, "");
        assertThat(report.outcome("b.md")).get().extracting(ObjectOutcome::status).isEqualTo(Status.UPDATED);
        assertThat(report.count(Status.UNCHANGED)).isEqualTo(2);
        assertThat(f.vectors.records.values()).filteredOn(r -> r.metadata().get(Lineage.KEY).equals("b.md"))
                .allSatisfy(r -> assertThat(r.text()).isUpperCase());

        Ingestor newChunker = f.builder(f.ledger, f.vectors, f.embedder, Chunkers.characters(60, 0)).build();
        IngestReport rechunked = newChunker.run(IngestFixture.BUCKET, "");
        assertThat(rechunked.count(Status.UPDATED)).isEqualTo(3);
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(newChunker, f.store, "", Chunkers.characters(60, 0)));

        Ingestor newModel = f.builder(f.ledger, f.vectors, new HashEmbedder("m2", 8), Chunkers.characters(60, 0))
                .build();
        assertThat(newModel.run(IngestFixture.BUCKET, "").count(Status.UPDATED)).isEqualTo(3);
        Ingestor sameContentOtherRuntime = Ingestor.builder().objectStore(f.store).parsers(f.parsers)
                .chunker(Chunkers.characters(60, 0)).embedder(new HashEmbedder("m2", 8)).vectorStore(f.vectors)
                .ledger(f.ledger).batchSize(1).concurrency(7).build();
        assertThat(sameContentOtherRuntime.run(IngestFixture.BUCKET, "").count(Status.UNCHANGED))
                .as("batch size and concurrency are not part of the fingerprint").isEqualTo(3);
    }

    @Test
    void aBadObjectIsDeadLetteredAloneRecordedAndNotTriedAgainUntilItChanges() {
        threeObjects();
        f.store.put(IngestFixture.BUCKET, "broken.json", "{\"text\": [1, 2".getBytes(StandardCharsets.UTF_8));
        Ingestor ingestor = f.builder().build();
        IngestReport report = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(report.outcome("broken.json")).get().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.REJECTED);
            assertThat(o.detail()).contains("broken.json");
        });
        assertThat(report.count(Status.INGESTED)).isEqualTo(3);
        assertThat(report.pipeline().deadLetterCount()).isEqualTo(1);
        assertThat(f.ledger.get(f.store.name(), "docs", "broken.json")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerEntry.Status.REJECTED);

        long gets = f.store.gets();
        IngestReport again = ingestor.run(IngestFixture.BUCKET, "");
        assertThat(again.outcome("broken.json")).get().extracting(ObjectOutcome::status).isEqualTo(Status.UNCHANGED);
        assertThat(f.store.gets()).isEqualTo(gets);

        f.store.put(IngestFixture.BUCKET, "broken.json", "{\"text\": \"fixed now\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ingestor.run(IngestFixture.BUCKET, "").outcome("broken.json")).get()
                .extracting(ObjectOutcome::status).isEqualTo(Status.UPDATED);
        assertThat(f.vectors.ids()).isEqualTo(f.expectedIds(ingestor));
    }

    /** Reads Markdown as upper-case plain text: a parser whose change affects .md objects only. */
    private static final class UpperCaseMarkdown implements DocumentParser {
        @Override
        public String name() {
            return "upper-markdown";
        }

        @Override
        public Set<String> mediaTypes() {
            return Set.of("text/markdown");
        }

        @Override
        public Set<String> extensions() {
            return Set.of("md");
        }

        @Override
        public Document parse(DocumentInput input, ParseLimits limits) {
            String text = new String(input.copyOfRange(0, input.length()), StandardCharsets.UTF_8);
            return Document.builder(input.source(), name(), text.toUpperCase(java.util.Locale.ROOT)).build();
        }
    }
}
