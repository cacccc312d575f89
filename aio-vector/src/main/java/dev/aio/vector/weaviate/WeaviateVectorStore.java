package dev.aio.vector.weaviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.FilterOperator;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.vector.weaviate.internal.ChunkSchema;
import dev.aio.vector.weaviate.internal.GraphQl;
import dev.aio.vector.weaviate.internal.ObjectCodec;
import dev.aio.vector.weaviate.internal.PropertyKind;
import dev.aio.vector.weaviate.internal.PropertyNames;
import dev.aio.vector.weaviate.internal.Tenants;
import dev.aio.vector.weaviate.internal.WeaviateHttp;
import dev.aio.vector.weaviate.internal.WhereFilters;
import dev.aio.vector.weaviate.internal.WhereFilters.Where;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link dev.aio.core.vector.VectorStore} in a Weaviate server, spoken to over its REST and
 * GraphQL APIs. Build it with {@link #builder()}; it is ready when {@code build()} returns.
 *
 * <p><b>Schema as code.</b> Records live in one class (default {@code AioChunk}), created if
 * absent with no vectorizer, the builder's distance, indexed null state, and the properties
 * {@code recordId}, {@code text} (BM25-searchable), {@code metadataJson} and the provenance
 * properties {@code bucket, key, versionId, etag, chunkIndex, documentId, fingerprint, tenant}.
 * A metadata key first seen in a record gets its own filterable property, typed by its value
 * (string: {@code text}, list: {@code text[]}, number: {@code number}, boolean), named as
 * {@code PropertyNames} explains; a later value of another kind for that key is refused. An
 * existing class is used only if aio could have created it.
 *
 * <p><b>Identity.</b> A record's object id is a UUIDv5 of its id, so upserting again replaces
 * the object (batch upsert), and tenants isolate records with the same id.
 *
 * <p><b>Filters</b> are translated to where filters that select exactly what {@link Filter#test}
 * selects. {@code contains} is refused: Weaviate's {@code Like} cannot escape {@code *} and
 * {@code ?} and is case-sensitive on whole-field tokens. {@code !=}, {@code not in} and {@code !}
 * need Weaviate's {@code Not} operator (1.33 or later) and are declared only when the server is
 * that new; {@code exists} needs the class to index null state. Numbers are Weaviate
 * {@code number}s (float64): longs beyond 2^53 compare approximately. Strings compare byte-wise
 * in UTF-8. An empty list reads back as it was written but counts as absent for
 * {@code exists}, as Weaviate stores no element for it.
 *
 * <p><b>Scores.</b> Cosine stores score {@code 1 - distance}, dot-product stores
 * {@code -distance}, i.e. the similarity itself. Hybrid search scores are Weaviate's fused
 * scores: {@link HybridSearch.Fusion#WEIGHTED} is {@code relativeScoreFusion} with the query's
 * alpha, {@link HybridSearch.Fusion#RRF} is {@code rankedFusion}, whose rank constant is 60, so
 * another {@code rrfK} is refused.
 *
 * <p><b>Tenants.</b> With {@link WeaviateVectorStoreBuilder#multiTenancy(boolean)} (the
 * default) the class is multi-tenant: each aio tenant is a Weaviate tenant, created on first
 * write, and records without a tenant live in {@value #UNTENANTED}.
 *
 * <p><b>Errors.</b> Network failures, 429 and 5xx raise the retriable
 * {@link dev.aio.core.vector.VectorStoreUnavailableException}; other refusals a
 * {@link VectorStoreException}. No message contains the API key. Thread-safe.
 */
public final class WeaviateVectorStore extends AbstractVectorStore {

    /** The Weaviate tenant holding records without an aio tenant, in a multi-tenant class. */
    public static final String UNTENANTED = "aio-untenanted";

    private static final int IDS_PER_QUERY = 1_000;
    private static final double DISTANCE_SLACK = 1e-5;

    private final WeaviateHttp http;
    private final ChunkSchema schema;
    private final ObjectCodec codec;
    private final Tenants tenants;
    private final Similarity similarity;
    private final int batchSize;
    private final Capabilities capabilities;
    private final WeaviateBackups backups;

    WeaviateVectorStore(WeaviateVectorStoreBuilder b, WeaviateHttp http) {
        super(b.name(), b.dimensions());
        this.http = http;
        this.similarity = b.similarity();
        this.batchSize = b.batchSize();
        this.schema = new ChunkSchema(b.className(), similarity, b.multiTenancy());
        this.codec = new ObjectCodec(http.mapper());
        this.tenants = b.multiTenancy() ? new Tenants(b.name(), http, b.className(), UNTENANTED) : null;
        this.backups = new WeaviateBackups(http, b.className(), b.backupBucket(), b.backupPath());
        try {
            boolean notOperator = supportsNot(http.send("GET", "v1/meta", null, false).path("version").asText(""));
            boolean nullState = createOrAdopt();
            this.capabilities = capabilities(notOperator, nullState, b.multiTenancy());
            if (tenants != null) {
                tenants.refresh();
            }
            if (dimensions() == 0) {
                restoreDimensions();
            }
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** @return a builder; {@link WeaviateVectorStoreBuilder#url(String)} is required */
    public static WeaviateVectorStoreBuilder builder() {
        return new WeaviateVectorStoreBuilder();
    }

    // Weaviate's Not and ContainsNone operators arrived in 1.33.
    static boolean supportsNot(String version) {
        String[] parts = version.split("[.\\-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= 33);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Capabilities capabilities(boolean not, boolean nullState, boolean tenants) {
        Set<FilterOperator> ops = EnumSet.of(FilterOperator.EQ, FilterOperator.GT, FilterOperator.GTE,
                FilterOperator.LT, FilterOperator.LTE, FilterOperator.IN, FilterOperator.AND, FilterOperator.OR);
        if (not) {
            ops.addAll(EnumSet.of(FilterOperator.NE, FilterOperator.NOT_IN, FilterOperator.NOT));
        }
        if (nullState) {
            ops.add(FilterOperator.EXISTS);
        }
        return Capabilities.builder().filterOperators(ops.toArray(new FilterOperator[0]))
                .hybrid(HybridSearch.Fusion.WEIGHTED, HybridSearch.Fusion.RRF).tenants(tenants).persistent(true).build();
    }

    /** @return whether the class indexes null state */
    private boolean createOrAdopt() {
        String path = "v1/schema/" + schema.className();
        JsonNode existing = http.send("GET", path, null, true);
        if (existing == null) {
            try {
                http.send("POST", "v1/schema", schema.definition(), false);
                schema.created();
                return true;
            } catch (VectorStoreException e) {
                // Another store may have created it first; use theirs if it is one.
                existing = http.send("GET", path, null, true);
                if (existing == null) {
                    throw e;
                }
            }
        }
        String problem = schema.adopt(existing);
        if (problem != null) {
            throw new VectorStoreException(name(), "Weaviate class '" + schema.className() + "' exists but " + problem
                    + "; build the store with another className, or delete the class", null);
        }
        return ChunkSchema.indexesNullState(existing);
    }

    private void refreshSchema() {
        JsonNode existing = http.send("GET", "v1/schema/" + schema.className(), null, true);
        if (existing != null) {
            schema.adopt(existing);
        }
    }

    private void restoreDimensions() {
        List<String> where = tenants == null ? java.util.Collections.singletonList(null) : new ArrayList<>(tenants.known());
        for (String t : where) {
            JsonNode hits = get(t, "limit: 1", "_additional { vector }");
            if (hits.size() > 0) {
                fixDimensions(hits.get(0).path("_additional").path("vector").size());
                return;
            }
        }
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** @return the Weaviate class holding the records */
    public String className() {
        return schema.className();
    }

    /** @return backups of the class to Weaviate's S3 backend (e.g. MinIO) and restores from it */
    public WeaviateBackups backups() {
        ensureOpen();
        return backups;
    }

    // ---- writes ----------------------------------------------------------------------------

    @Override
    protected void doUpsert(List<VectorRecord> records) {
        addMissingProperties(records);
        Map<String, List<VectorRecord>> byTenant = new LinkedHashMap<>();
        for (VectorRecord r : records) {
            byTenant.computeIfAbsent(tenant(r.tenant()), t -> new ArrayList<>()).add(r);
        }
        if (tenants != null) {
            tenants.ensure(new ArrayList<>(byTenant.keySet()));
        }
        List<ObjectNode> objects = new ArrayList<>(records.size());
        byTenant.forEach((t, rs) -> rs.forEach(r -> objects.add(codec.toObject(r, schema.className(), t))));
        for (int from = 0; from < objects.size(); from += batchSize) {
            List<ObjectNode> batch = objects.subList(from, Math.min(objects.size(), from + batchSize));
            ObjectNode body = http.mapper().createObjectNode();
            body.putArray("objects").addAll(batch);
            checkBatch(http.send("POST", "v1/batch/objects", body, false), batch);
        }
    }

    // Weaviate answers 200 for a batch and reports each object's failure inside it.
    private void checkBatch(JsonNode answer, List<ObjectNode> batch) {
        for (int i = 0; i < answer.size(); i++) {
            JsonNode errors = answer.get(i).path("result").path("errors").path("error");
            if (errors.size() > 0) {
                String id = batch.get(i).path("properties").path(PropertyNames.RECORD_ID).asText();
                throw new VectorStoreException(name(), "Weaviate refused record '" + id + "': "
                        + http.redact(errors.get(0).path("message").asText()), null);
            }
        }
    }

    private void addMissingProperties(List<VectorRecord> records) {
        Map<String, PropertyKind> missing = new LinkedHashMap<>();
        for (VectorRecord r : records) {
            r.metadata().forEach((key, value) -> {
                if (value instanceof Double && ((Double) value).isInfinite()) {
                    throw new VectorStoreException(name(), "metadata '" + key + "' of record '" + r.id() + "' is "
                            + value + ", which Weaviate cannot store; use a finite number", null);
                }
                String property = PropertyNames.of(key);
                PropertyKind kind = PropertyKind.ofMetadata(value);
                PropertyKind known = schema.kindOfProperty(property);
                if (known == null) {
                    known = missing.putIfAbsent(property, kind);
                }
                if (known != null && known != kind) {
                    throw new VectorStoreException(name(), "metadata '" + key + "' of record '" + r.id() + "' is a "
                            + kind.dataType() + " but the class stores that key as " + known.dataType()
                            + "; keep one type per metadata key", null);
                }
            });
        }
        missing.forEach((property, kind) -> {
            try {
                http.send("POST", "v1/schema/" + schema.className() + "/properties", ChunkSchema.property(property, kind),
                        false);
                schema.added(property, kind);
            } catch (VectorStoreException e) {
                // Another writer may have added it meanwhile; it must have the same type.
                refreshSchema();
                PropertyKind now = schema.kindOfProperty(property);
                if (now == null) {
                    throw e;
                }
                if (now != kind) {
                    throw new VectorStoreException(name(), "property '" + property + "' was just added as "
                            + now.dataType() + " by another writer, but records here hold " + kind.dataType(), e);
                }
            }
        });
    }

    @Override
    protected int doDelete(String tenant, List<String> ids) {
        String t = tenant(tenant);
        if (!exists(t)) {
            return 0;
        }
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            deleted += batchDelete(t, WhereFilters.idsIn(uuids(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))));
        }
        return deleted;
    }

    @Override
    protected int doDelete(String tenant, Filter filter) {
        String t = tenant(tenant);
        if (!exists(t)) {
            return 0;
        }
        Where where = translate(filter);
        if (where == Where.NONE) {
            return 0;
        }
        return batchDelete(t, where == Where.ALL ? WhereFilters.everything() : where.node());
    }

    @Override
    protected int doDeleteAll(String tenant) {
        String t = tenant(tenant);
        return exists(t) ? batchDelete(t, WhereFilters.everything()) : 0;
    }

    // A batch delete removes at most QUERY_MAXIMUM_RESULTS objects per call: repeat until a
    // call removes fewer than its limit.
    private int batchDelete(String tenant, ObjectNode where) {
        ObjectNode body = http.mapper().createObjectNode();
        body.putObject("match").put("class", schema.className()).set("where", where);
        body.put("output", "minimal").put("dryRun", false);
        String path = "v1/batch/objects" + (tenant == null ? "" : "?tenant=" + tenant);
        int total = 0;
        while (true) {
            JsonNode results = http.send("DELETE", path, body, false).path("results");
            if (results.path("failed").asLong() > 0) {
                throw new VectorStoreException(name(), "Weaviate failed to delete " + results.path("failed").asLong()
                        + " of " + results.path("matches").asLong() + " matching objects; retry the delete", null);
            }
            int done = results.path("successful").asInt();
            total += done;
            if (done == 0 || results.path("matches").asLong() < results.path("limit").asLong(Long.MAX_VALUE)) {
                return total;
            }
        }
    }

    // ---- reads -----------------------------------------------------------------------------

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        String t = tenant(tenant);
        List<VectorRecord> out = new ArrayList<>();
        if (!exists(t)) {
            return out;
        }
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            JsonNode hits = get(t, "limit: " + part.size() + ", where: " + GraphQl.literal(WhereFilters.idsIn(uuids(part))),
                    RECORD_FIELDS + " _additional { id vector }");
            hits.forEach(h -> out.add(codec.toRecord(h, tenant)));
        }
        return out;
    }

    private static final String RECORD_FIELDS = PropertyNames.RECORD_ID + " " + PropertyNames.TEXT + " "
            + PropertyNames.METADATA_JSON;

    @Override
    protected long doCount(String tenant, Filter filter) {
        String t = tenant(tenant);
        if (!exists(t)) {
            return 0;
        }
        Where where = translate(filter);
        if (where == Where.NONE) {
            return 0;
        }
        List<String> args = new ArrayList<>();
        if (t != null) {
            args.add("tenant: " + GraphQl.string(t));
        }
        if (where.node() != null) {
            args.add("where: " + GraphQl.literal(where.node()));
        }
        String query = "{ Aggregate { " + schema.className() + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
                + " { meta { count } } } }";
        return http.graphql(query).path("Aggregate").path(schema.className()).path(0).path("meta").path("count").asLong();
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        String t = tenant(query.tenant());
        if (!exists(t)) {
            return List.of();
        }
        Where where = translate(query.filter().orElse(null));
        if (where == Where.NONE) {
            return List.of();
        }
        HybridSearch hybrid = query.hybrid().orElse(null);
        StringBuilder args = new StringBuilder("limit: ").append(query.topK());
        if (hybrid == null) {
            args.append(", nearVector: {vector: ").append(GraphQl.floats(query.vectorUnsafe()));
            if (query.minScore() != Double.NEGATIVE_INFINITY) {
                double maxDistance = (similarity == Similarity.COSINE ? 1 - query.minScore() : -query.minScore());
                // A little slack so rounding on the server never drops a hit at the cut; the cut
                // itself is applied exactly below.
                args.append(", distance: ").append(maxDistance + DISTANCE_SLACK);
            }
            args.append('}');
        } else {
            args.append(", hybrid: ").append(hybrid(hybrid, query.vectorUnsafe()));
        }
        if (where.node() != null) {
            args.append(", where: ").append(GraphQl.literal(where.node()));
        }
        JsonNode hits = get(t, args.toString(), RECORD_FIELDS + " _additional { id " + (hybrid == null ? "distance" : "score")
                + " vector }");
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (JsonNode h : hits) {
            JsonNode extra = h.path("_additional");
            double score = hybrid != null ? Double.parseDouble(extra.path("score").asText("0"))
                    : similarity == Similarity.COSINE ? 1 - extra.path("distance").asDouble()
                    : -extra.path("distance").asDouble();
            if (score >= query.minScore()) {
                out.add(new SearchHit(codec.toRecord(h, query.tenant()), score));
            }
        }
        out.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return out;
    }

    private String hybrid(HybridSearch h, float[] vector) {
        if (h.fusion() == HybridSearch.Fusion.RRF && h.rrfK() != 60) {
            throw new UnsupportedCapabilityException(name(), "RRF hybrid search with rank constant " + h.rrfK(),
                    "Weaviate's rankedFusion uses 60; use HybridSearch.rrf(text) or weighted fusion");
        }
        double alpha = h.fusion() == HybridSearch.Fusion.RRF ? 0.5 : h.alpha();
        String fusion = h.fusion() == HybridSearch.Fusion.RRF ? "rankedFusion" : "relativeScoreFusion";
        return "{query: " + GraphQl.string(h.text()) + ", alpha: " + alpha + ", vector: " + GraphQl.floats(vector)
                + ", properties: [" + GraphQl.string(PropertyNames.TEXT) + "], fusionType: " + fusion + "}";
    }

    private JsonNode get(String tenant, String args, String fields) {
        String all = (tenant == null ? "" : "tenant: " + GraphQl.string(tenant) + ", ") + args;
        String query = "{ Get { " + schema.className() + "(" + all + ") { " + fields + " } } }";
        return http.graphql(query).path("Get").path(schema.className());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String tenant(String aioTenant) {
        return tenants == null ? null : tenants.weaviateName(aioTenant);
    }

    private boolean exists(String weaviateTenant) {
        return weaviateTenant == null || tenants.exists(weaviateTenant);
    }

    private Where translate(Filter filter) {
        if (filter != null) {
            for (String key : WhereFilters.keys(filter)) {
                if (schema.kindOfKey(key) == null) {
                    // Another writer may have added the key's property since we last looked.
                    refreshSchema();
                    break;
                }
            }
        }
        return WhereFilters.translate(filter, schema::kindOfKey);
    }

    private static List<String> uuids(List<String> ids) {
        List<String> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(ObjectCodec.uuid(id)));
        return out;
    }

    @Override
    protected void doClose() {
        http.close();
    }

    @Override
    public String toString() {
        return "WeaviateVectorStore{name=" + name() + ", class=" + schema.className() + ", similarity=" + similarity + "}";
    }
}
