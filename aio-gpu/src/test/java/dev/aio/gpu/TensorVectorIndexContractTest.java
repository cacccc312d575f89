package dev.aio.gpu;

import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.testing.VectorStoreContract;
import org.junit.jupiter.api.Nested;

class TensorVectorIndexContractTest extends VectorStoreContract {

    @Override
    protected VectorStore newStore() {
        // A small initial capacity, so the contract's 120 records make the device matrix grow.
        return TensorVectorIndex.builder().device(DeviceChoice.CPU).initialCapacity(16).build();
    }

    @Nested
    class DotProduct extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            return TensorVectorIndex.builder().name("tensor-dot").similarity(Similarity.DOT_PRODUCT)
                    .device(DeviceChoice.CPU).dimensions(DIMS).build();
        }

        @Override
        protected Similarity similarity() {
            return Similarity.DOT_PRODUCT;
        }
    }
}
