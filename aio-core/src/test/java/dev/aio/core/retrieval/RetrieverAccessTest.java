package dev.aio.core.retrieval;

import static dev.aio.core.retrieval.Corpus.chunk;
import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.vector.AndFilter;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RetrieverAccessTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme", "group:eng");
    static final AccessContext HR = AccessContext.of("user:hana", "acme", "group:hr");
    static final AccessContext GLOBEX = AccessContext.of("user:gus", "globex", "group:eng");

    /** The same corpus twice: in store tenants, and as tenant metadata in a single-tenant store. */
    static Stream<Arguments> stores() {
        ExactVectorStore namespaced = ExactVectorStore.withTenants();
        namespaced.upsert(List.of(
                tenantChunk("acme", "acme/refunds.md", "refund policy for acme customers", "*"),
                tenantChunk("acme", "acme/salaries.md", "refund of salary advances policy", "group:hr"),
                tenantChunk("acme", "acme/alice.md", "alice notes on the refund policy", "user:alice"),
                tenantChunk("acme", "acme/unlabelled.md", "refund policy draft without labels"),
                tenantChunk("globex", "globex/refunds.md", "refund policy for globex customers", "*", "group:eng")));
        ExactVectorStore flat = ExactVectorStore.singleTenant();
        flat.upsert(List.of(
                chunk("acme", "acme/refunds.md", "refund policy for acme customers", "*"),
                chunk("acme", "acme/salaries.md", "refund of salary advances policy", "group:hr"),
                chunk("acme", "acme/alice.md", "alice notes on the refund policy", "user:alice"),
                chunk("acme", "acme/unlabelled.md", "refund policy draft without labels"),
                chunk("globex", "globex/refunds.md", "refund policy for globex customers", "*", "group:eng")));
        return Stream.of(Arguments.of("store tenants", namespaced), Arguments.of("tenant metadata", flat));
    }

    static Retriever retriever(ExactVectorStore store) {
        return Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).multiTenant().build();
    }

    static List<String> keys(List<SearchHit> hits) {
        return hits.stream().map(h -> (String) h.metadata().get("key")).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aTenantNeverSeesAnotherTenantsChunks(String how, ExactVectorStore store) {
        List<SearchHit> acme = retriever(store).retrieve(RetrievalRequest.builder("refund policy").topK(10)
                .access(ALICE).build());
        List<SearchHit> globex = retriever(store).retrieve(RetrievalRequest.builder("refund policy").topK(10)
                .access(GLOBEX).build());

        assertThat(keys(acme)).containsExactly("acme/alice.md", "acme/refunds.md");
        assertThat(keys(globex)).containsExactly("globex/refunds.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aclLabelsLimitChunksToThePrincipalItsGroupsAndEveryone(String how, ExactVectorStore store) {
        List<SearchHit> hr = retriever(store).retrieve(RetrievalRequest.builder("refund policy").topK(10)
                .access(HR).build());

        assertThat(keys(hr)).containsExactly("acme/refunds.md", "acme/salaries.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aCallerFilterCannotWidenAccess(String how, ExactVectorStore store) {
        Filter widening = Filter.parse("tenant == 'globex' || acl in ['group:hr'] || !(acl in ['nobody'])"
                + " || exists(key)");

        List<SearchHit> hits = retriever(store).retrieve(RetrievalRequest.builder("refund policy").topK(10)
                .filter(widening).access(ALICE).build());

        assertThat(keys(hits)).containsExactly("acme/alice.md", "acme/refunds.md");
        // The store saw the caller's filter as one operand of a conjunction with the access filter.
        Filter sent = store.queries.get(store.queries.size() - 1).filter().orElseThrow();
        assertThat(sent).isInstanceOf(AndFilter.class);
        assertThat(((AndFilter) sent).operands()).contains(widening)
                .anySatisfy(f -> assertThat(f.toString()).startsWith("acl in "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aCallerFilterStillNarrows(String how, ExactVectorStore store) {
        List<SearchHit> hits = retriever(store).retrieve(RetrievalRequest.builder("refund policy").topK(10)
                .filter(Filter.eq("key", "acme/refunds.md")).access(ALICE).build());

        assertThat(keys(hits)).containsExactly("acme/refunds.md");
    }

    @Test
    void aMultiTenantRetrieverRefusesARequestWithoutAnAccessContext() {
        Retriever retriever = retriever(ExactVectorStore.withTenants());

        assertThatThrownBy(() -> retriever.retrieve(RetrievalRequest.builder("refund policy").build()))
                .isInstanceOf(AccessViolationException.class).hasMessageContaining("multi-tenant")
                .hasMessageContaining("AccessContext");
    }

    @Test
    void aStoreThatIgnoresTenantsFailsTheRequestInsteadOfLeaking() {
        ExactVectorStore leaky = ExactVectorStore.leaky();
        leaky.upsert(List.of(tenantChunk("globex", "globex/secret.md", "refund policy secrets", "*")));

        assertThatThrownBy(() -> retriever(leaky).retrieve("refund policy", ALICE))
                .isInstanceOf(AccessViolationException.class).hasMessageContaining("vector store 'leaky'")
                .hasMessageNotContaining("secrets");
    }

    @Test
    void aKeywordSearchThatIgnoresTheFilterFailsTheRequest() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        VectorRecord foreign = tenantChunk("globex", "globex/secret.md", "refund policy secrets", "*");
        store.upsert(List.of(tenantChunk("acme", "acme/refunds.md", "refund policy", "*"), foreign));
        KeywordSearch everything = new KeywordSearch() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public List<SearchHit> search(String text, int topK, String tenant, Filter filter) {
                return List.of(new SearchHit(foreign, 3));
            }
        };
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store)
                .keywordSearch(everything).multiTenant().build();

        assertThatThrownBy(() -> retriever.retrieve(RetrievalRequest.builder("refund policy").hybrid()
                .access(ALICE).build()))
                .isInstanceOf(AccessViolationException.class).hasMessageContaining("keyword search 'careless'");
    }

    @Test
    void aRerankerCannotAddAChunkItWasNotGiven() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        VectorRecord foreign = tenantChunk("acme", "acme/hr-only.md", "salary table", "group:hr");
        store.upsert(List.of(tenantChunk("acme", "acme/refunds.md", "refund policy", "*"), foreign));
        Reranker smuggler = new Reranker() {
            @Override
            public String name() {
                return "smuggler";
            }

            @Override
            public List<SearchHit> rerank(String query, List<SearchHit> hits) {
                return List.of(new SearchHit(foreign, 1));
            }
        };
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).reranker(smuggler)
                .multiTenant().build();

        assertThatThrownBy(() -> retriever.retrieve("refund policy", ALICE))
                .isInstanceOf(AccessViolationException.class).hasMessageContaining("reranker 'smuggler'");
    }

    @Test
    void aRetrieverNotInMultiTenantModeStillEnforcesAContextItIsGiven() {
        ExactVectorStore store = ExactVectorStore.singleTenant();
        store.upsert(List.of(chunk("acme", "a.md", "refund policy", "group:hr"), chunk("acme", "b.md",
                "refund policy", "group:eng"), chunk("globex", "c.md", "refund policy", "group:eng")));
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).build();

        assertThat(keys(retriever.retrieve("refund policy", ALICE))).containsExactly("b.md");
        assertThat(keys(retriever.retrieve(RetrievalRequest.builder("refund policy").build())))
                .containsExactly("a.md", "b.md", "c.md");
    }
}
