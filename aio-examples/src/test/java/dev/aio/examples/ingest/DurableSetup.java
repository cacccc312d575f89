package dev.aio.examples.ingest;

import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.testing.HashEmbedder;
import dev.aio.core.vector.VectorStore;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.lucene.LuceneVectorStore;
import java.nio.file.Path;

/**
 * The durable components both the killed child and the parent open on the same directories: a
 * folder object store, a Lucene index and a SQLite ledger.
 */
final class DurableSetup implements AutoCloseable {

    static final String BUCKET = "docs";

    final FileSystemObjectStore store;
    final LuceneVectorStore index;
    final JdbcLedger ledger;

    DurableSetup(Path root) {
        store = FileSystemObjectStore.at(root.resolve("objects"));
        index = LuceneVectorStore.builder().directory(root.resolve("index")).build();
        ledger = JdbcLedger.sqlite(root.resolve("ledger.db"));
    }

    Ingestor ingestor(VectorStore vectors) {
        return Ingestor.builder().objectStore(store).parsers(Parsers.builder().addCoreParsers().build())
                .chunker(Chunkers.characters(200, 0)).embedder(new HashEmbedder("kill-test", 16))
                .vectorStore(vectors).ledger(ledger).batchSize(3).concurrency(2).build();
    }

    @Override
    public void close() {
        ledger.close();
        index.close();
        store.close();
    }
}
