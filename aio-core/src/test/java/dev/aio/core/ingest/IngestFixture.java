package dev.aio.core.ingest;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.Parsers;
import dev.aio.core.model.Embedder;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.testing.HashEmbedder;
import dev.aio.core.testing.InMemoryObjectStore;
import dev.aio.core.vector.VectorStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A bucket of small text objects, the real parsers and chunker, and what the index should hold. */
final class IngestFixture {

    static final String BUCKET = "docs";

    final InMemoryObjectStore store = new InMemoryObjectStore();
    final Parsers parsers = Parsers.builder().addCoreParsers().build();
    final Chunker chunker = Chunkers.characters(120, 0);
    final HashEmbedder embedder = new HashEmbedder("m1", 8);
    final MapVectorStore vectors = new MapVectorStore();
    final InMemoryLedger ledger = new InMemoryLedger();

    IngestFixture() {
        store.ensureBucket(BUCKET);
    }

    /** Writes an object whose text has {@code paragraphs} paragraphs, so several chunks. */
    void put(String key, String topic, int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            text.append("Paragraph ").append(i).append(" about ").append(topic)
                    .append(": the quick brown fox jumps over the lazy dog near the river bank.\n\n");
        }
        store.put(BUCKET, key, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    IngestorBuilder builder() {
        return builder(ledger, vectors, embedder, chunker);
    }

    IngestorBuilder builder(Ledger l, VectorStore v, Embedder e, Chunker c) {
        return Ingestor.builder().objectStore(store).parsers(parsers).chunker(c).embedder(e).vectorStore(v).ledger(l)
                .batchSize(5).concurrency(2);
    }

    /**
     * The ids the index must hold: every object under the prefix, parsed and chunked afresh
     * from the store itself, named as the ingestor names chunks.
     */
    Set<String> expectedIds(Ingestor ingestor, ObjectStore from, String prefix, Chunker c) {
        Set<String> ids = new TreeSet<>();
        try (Stream<ObjectInfo> listing = from.list(BUCKET, prefix)) {
            for (ObjectInfo info : listing.toList()) {
                List<Chunk> chunks;
                try {
                    chunks = c.chunk(parsers.parse(new StoredObject(from, info)));
                } catch (DocumentRejectedException bad) {
                    continue; // a rejected object has no chunks
                }
                String version = info.versionId() != null ? info.versionId() : info.etag();
                for (Chunk chunk : chunks) {
                    ids.add(ChunkIds.chunk(from.name(), BUCKET, info.key(), version, ingestor.fingerprint(info),
                            chunk.index()));
                }
            }
        }
        return ids;
    }

    Set<String> expectedIds(Ingestor ingestor) {
        return expectedIds(ingestor, store, "", chunker);
    }
}
