package dev.aio.vector.weaviate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.AioException;
import dev.aio.core.Secret;
import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.FilterOperator;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.core.vector.VectorStoreUnavailableException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How Weaviate's failures reach callers, the API key's safety, and honest capabilities. */
class WeaviateErrorsTest {

    private static final String KEY = "wv-secret-key-123";

    private WeaviateStubServer stub;
    private WeaviateVectorStore store;

    @BeforeEach
    void start() {
        stub = new WeaviateStubServer("1.33.0", KEY);
        store = WeaviateVectorStore.builder().url(stub.url()).apiKey(Secret.of(KEY)).name("wv").build();
        store.upsert(List.of(VectorRecord.of("a", new float[] {1, 0}, "t", Map.of("lang", "en"))));
    }

    @AfterEach
    void stop() {
        store.close();
        stub.close();
    }

    private VectorQuery query() {
        return VectorQuery.of(new float[] {1, 0}, 3);
    }

    @Test
    void everyRequestCarriesTheKeyAsABearerToken() {
        assertThat(stub.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
    }

    @Test
    void serverErrorsAndThrottlingAreRetriableAndNameTheStoreAndRequest() {
        for (int code : new int[] {500, 502, 503, 429}) {
            stub.failNext(code, "{\"error\":[{\"message\":\"shard is busy\"}]}");
            assertThatThrownBy(() -> store.search(query())).isInstanceOfSatisfying(VectorStoreUnavailableException.class,
                    e -> {
                        assertThat(e.isRetriable()).isTrue();
                        assertThat(e.store()).isEqualTo("wv");
                        assertThat(e.getMessage()).contains("'wv'").contains("POST /v1/graphql answered " + code)
                                .contains("shard is busy");
                    });
        }
    }

    @Test
    void clientErrorsAreNotRetriableAndCarryWeaviatesMessage() {
        stub.failNext(422, "{\"error\":[{\"message\":\"property 'x' already exists\"}]}");
        assertThatThrownBy(() -> store.upsert(List.of(VectorRecord.of("b", new float[] {1, 0}, "t", Map.of("x", 1L)))))
                .isInstanceOfSatisfying(VectorStoreException.class, e -> {
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("POST /v1/schema/AioChunk/properties answered 422")
                            .contains("property 'x' already exists");
                });
    }

    @Test
    void aWrongKeyIsNotRetriableAndTheMessageNeverShowsAKey() {
        try (WeaviateStubServer locked = new WeaviateStubServer("1.33.0", "the-right-key")) {
            assertThatThrownBy(() -> WeaviateVectorStore.builder().url(locked.url()).apiKey(Secret.of(KEY)).build())
                    .isInstanceOfSatisfying(VectorStoreException.class, e -> {
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.getMessage()).contains("401").contains("check the API key")
                                .doesNotContain(KEY).doesNotContain("the-right-key");
                    });
        }
    }

    @Test
    void aKeyEchoedByTheServerIsCutOutOfTheMessage() {
        stub.failNext(503, "{\"error\":[{\"message\":\"upstream saw Authorization: Bearer " + KEY + "\"}]}");
        assertThatThrownBy(() -> store.count()).isInstanceOf(VectorStoreUnavailableException.class)
                .hasMessageContaining("Bearer ****").hasMessageNotContaining(KEY);
        assertThat(store.toString()).doesNotContain(KEY);
    }

    @Test
    void anUnreachableServerIsRetriable() {
        stub.close();
        assertThatThrownBy(() -> store.count()).isInstanceOfSatisfying(VectorStoreUnavailableException.class, e -> {
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.getMessage()).contains("'wv'").contains("check that Weaviate is running");
        });
    }

    @Test
    void graphQlErrorsAndRefusedBatchObjectsAreNotRetriable() {
        stub.failNext(200, "{\"data\":null,\"errors\":[{\"message\":\"tenant not found: \\\"x\\\"\"}]}");
        assertThatThrownBy(() -> store.search(query())).isInstanceOf(VectorStoreException.class)
                .hasMessageContaining("tenant not found");
        stub.failNext(200, "[{\"result\":{\"errors\":{\"error\":[{\"message\":\"vector lengths differ\"}]}}}]");
        assertThatThrownBy(() -> store.upsert(List.of(VectorRecord.of("c", new float[] {0, 1}))))
                .isInstanceOf(VectorStoreException.class).hasMessageContaining("record 'c'")
                .hasMessageContaining("vector lengths differ");
        assertThat(AioException.class).isAssignableFrom(VectorStoreException.class);
    }

    @Test
    void capabilitiesDeclareWhatWeaviateEvaluatesExactlyAndContainsIsRefused() {
        assertThat(store.capabilities().filterOperators())
                .isEqualTo(EnumSet.complementOf(EnumSet.of(FilterOperator.CONTAINS_TEXT)));
        assertThat(store.capabilities().hybridFusions()).containsExactlyInAnyOrder(HybridSearch.Fusion.values());
        assertThat(store.capabilities().tenants()).isTrue();
        assertThat(store.capabilities().persistent()).isTrue();
        assertThatThrownBy(() -> store.count(Filter.containsText("lang", "e")))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
                    assertThat(e.component()).isEqualTo("wv");
                    assertThat(e.getMessage()).contains("CONTAINS_TEXT");
                });
    }

    @Test
    void anOlderWeaviateHasNoNegationsAndAForeignClassWithoutNullStateNoExists() {
        try (WeaviateStubServer old = new WeaviateStubServer("1.32.4", null);
                WeaviateVectorStore s = WeaviateVectorStore.builder().url(old.url()).multiTenancy(false).build()) {
            assertThat(s.capabilities().filterOperators()).doesNotContain(FilterOperator.NE, FilterOperator.NOT,
                    FilterOperator.NOT_IN).contains(FilterOperator.EQ, FilterOperator.EXISTS, FilterOperator.IN);
            assertThatThrownBy(() -> s.count(Filter.ne("lang", "en"))).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("NE");
            assertThat(s.capabilities().tenants()).isFalse();
        }
        try (WeaviateStubServer other = new WeaviateStubServer()) {
            java.util.Map<String, Object> def = new java.util.LinkedHashMap<>();
            def.put("class", "Foreign");
            def.put("properties", List.of(Map.of("name", "recordId", "dataType", List.of("text"))));
            synchronized (other) {
                other.classes().put("Foreign", new StubClass(def));
            }
            try (WeaviateVectorStore s = WeaviateVectorStore.builder().url(other.url()).className("Foreign")
                    .multiTenancy(false).build()) {
                assertThat(s.capabilities().supports(FilterOperator.EXISTS)).isFalse();
            }
        }
    }
}
