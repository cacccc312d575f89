package dev.aio.spring.boot.internal;

import dev.aio.core.model.Embedder;
import dev.aio.core.vector.VectorStore;
import dev.aio.core.vector.VectorStoreUnavailableException;
import dev.aio.spring.boot.AioProperties;
import dev.aio.vector.lucene.LuceneVectorStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import dev.aio.vector.weaviate.WeaviateVectorStore;
import dev.aio.vector.weaviate.WeaviateVectorStoreBuilder;
import java.nio.file.Path;

/** Builds the vector store {@code aio.vector-store.*} describes, sized to the embedder. */
public final class VectorStores {

    static final String PREFIX = "aio.vector-store.";

    private VectorStores() {
    }

    /**
     * @param p the properties
     * @param embedder the embedder whose vectors the store holds
     * @return the store, ready to use; the caller closes it
     */
    public static VectorStore create(AioProperties.VectorStore p, Embedder embedder) {
        int dimensions = embedder.dimensions();
        return switch (p.type()) {
            case MEMORY -> InMemoryVectorStore.builder().dimensions(dimensions).build();
            case LUCENE -> lucene(p.lucene(), dimensions);
            case WEAVIATE -> weaviate(p.weaviate(), dimensions);
        };
    }

    private static VectorStore lucene(AioProperties.Lucene p, int dimensions) {
        Props.requireClass("org.apache.lucene.index.IndexWriter", PREFIX + "type=lucene",
                "org.apache.lucene:lucene-core");
        Path dir = Props.require(p.directory(), PREFIX + "lucene.directory", "when " + PREFIX + "type=lucene");
        LuceneVectorStore.Builder b = LuceneVectorStore.builder().directory(dir);
        Props.apply(PREFIX + "lucene.directory", dir, () -> b.dimensions(dimensions));
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw Props.missing(PREFIX + "lucene.directory", "to be a folder Lucene can open (" + e.getMessage() + ")");
        }
    }

    private static VectorStore weaviate(AioProperties.Weaviate p, int dimensions) {
        String url = Props.require(p.url(), PREFIX + "weaviate.url", "when " + PREFIX + "type=weaviate");
        WeaviateVectorStoreBuilder b = WeaviateVectorStore.builder();
        Props.apply(PREFIX + "weaviate.url", url, () -> b.url(url));
        if (p.apiKey() != null) {
            b.apiKey(p.apiKey());
        }
        if (p.className() != null) {
            Props.apply(PREFIX + "weaviate.class-name", p.className(), () -> b.className(p.className()));
        }
        if (p.timeout() != null) {
            Props.apply(PREFIX + "weaviate.timeout", p.timeout(), () -> b.timeout(p.timeout()));
        }
        b.dimensions(dimensions);
        try {
            return b.build();
        } catch (VectorStoreUnavailableException e) {
            // Connecting is part of build(): say which property points at the server that did not answer.
            throw new IllegalStateException("the Weaviate server at " + PREFIX + "weaviate.url=" + Props.shown(url)
                    + " cannot be reached: " + e.getMessage(), e);
        }
    }
}
