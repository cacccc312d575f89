package dev.aio.vector.weaviate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.vector.weaviate.WeaviateStubServer.Request;
import dev.aio.vector.weaviate.internal.ObjectCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact REST bodies and GraphQL text the store sends for each operation. */
class WeaviateRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_FIELDS = "recordId text metadataJson";

    private WeaviateStubServer stub;
    private WeaviateVectorStore store;

    @BeforeEach
    void start() {
        stub = new WeaviateStubServer();
        store = WeaviateVectorStore.builder().url(stub.url()).build();
    }

    @AfterEach
    void stop() {
        store.close();
        stub.close();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Request> sent(String method, String pathPrefix) {
        return stub.requests().stream().filter(r -> r.method().equals(method) && r.target().startsWith(pathPrefix))
                .collect(Collectors.toList());
    }

    private String lastGraphQl() {
        List<Request> q = sent("POST", "/v1/graphql");
        return json(q.get(q.size() - 1).body()).path("query").asText();
    }

    private static VectorRecord record(String id, float[] v, Map<String, ?> meta) {
        return VectorRecord.of(id, v, "text of " + id, meta);
    }

    @Test
    void buildingAgainstAnEmptyServerCreatesTheChunkClassWithItsProvenanceProperties() {
        assertThat(stub.requests()).extracting(r -> r.method() + " " + r.target()).containsExactly(
                "GET /v1/meta", "GET /v1/schema/AioChunk", "POST /v1/schema", "GET /v1/schema/AioChunk/tenants");
        String provenance = "{'name':'bucket','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'key','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'versionId','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'etag','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'chunkIndex','dataType':['number'],'indexFilterable':true},"
                + "{'name':'documentId','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'fingerprint','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true},"
                + "{'name':'tenant','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true}";
        assertThat(json(sent("POST", "/v1/schema").get(0).body())).isEqualTo(json("{'class':'AioChunk',"
                + "'description':'Chunks written by aio: text, vector, metadata and provenance','vectorizer':'none',"
                + "'vectorIndexConfig':{'distance':'cosine'},'invertedIndexConfig':{'indexNullState':true},"
                + "'multiTenancyConfig':{'enabled':true},'properties':["
                + "{'name':'recordId','dataType':['text'],'tokenization':'field','indexFilterable':true,'indexSearchable':false},"
                + "{'name':'text','dataType':['text'],'tokenization':'word','indexFilterable':false,'indexSearchable':true},"
                + "{'name':'metadataJson','dataType':['text'],'indexFilterable':false,'indexSearchable':false},"
                + provenance + "]}"));
    }

    @Test
    void reopeningFindsTheClassAndItsDimensionsWithoutCreatingAnything() {
        store.upsert(List.of(record("a", new float[] {1, 0, 0}, Map.of())));
        stub.clearRequests();
        try (WeaviateVectorStore again = WeaviateVectorStore.builder().url(stub.url()).build()) {
            assertThat(again.dimensions()).isEqualTo(3);
            assertThat(sent("POST", "/v1/schema")).isEmpty();
            assertThat(again.search(VectorQuery.of(new float[] {1, 0, 0}, 1))).extracting(SearchHit::id).containsExactly("a");
        }
    }

    @Test
    void upsertAddsMissingPropertiesCreatesTheTenantAndBatchesObjectsWithDeterministicUuids() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("lang", "en");
        meta.put("year", 2020L);
        meta.put("x-y", true);
        meta.put("tags", List.of("a", "b"));
        stub.clearRequests();
        store.upsert(List.of(record("doc#0", new float[] {0.5f, 1}, meta).withTenant("acme")));

        assertThat(sent("POST", "/v1/schema/AioChunk/properties")).extracting(r -> json(r.body())).containsExactly(
                json("{'name':'lang','dataType':['text'],'tokenization':'field','indexSearchable':false,'indexFilterable':true}"),
                json("{'name':'year','dataType':['number'],'indexFilterable':true}"),
                json("{'name':'m_x_2d_y','dataType':['boolean'],'indexFilterable':true}"),
                json("{'name':'tags','dataType':['text[]'],'tokenization':'field','indexSearchable':false,'indexFilterable':true}"));
        assertThat(json(sent("POST", "/v1/schema/AioChunk/tenants").get(0).body())).isEqualTo(json("[{'name':'acme'}]"));
        String uuid = ObjectCodec.uuid("doc#0");
        assertThat(json(sent("POST", "/v1/batch/objects").get(0).body())).isEqualTo(json("{'objects':[{'class':'AioChunk',"
                + "'id':'" + uuid + "','properties':{'recordId':'doc#0','text':'text of doc#0',"
                + "'metadataJson':'{\\'lang\\':\\'en\\',\\'year\\':2020,\\'x-y\\':true,\\'tags\\':[\\'a\\',\\'b\\']}',"
                + "'lang':'en','year':2020,'m_x_2d_y':true,'tags':['a','b']},'vector':[0.5,1.0],'tenant':'acme'}]}"));
    }

    @Test
    void objectIdsAreVersion5UuidsOfTheRecordIdThatNeverChange() {
        UUID u = UUID.fromString(ObjectCodec.uuid("doc#0"));
        assertThat(u.version()).isEqualTo(5);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(ObjectCodec.uuid("doc#0")).isEqualTo(u.toString()).isNotEqualTo(ObjectCodec.uuid("doc#1"));
        // Pinned (Python's uuid.uuid5(ObjectCodec.NAMESPACE, 'doc#0') gives the same): a different
        // value would make every re-ingestion a duplicate.
        assertThat(ObjectCodec.uuid("doc#0")).isEqualTo("231abade-5a93-5a87-b3b4-a63e68c82e27");
    }

    @Test
    void searchSendsNearVectorWithTheTenantLimitDistanceAndTranslatedWhere() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of("lang", "en", "year", 2021L)).withTenant("acme")));
        Filter f = Filter.parse("lang == 'en' && year >= 2020 && lang != 'de' && exists(year) && year not in [1, 2.5]");
        List<SearchHit> hits = store.search(VectorQuery.builder(new float[] {1, 0}).topK(3).tenant("acme").filter(f)
                .minScore(0.5).build());
        assertThat(hits).extracting(SearchHit::id).containsExactly("a");
        assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lastGraphQl()).isEqualTo("{ Get { AioChunk(tenant: \"acme\", limit: 3, nearVector: {vector: [1.0, 0.0], "
                + "distance: 0.50001}, where: {operator: And, operands: ["
                + "{operator: Equal, path: [\"lang\"], valueText: \"en\"}, "
                + "{operator: GreaterThanEqual, path: [\"year\"], valueNumber: 2020}, "
                + "{operator: Not, operands: [{operator: Equal, path: [\"lang\"], valueText: \"de\"}]}, "
                + "{operator: IsNull, path: [\"year\"], valueBoolean: false}, "
                + "{operator: Not, operands: [{operator: Or, operands: [{operator: Equal, path: [\"year\"], valueNumber: 1}, "
                + "{operator: Equal, path: [\"year\"], valueNumber: 2.5}]}]}]}) "
                + "{ " + GRAPHQL_FIELDS + " _additional { id distance vector } } } }");
    }

    @Test
    void comparisonsThatCanNeverMatchAreFoldedAwayBeforeAnythingIsSent() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of("lang", "en"))));
        stub.clearRequests();
        // 'nokey' has no property and 'lang' holds strings: neither comparison can match.
        assertThat(store.count(Filter.parse("nokey == 1 || lang > 3"))).isZero();
        assertThat(sent("POST", "/v1/graphql")).isEmpty();
        assertThat(store.count(Filter.parse("nokey != 1 && lang == 'en'"))).isEqualTo(1);
        assertThat(lastGraphQl()).isEqualTo("{ Aggregate { AioChunk(tenant: \"aio-untenanted\", where: "
                + "{operator: Equal, path: [\"lang\"], valueText: \"en\"}) { meta { count } } } }");
    }

    @Test
    void hybridSearchSendsQueryAlphaVectorAndFusionType() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of()), record("b", new float[] {0, 1}, Map.of())));
        List<SearchHit> hits = store.search(VectorQuery.builder(new float[] {1, 0}).topK(2)
                .hybrid(HybridSearch.weighted("text of b", 0.25)).build());
        assertThat(lastGraphQl()).isEqualTo("{ Get { AioChunk(tenant: \"aio-untenanted\", limit: 2, hybrid: {query: "
                + "\"text of b\", alpha: 0.25, vector: [1.0, 0.0], properties: [\"text\"], fusionType: relativeScoreFusion}) "
                + "{ " + GRAPHQL_FIELDS + " _additional { id score vector } } } }");
        // The keyword half (weight 0.75) favours b, whose text has every query word.
        assertThat(hits).extracting(SearchHit::id).containsExactly("b", "a");
        store.search(VectorQuery.builder(new float[] {1, 0}).hybrid(HybridSearch.rrf("x")).build());
        assertThat(lastGraphQl()).contains("alpha: 0.5,").contains("fusionType: rankedFusion}");
    }

    @Test
    void rrfWithAnotherRankConstantIsRefusedNamingTheStore() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of())));
        VectorQuery q = VectorQuery.builder(new float[] {1, 0})
                .hybrid(new HybridSearch("x", HybridSearch.Fusion.RRF, 0.5, 10)).build();
        assertThatThrownBy(() -> store.search(q)).isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining(store.name()).hasMessageContaining("rank constant 10");
    }

    @Test
    void getReadsByUuidAndDeleteUsesBatchDeleteWithWhere() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of("lang", "en"))));
        assertThat(store.get(List.of("a"))).extracting(VectorRecord::id).containsExactly("a");
        assertThat(lastGraphQl()).isEqualTo("{ Get { AioChunk(tenant: \"aio-untenanted\", limit: 1, where: "
                + "{operator: ContainsAny, path: [\"id\"], valueTextArray: [\"" + ObjectCodec.uuid("a") + "\"]}) "
                + "{ " + GRAPHQL_FIELDS + " _additional { id vector } } } }");
        assertThat(store.delete(Filter.eq("lang", "en"))).isEqualTo(1);
        Request delete = sent("DELETE", "/v1/batch/objects").get(0);
        assertThat(delete.target()).isEqualTo("/v1/batch/objects?tenant=aio-untenanted");
        assertThat(json(delete.body())).isEqualTo(json("{'match':{'class':'AioChunk','where':{'operator':'Equal',"
                + "'path':['lang'],'valueText':'en'}},'output':'minimal','dryRun':false}"));
    }

    @Test
    void deletingMoreThanOneBatchDeleteAllowsRepeatsUntilNothingIsLeft() {
        List<VectorRecord> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(record("r" + i, new float[] {i, 1}, Map.of()));
        }
        store.upsert(many);
        stub.queryMaximumResults(10);
        stub.clearRequests();
        assertThat(store.deleteAll(null)).isEqualTo(25);
        assertThat(sent("DELETE", "/v1/batch/objects")).hasSize(3).allSatisfy(r -> assertThat(json(r.body()))
                .isEqualTo(json("{'match':{'class':'AioChunk','where':{'operator':'Like','path':['id'],'valueText':'*'}},"
                        + "'output':'minimal','dryRun':false}")));
        assertThat(store.count()).isZero();
    }

    @Test
    void aMetadataKeyKeepsOneTypeAndTenantsMustFitWeaviatesNames() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of("year", 2020L))));
        assertThatThrownBy(() -> store.upsert(List.of(record("b", new float[] {1, 0}, Map.of("year", "2020")))))
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("'year'").hasMessageContaining("record 'b'")
                .hasMessageContaining("number");
        assertThatThrownBy(() -> store.upsert(List.of(record("c", new float[] {1, 0}, Map.of()).withTenant("a b"))))
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("tenant 'a b'");
    }

    @Test
    void backupsGoToTheS3BackendAndRestoreTheClass() {
        store.upsert(List.of(record("a", new float[] {1, 0}, Map.of())));
        WeaviateBackupStatus started = store.backups().create("nightly-1");
        assertThat(started.status()).isEqualTo("STARTED");
        assertThat(started.path()).isEqualTo("s3://weaviate-backups/nightly-1");
        assertThat(json(sent("POST", "/v1/backups/s3").get(0).body()))
                .isEqualTo(json("{'id':'nightly-1','include':['AioChunk']}"));
        assertThat(store.backups().createStatus("nightly-1").succeeded()).isTrue();

        synchronized (stub) {
            stub.classes().remove("AioChunk");
        }
        assertThat(store.backups().restore("nightly-1").finished()).isFalse();
        assertThat(json(sent("POST", "/v1/backups/s3/nightly-1/restore").get(0).body()))
                .isEqualTo(json("{'include':['AioChunk']}"));
        assertThat(store.backups().restoreStatus("nightly-1").succeeded()).isTrue();
        assertThat(sent("GET", "/v1/backups/s3/nightly-1")).extracting(Request::target)
                .containsExactly("/v1/backups/s3/nightly-1", "/v1/backups/s3/nightly-1/restore");
        assertThat(store.get(List.of("a"))).hasSize(1);
        assertThatThrownBy(() -> store.backups().create("Nightly 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Nightly 1'");
    }

    @Test
    void backupBucketAndPathOverridesTravelWithEveryBackupCall() {
        try (WeaviateVectorStore s = WeaviateVectorStore.builder().url(stub.url()).backupBucket("aio-backups")
                .backupPath("team a/weaviate").build()) {
            stub.clearRequests();
            s.backups().create("b1");
            s.backups().createStatus("b1");
            assertThat(json(stub.requests().get(0).body())).isEqualTo(json(
                    "{'id':'b1','include':['AioChunk'],'config':{'bucket':'aio-backups','path':'team a/weaviate'}}"));
            assertThat(stub.lastRequest().target()).isEqualTo("/v1/backups/s3/b1?bucket=aio-backups&path=team%20a%2Fweaviate");
        }
    }

    @Test
    void anExistingClassThatDoesNotFitIsRefusedAtBuild() {
        assertThatThrownBy(() -> WeaviateVectorStore.builder().url(stub.url())
                .similarity(dev.aio.core.vector.Similarity.DOT_PRODUCT).build())
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("'AioChunk'")
                .hasMessageContaining("distance 'cosine'");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().url(stub.url()).multiTenancy(false).build())
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("multi-tenant");
    }
}
