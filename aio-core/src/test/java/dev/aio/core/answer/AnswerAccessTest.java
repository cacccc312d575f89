package dev.aio.core.answer;

import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.model.cache.CachingLanguageModel;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.Corpus;
import dev.aio.core.retrieval.ExactVectorStore;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.vector.VectorRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** No tenant's chunks reach another tenant's answer: not in citations, text, or a cached response. */
class AnswerAccessTest {

    static final AccessContext ACME = AccessContext.of("user:alice", "acme", "group:eng");
    static final AccessContext GLOBEX = AccessContext.of("user:gus", "globex", "group:eng");

    final ExactVectorStore store = ExactVectorStore.withTenants();
    final Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).multiTenant()
            .build();

    @Test
    void anAnswerNeitherCitesNorQuotesAnotherTenantsChunks() {
        store.upsert(List.of(tenantChunk("acme", "plan.md", "the merger plan is codename heron", "*"),
                tenantChunk("globex", "plan.md", "the merger plan is codename falcon", "*"),
                tenantChunk("acme", "hr.md", "the merger plan salary table", "group:hr")));
        // The model repeats its whole prompt, so anything placed in the context shows in the text.
        ScriptedModel model = ScriptedModel.echo("judge-1");
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model).build();
        Answerer extractive = Answerer.builder().retriever(retriever).build();

        for (Answer answer : List.of(answerer.answer("merger plan codename", ACME),
                extractive.answer("merger plan codename", ACME))) {
            assertThat(answer.text()).containsIgnoringCase("heron").doesNotContainIgnoringCase("falcon")
                    .doesNotContainIgnoringCase("salary");
            assertThat(answer.citations()).extracting(Citation::chunkId).containsExactly("plan.md#0");
            assertThat(answer.citations()).allSatisfy(c -> assertThat(c.snippet()).contains("heron"));
        }
    }

    @Test
    void theResponseCacheNeverHandsOneTenantsAnswerToAnother() {
        // Two tenants hold byte-identical chunks, so the rendered prompts are identical but for the tenant.
        VectorRecord acme = tenantChunk("acme", "faq.md", "support is open on weekdays", "*");
        VectorRecord globex = tenantChunk("globex", "faq.md", "support is open on weekdays", "*");
        store.upsert(List.of(acme, globex));
        AtomicInteger calls = new AtomicInteger();
        ScriptedModel model = ScriptedModel.scripted("judge-1", p -> new Generation(
                "answer " + calls.incrementAndGet() + " for " + p.tenant().orElse("?"), FinishReason.STOP,
                new TokenUsage(50, 5), "judge-1"));
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(cached).build();

        Answer first = answerer.answer("when is support open", ACME);
        Answer other = answerer.answer("when is support open", GLOBEX);
        Answer again = answerer.answer("when is support open", ACME);

        assertThat(first.text()).isEqualTo("answer 1 for acme");
        assertThat(other.text()).isEqualTo("answer 2 for globex");
        assertThat(again.text()).isEqualTo("answer 1 for acme");
        assertThat(model.calls()).isEqualTo(2);
        assertThat(model.prompts().get(0).messages()).isEqualTo(model.prompts().get(1).messages());
    }
}
