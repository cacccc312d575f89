package dev.aio.vector.memory;

import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.testing.VectorStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory store passes the contract with floats, with int8 quantization, with dot
 * products, with scalar arithmetic, and with approximate (HNSW) search.
 */
class InMemoryVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore newStore() {
        return InMemoryVectorStore.builder().build();
    }

    @Nested
    class Quantized extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            // Oversampling wide enough that rescoring makes the small contract data set exact.
            return InMemoryVectorStore.builder().name("memory-int8").int8Quantization(true).oversample(8).build();
        }
    }

    @Nested
    class DotProduct extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            return InMemoryVectorStore.builder().similarity(Similarity.DOT_PRODUCT).dimensions(DIMS).build();
        }

        @Override
        protected Similarity similarity() {
            return Similarity.DOT_PRODUCT;
        }
    }

    @Nested
    class ScalarArithmetic extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            return InMemoryVectorStore.builder().simd(false).build();
        }
    }

    @Nested
    class Approximate extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            return InMemoryVectorStore.builder().name("memory-hnsw").approximate(HnswOptions.defaults()).build();
        }
    }

    @Nested
    class ApproximateDotProductNarrowGraph extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            // A sparse graph and a narrow search: the graph, not its breadth, must find the neighbours.
            return InMemoryVectorStore.builder().name("memory-hnsw-m4").similarity(Similarity.DOT_PRODUCT)
                    .dimensions(DIMS).approximate(new HnswOptions(4, 16, 10)).build();
        }

        @Override
        protected Similarity similarity() {
            return Similarity.DOT_PRODUCT;
        }

        @Override
        protected double minimumRecall() {
            return 0.9;
        }
    }

    @Nested
    class ApproximateInt8Walk extends VectorStoreContract {
        @Override
        protected VectorStore newStore() {
            // Searches walk the graph on int8 codes and rescore what they find with floats.
            return InMemoryVectorStore.builder().name("memory-hnsw-int8").int8Quantization(true)
                    .approximate(HnswOptions.defaults()).build();
        }
    }
}
