package dev.aio.core.retrieval;

import dev.aio.core.ingest.Lineage;
import dev.aio.core.vector.VectorRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds chunk records as the Ingestor writes them: lineage metadata, tenant, ACL labels. */
public final class Corpus {

    private static final WordEmbedder EMBEDDER = new WordEmbedder();

    private Corpus() {
    }

    /**
     * @param tenant the record's store tenant, or null
     * @param key the object key; the chunk id is {@code key#0}, the version {@code v-<key>}
     * @param text the chunk text
     * @param acl the access labels; none writes no {@code acl} key
     * @return the record, also carrying {@code tenant} metadata when a tenant is given
     */
    public static VectorRecord chunk(String tenant, String key, String text, String... acl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Lineage.STORE, "memory");
        m.put(Lineage.BUCKET, "docs");
        m.put(Lineage.KEY, key);
        m.put(Lineage.VERSION_ID, "v-" + key);
        m.put(Lineage.ETAG, "etag-" + key);
        m.put(Lineage.CHUNK_INDEX, 0L);
        m.put(Lineage.START, 10L);
        m.put(Lineage.END, 10L + text.length());
        if (acl.length > 0) {
            m.put(Lineage.ACL, List.of(acl));
        }
        if (tenant != null) {
            m.put(Retriever.TENANT_KEY, tenant);
        }
        return VectorRecord.of(key + "#0", EMBEDDER.embed(text), text, m);
    }

    /** @return the record in the store's tenant {@code tenant} */
    public static VectorRecord tenantChunk(String tenant, String key, String text, String... acl) {
        return chunk(tenant, key, text, acl).withTenant(tenant);
    }

    /** @return the shared embedder */
    public static WordEmbedder embedder() {
        return EMBEDDER;
    }
}
