package dev.aio.core.retrieval;

import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.vector.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmRerankerTest {

    static final List<SearchHit> HITS = List.of(
            new SearchHit(tenantChunk("acme", "a.md", "alpha"), 0.9),
            new SearchHit(tenantChunk("acme", "b.md", "bravo"), 0.8),
            new SearchHit(tenantChunk("acme", "c.md", "charlie"), 0.7));

    static ScriptedModel answering(String text) {
        return ScriptedModel.scripted("judge", p -> new Generation(text, FinishReason.STOP, TokenUsage.NONE, "judge"));
    }

    static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }

    @Test
    void passagesAreReorderedByTheModelsScores() {
        ScriptedModel model = answering("[{\"passage\": 1, \"score\": 2}, {\"passage\": 2, \"score\": 5},"
                + " {\"passage\": 3, \"score\": 9}]");

        List<SearchHit> reranked = LlmReranker.of(model).rerank("which is c?", HITS);

        assertThat(ids(reranked)).containsExactly("c.md#0", "b.md#0", "a.md#0");
        assertThat(reranked).extracting(SearchHit::score).containsExactly(9.0, 5.0, 2.0);
        assertThat(ScriptedModel.last(model.prompts().get(0))).contains("Question: which is c?")
                .contains("[1] alpha").contains("[3] charlie");
        assertThat(model.prompts().get(0).task()).contains("rerank");
    }

    @Test
    void proseFencesStringScoresAndUnknownPassagesAreForgiven() {
        ScriptedModel model = answering("Sure! ```json\n[{\"passage\": \"2\", \"score\": \"8\"}, {\"passage\": 7,"
                + " \"score\": 10}, {\"passage\": 3}]\n``` Hope that helps.");

        List<SearchHit> reranked = LlmReranker.of(model).rerank("q", HITS);

        // b was scored; a and c were not and follow in their first-stage order.
        assertThat(ids(reranked)).containsExactly("b.md#0", "a.md#0", "c.md#0");
        assertThat(reranked.get(0).score()).isGreaterThan(reranked.get(1).score());
        assertThat(reranked.get(1).score()).isGreaterThan(reranked.get(2).score());
    }

    @Test
    void aMalformedAnswerKeepsTheFirstStageOrderByDefault() {
        List<SearchHit> reranked = LlmReranker.of(answering("I cannot rank these passages.")).rerank("q", HITS);

        assertThat(reranked).isEqualTo(HITS);
    }

    @Test
    void aMalformedAnswerFailsWhenAskedTo() {
        LlmReranker strict = LlmReranker.of(answering("[not json"), LlmReranker.OnMalformed.FAIL, 100);

        assertThatThrownBy(() -> strict.rerank("q", HITS)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("llm:judge").hasMessageContaining("[not json");
    }

    @Test
    void theRetrieverReranksItsCandidatesAndKeepsTopK() {
        ExactVectorStore store = ExactVectorStore.withTenants();
        store.upsert(List.of(tenantChunk("acme", "a.md", "refund alpha", "*"),
                tenantChunk("acme", "b.md", "refund bravo", "*"), tenantChunk("acme", "c.md", "refund charlie", "*")));
        // Whatever the first-stage order, the judge prefers the passage that mentions charlie.
        ScriptedModel judge = ScriptedModel.scripted("judge", p -> {
            String passages = ScriptedModel.last(p);
            StringBuilder json = new StringBuilder("[");
            for (int i = 1; i <= 3; i++) {
                String line = passages.substring(passages.indexOf("[" + i + "] "));
                json.append(i > 1 ? "," : "").append("{\"passage\":").append(i).append(",\"score\":")
                        .append(line.startsWith("[" + i + "] refund charlie") ? 10 : 1).append("}");
            }
            return new Generation(json + "]", FinishReason.STOP, TokenUsage.NONE, "judge");
        });
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store)
                .reranker(LlmReranker.of(judge)).multiTenant().build();

        List<SearchHit> hits = retriever.retrieve(RetrievalRequest.builder("refund").topK(1)
                .access(AccessContext.of("user:alice", "acme")).build());

        assertThat(ids(hits)).containsExactly("c.md#0");
        assertThat(store.queries.get(0).topK()).isEqualTo(RetrievalRequest.DEFAULT_CANDIDATE_FACTOR);
    }
}
