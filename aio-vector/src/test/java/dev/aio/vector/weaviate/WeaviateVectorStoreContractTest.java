package dev.aio.vector.weaviate;

import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.testing.VectorStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The Weaviate store passes the contract against {@link WeaviateStubServer}, which evaluates the
 * where filters and nearVector queries it receives: as a multi-tenant cosine class, with dot
 * products, as a single-tenant class, and against a Weaviate older than 1.33 (no {@code Not}).
 */
class WeaviateVectorStoreContractTest extends VectorStoreContract {

    private WeaviateStubServer stub;

    @Override
    protected VectorStore newStore() {
        stub = new WeaviateStubServer();
        return WeaviateVectorStore.builder().url(stub.url()).build();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Nested
    class DotProduct extends VectorStoreContract {
        private WeaviateStubServer stub;

        @Override
        protected VectorStore newStore() {
            stub = new WeaviateStubServer();
            return WeaviateVectorStore.builder().url(stub.url()).similarity(Similarity.DOT_PRODUCT).build();
        }

        @Override
        protected Similarity similarity() {
            return Similarity.DOT_PRODUCT;
        }

        @AfterEach
        void stopStub() {
            stub.close();
        }
    }

    @Nested
    class SingleTenant extends VectorStoreContract {
        private WeaviateStubServer stub;

        @Override
        protected VectorStore newStore() {
            stub = new WeaviateStubServer();
            return WeaviateVectorStore.builder().url(stub.url()).multiTenancy(false).batchSize(7).build();
        }

        @AfterEach
        void stopStub() {
            stub.close();
        }
    }

    @Nested
    class WeaviateBefore133 extends VectorStoreContract {
        private WeaviateStubServer stub;

        @Override
        protected VectorStore newStore() {
            stub = new WeaviateStubServer("1.32.4", null);
            return WeaviateVectorStore.builder().url(stub.url()).build();
        }

        @AfterEach
        void stopStub() {
            stub.close();
        }
    }
}
