package dev.aio.core.answer;

import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.prompt.PromptTemplate;
import dev.aio.core.prompt.PromptTemplateStore;
import dev.aio.core.prompt.PromptTemplates;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.Corpus;
import dev.aio.core.retrieval.ExactVectorStore;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.testing.InMemoryObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswererTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme", "group:eng");

    final ExactVectorStore store = ExactVectorStore.withTenants();
    final Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).multiTenant()
            .build();

    AnswererTest() {
        store.upsert(List.of(
                tenantChunk("acme", "refunds.md", "refunds are paid within fourteen days", "*"),
                tenantChunk("acme", "shipping.md", "shipping takes three days and refunds of shipping are free", "*"),
                tenantChunk("acme", "careers.md", "we hire engineers in three cities", "*")));
    }

    static Generation says(String text) {
        return new Generation(text, FinishReason.STOP, new TokenUsage(120, 8), "judge-1");
    }

    @Test
    void withoutALanguageModelTheAnswerQuotesTheBestPassagesAndSaysSo() {
        Answerer answerer = Answerer.builder().retriever(retriever).extractivePassages(2).build();

        Answer answer = answerer.answer("when are refunds paid", ALICE);

        assertThat(answerer.extractive()).isTrue();
        assertThat(answer.extractive()).isTrue();
        assertThat(answer.text()).startsWith(Answerer.EXTRACTIVE_NOTICE)
                .contains("[1] refunds are paid within fourteen days");
        assertThat(answer.citations()).hasSize(2);
        Citation first = answer.citations().get(0);
        assertThat(first.marker()).isEqualTo(1);
        assertThat(first.location()).isEqualTo("docs/refunds.md@v-refunds.md");
        assertThat(first.chunkId()).isEqualTo("refunds.md#0");
        assertThat(first.etag()).isEqualTo("etag-refunds.md");
        assertThat(first.start()).isEqualTo(10L);
        assertThat(first.end()).isEqualTo(10L + "refunds are paid within fourteen days".length());
        assertThat(first.snippet()).isEqualTo("refunds are paid within fourteen days");
        assertThat(first.score()).isGreaterThan(answer.citations().get(1).score());
        assertThat(answer.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(answer.lineage().modelId()).isNull();
        assertThat(answer.lineage().tenant()).isEqualTo("acme");
        assertThat(answer.lineage().chunkIds()).containsExactly("refunds.md#0", "shipping.md#0");
    }

    @Test
    void whenNothingIsRetrievedNoModelIsCalledAndTheAnswerSaysSo() {
        ScriptedModel model = ScriptedModel.echo("judge-1");
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model).build();

        Answer answer = answerer.answer("refunds", AccessContext.of("user:gus", "globex"));

        assertThat(answer.text()).isEqualTo(Answerer.NOTHING_FOUND);
        assertThat(answer.citations()).isEmpty();
        assertThat(model.calls()).isZero();
    }

    @Test
    void theModelsMarkersMapToCitationsAndTheVersionedTemplateIsRecorded() {
        ScriptedModel model = ScriptedModel.scripted("judge-1", p -> says("Within fourteen days [1], shipping "
                + "refunds are free [2][9]."));
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model).build();

        Answer answer = answerer.answer(RetrievalRequest.builder("when are refunds paid").topK(2).access(ALICE)
                .build());

        assertThat(answer.extractive()).isFalse();
        assertThat(answer.cited()).extracting(Citation::location)
                .containsExactly("docs/refunds.md@v-refunds.md", "docs/shipping.md@v-shipping.md");
        assertThat(answer.usage()).isEqualTo(new TokenUsage(120, 8));
        PromptTemplate standard = PromptTemplates.classpath("x", Answerer.DEFAULT_TEMPLATE_RESOURCE);
        assertThat(answer.lineage().templateName()).isEqualTo(Answerer.DEFAULT_TEMPLATE_NAME);
        assertThat(answer.lineage().templateVersion()).isEqualTo(standard.version());
        assertThat(answer.lineage().modelId()).isEqualTo("judge-1");
        Prompt sent = model.prompts().get(0);
        assertThat(sent.tenant()).contains("acme");
        assertThat(sent.templateVersion()).contains(standard.version());
        assertThat(ScriptedModel.last(sent)).contains("[1] refunds are paid within fourteen days")
                .contains("[2] shipping takes three days").contains("Question: when are refunds paid");
    }

    @Test
    void aTemplateFromTheObjectStoreIsUsedWithItsVersion() {
        InMemoryObjectStore objects = new InMemoryObjectStore();
        objects.ensureBucket("config");
        PromptTemplateStore templates = PromptTemplateStore.in(objects, "config");
        PromptTemplate stored = templates.put("terse", "Q: {{question}}\nSources:\n{{context}}\nBe terse.");
        ScriptedModel model = ScriptedModel.echo("judge-1");
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model)
                .template(templates.get("terse")).build();

        Answer answer = answerer.answer("refunds", ALICE);

        assertThat(answer.lineage().templateName()).isEqualTo("terse");
        assertThat(answer.lineage().templateVersion()).isEqualTo(stored.version());
        assertThat(ScriptedModel.last(model.prompts().get(0))).startsWith("Q: refunds\nSources:\n[1] ")
                .endsWith("Be terse.");
    }

    @Test
    void aTemplateWithoutContextOrQuestionIsRefusedAtBuild() {
        assertThatThrownBy(() -> Answerer.builder().retriever(retriever)
                .template(PromptTemplate.of("bad", "Answer: {{question}}")).build())
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("'bad'")
                .hasMessageContaining("{{context}}");
    }

    @Test
    void theContextStaysWithinTheTokenBudget() {
        ScriptedModel model = ScriptedModel.echo("judge-1");
        // Each passage costs 8 to 12 tokens ("[n]", its words, its line break): not all three fit in 15.
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model)
                .tokenizer(new SpaceTokenizer()).contextTokens(15).build();

        Answer answer = answerer.answer(RetrievalRequest.builder("refunds shipping days").topK(3).access(ALICE)
                .build());

        assertThat(answer.lineage().contextTokens()).isLessThanOrEqualTo(15);
        assertThat(answer.lineage().droppedChunks()).isPositive();
        assertThat(answer.lineage().chunkIds().size() + answer.lineage().droppedChunks()).isEqualTo(3);
        assertThat(answer.citations()).hasSameSizeAs(answer.lineage().chunkIds());
        String context = ScriptedModel.last(model.prompts().get(0)).split("Passages:\n")[1].split("\n\nQuestion")[0];
        assertThat(new SpaceTokenizer().count(context)).isLessThanOrEqualTo(15);
    }

    @Test
    void aPassageLargerThanTheWholeBudgetIsCutToFit() {
        Answerer answerer = Answerer.builder().retriever(retriever).contextTokens(10).extractivePassages(1).build();

        Answer answer = answerer.answer("refunds paid", ALICE);

        // Without a tokenizer a token is estimated as 4 characters: 9 tokens leave 36 characters.
        assertThat(answer.text()).endsWith("\n[1] refunds are paid within fourteen");
        assertThat(answer.lineage().contextTokens()).isLessThanOrEqualTo(10);
    }

    @Test
    void streamingDeliversTheModelsTokensAsTheyCome() {
        ScriptedModel model = ScriptedModel.scripted("judge-1", p -> says("Fourteen days [1]."));
        Answerer answerer = Answerer.builder().retriever(retriever).languageModel(model).build();
        List<String> pieces = new ArrayList<>();

        Answer answer = answerer.stream(RetrievalRequest.of("refunds", ALICE), pieces::add);

        assertThat(pieces).containsExactly("Fourteen ", "days [1].");
        assertThat(String.join("", pieces)).isEqualTo(answer.text());
    }

    @Test
    void anExtractiveAnswerStreamsInOnePiece() {
        Answerer answerer = Answerer.builder().retriever(retriever).build();
        List<String> pieces = new ArrayList<>();

        Answer answer = answerer.stream(RetrievalRequest.of("refunds", ALICE), pieces::add);

        assertThat(pieces).containsExactly(answer.text());
    }
}
