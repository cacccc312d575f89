package dev.aio.llm.langchain4j;

import dev.aio.core.ingest.Lineage;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.testing.HashEmbedder;
import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double: an exact cosine vector store with real tenant isolation and every filter
 * operator (aio-llm may not depend on aio-vector). Holds the chunks of two tenants, {@code acme}
 * and {@code globex}, written as the Ingestor writes them.
 */
final class TenantVectorStore extends AbstractVectorStore {

    static final HashEmbedder EMBEDDER = new HashEmbedder("hash-test", 256);

    private final Map<List<String>, VectorRecord> records = new ConcurrentHashMap<>();
    private final boolean leaky;

    TenantVectorStore() {
        this(false);
    }

    /** @param leaky whether searches ignore tenants and filters, as a buggy provider would */
    TenantVectorStore(boolean leaky) {
        super(leaky ? "leaky" : "tenant-exact", 0);
        this.leaky = leaky;
    }

    /** @return a store with acme's public and HR chunks and globex's chunk, all about refunds */
    static TenantVectorStore twoTenants() {
        return twoTenants(false);
    }

    static TenantVectorStore twoTenants(boolean leaky) {
        TenantVectorStore store = new TenantVectorStore(leaky);
        store.upsert(List.of(
                chunk("acme", "acme/refunds.md", "refund policy for acme customers: thirty days", "*"),
                chunk("acme", "acme/hr/salaries.md", "refund of salary advances policy", "group:hr"),
                chunk("globex", "globex/refunds.md", "refund policy for globex customers: secret ninety days", "*")));
        return store;
    }

    /** @return a multi-tenant retriever over this store */
    Retriever retriever() {
        return Retriever.builder().embedder(EMBEDDER).vectorStore(this).multiTenant().build();
    }

    static VectorRecord chunk(String tenant, String key, String text, String... acl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Lineage.STORE, "memory");
        m.put(Lineage.BUCKET, "docs");
        m.put(Lineage.KEY, key);
        m.put(Lineage.VERSION_ID, "v-" + key);
        m.put(Lineage.CHUNK_INDEX, 0L);
        m.put(Lineage.FIRST_PAGE, 2L);
        m.put(Lineage.ACL, List.of(acl));
        return VectorRecord.of(key + "#0", EMBEDDER.embed(text), text, m).withTenant(tenant);
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.builder().allFilterOperators().tenants(true).build();
    }

    @Override
    protected void doUpsert(List<VectorRecord> batch) {
        batch.forEach(r -> records.put(Arrays.asList(r.tenant(), r.id()), r));
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        int n = 0;
        for (String id : ids) {
            n += records.remove(Arrays.asList(tenant, id)) != null ? 1 : 0;
        }
        return n;
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        return doDelete(tenant, inTenant(tenant, filter).stream().map(VectorRecord::id).toList());
    }

    @Override
    protected int doDeleteAll(String tenant) {
        return doDelete(tenant, inTenant(tenant, null).stream().map(VectorRecord::id).toList());
    }

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        return ids.stream().map(id -> records.get(Arrays.asList(tenant, id))).filter(Objects::nonNull).toList();
    }

    @Override
    protected long doCount(String tenant, Filter filter) {
        return inTenant(tenant, filter).size();
    }

    private List<VectorRecord> inTenant(String tenant, Filter filter) {
        return records.values().stream().filter(r -> Objects.equals(r.tenant(), tenant))
                .filter(r -> filter == null || filter.test(r.metadata())).toList();
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        List<SearchHit> hits = new ArrayList<>();
        for (VectorRecord r : leaky ? records.values() : inTenant(query.tenant(), query.filter().orElse(null))) {
            double s = cosine(query.vectorUnsafe(), r.vector());
            if (s >= query.minScore()) {
                hits.add(new SearchHit(r, s));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.subList(0, Math.min(query.topK(), hits.size()));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    @Override
    protected void doClose() {
        records.clear();
    }
}
