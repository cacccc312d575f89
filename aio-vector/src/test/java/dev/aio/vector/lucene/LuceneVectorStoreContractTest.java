package dev.aio.vector.lucene;

import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.testing.VectorStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene store passes the contract in memory, in a directory, and with dot products. */
class LuceneVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore newStore() {
        return LuceneVectorStore.builder().build();
    }

    @Nested
    class InADirectory extends VectorStoreContract {
        @TempDir
        Path dir;

        @Override
        protected VectorStore newStore() {
            return LuceneVectorStore.builder().name("lucene-fs").directory(dir).build();
        }
    }

    @Nested
    class DotProduct extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            return LuceneVectorStore.builder().similarity(Similarity.DOT_PRODUCT).build();
        }

        @Override
        protected Similarity similarity() {
            return Similarity.DOT_PRODUCT;
        }
    }
}
