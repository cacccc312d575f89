package dev.aio.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Message;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EnrichersTest {

    record Invoice(String number, String customer, double total, @OptionalField String dueDate, List<String> items) {
    }

    /** A model that replies to each text (the first user message) with its scripted outputs in turn, the last one repeating. */
    static ScriptedModel replying(Map<String, List<String>> outputs) {
        Map<String, Deque<String>> queues = new ConcurrentHashMap<>();
        outputs.forEach((text, replies) -> queues.put(text, new ArrayDeque<>(replies)));
        return ScriptedModel.scripted("scripted", p -> {
            Deque<String> q = queues.get(firstUser(p));
            String reply = q.size() > 1 ? q.poll() : q.peek();
            return new Generation(reply, FinishReason.STOP, TokenUsage.NONE, "scripted");
        });
    }

    static ScriptedModel replying(String text, String... outputs) {
        return replying(Map.of(text, List.of(outputs)));
    }

    static String firstUser(Prompt p) {
        return p.messages().stream().filter(m -> m.role() == Message.Role.USER).findFirst().orElseThrow().text();
    }

    static final String VALID = "{\"number\": \"INV-7\", \"customer\": \"Acme\", \"total\": 120.5, \"items\": [\"bolts\"]}";

    @Test
    void aValidReplyBecomesTheRecordInOneCall() {
        ScriptedModel model = replying("invoice text", "Here it is:\n```json\n" + VALID + "\n```");

        Invoice invoice = Enrichers.extract(model, Invoice.class).enrich("invoice text");

        assertThat(invoice).isEqualTo(new Invoice("INV-7", "Acme", 120.5, null, List.of("bolts")));
        assertThat(model.prompts()).hasSize(1);
        String system = model.prompts().get(0).messages().get(0).text();
        assertThat(system).contains("- total: number").contains("- dueDate: string (optional)")
                .contains("- items: array of string").contains("Required (never null): [number, customer, total, items]");
    }

    @Test
    void malformedOutputIsRetriedWithTheProblemFedBack() {
        ScriptedModel model = replying("invoice text", "{\"number\": \"INV-7\", \"customer\": ", VALID);

        Invoice invoice = Enrichers.extract(model, Invoice.class).enrich("invoice text");

        assertThat(invoice.number()).isEqualTo("INV-7");
        assertThat(model.prompts()).hasSize(2);
        List<Message> retry = model.prompts().get(1).messages();
        assertThat(retry.get(retry.size() - 2)).isEqualTo(new Message(Message.Role.ASSISTANT,
                "{\"number\": \"INV-7\", \"customer\": "));
        assertThat(ScriptedModel.last(model.prompts().get(1))).contains("could not be used").contains("not valid JSON");
    }

    @Test
    void missingRequiredFieldsAndWrongTypesAreRetried() {
        ScriptedModel model = replying("invoice text",
                "{\"number\": \"INV-7\", \"customer\": null, \"total\": 1, \"items\": []}",
                "{\"number\": \"INV-7\", \"customer\": \"Acme\", \"total\": \"lots\", \"items\": []}", VALID);

        assertThat(Enrichers.extract(model, Invoice.class).enrich("invoice text").customer()).isEqualTo("Acme");
        assertThat(ScriptedModel.last(model.prompts().get(1))).contains("required field 'customer'");
        assertThat(ScriptedModel.last(model.prompts().get(2))).contains("does not fit Invoice");
    }

    @Test
    void theCallersValidatorRefusalIsRetried() {
        ScriptedModel model = replying("invoice text",
                "{\"number\": \"INV-7\", \"customer\": \"Acme\", \"total\": -3, \"items\": []}", VALID);
        Extractor<Invoice> extractor = Extractor.builder(model, Invoice.class).validator(i -> {
            if (i.total() < 0) {
                throw new IllegalArgumentException("total must not be negative");
            }
        }).build();

        assertThat(extractor.enrich("invoice text").total()).isEqualTo(120.5);
        assertThat(ScriptedModel.last(model.prompts().get(1))).contains("total must not be negative");
    }

    @Test
    void outputThatStaysMalformedFailsNonRetriablyWithAnExcerptAfterTheBound() {
        ScriptedModel model = replying("invoice text", "I cannot find an invoice here, sorry.");
        Extractor<Invoice> extractor = Extractor.builder(model, Invoice.class).maxAttempts(2).build();

        assertThatThrownBy(() -> extractor.enrich("invoice text"))
                .isInstanceOf(EnrichmentException.class).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("extract(Invoice)").hasMessageContaining("after 2 attempt(s)")
                .hasMessageContaining("no JSON object found").hasMessageContaining("I cannot find an invoice here")
                .satisfies(e -> assertThat(((EnrichmentException) e).attempts()).isEqualTo(2));
        assertThat(model.prompts()).hasSize(2);
    }

    @Test
    void tagsComeOnlyFromTheVocabularyInItsSpelling() {
        ScriptedModel model = replying("refund text", "[\"Billing\", \"weather\"]", "[\"billing\", \"LEGAL\"]");

        List<String> tags = Enrichers.tag(model, List.of("Billing", "Legal", "HR"), 2).enrich("refund text");

        assertThat(tags).containsExactly("Billing", "Legal");
        assertThat(ScriptedModel.last(model.prompts().get(1))).contains("\"weather\" is not in the list");
    }

    @Test
    void tooManyTagsAreRetriedAndNoneIsAnAnswer() {
        ScriptedModel model = replying("text", "[\"Billing\", \"Legal\"]", "[]");

        assertThat(Enrichers.tag(model, List.of("Billing", "Legal"), 1).enrich("text")).isEmpty();
        assertThat(ScriptedModel.last(model.prompts().get(1))).contains("2 tags given, at most 1");
    }

    @Test
    void aBlankSummaryIsRetriedAndTheSummaryIsTrimmed() {
        ScriptedModel model = replying("long text", "  \n", "  Refunds take thirty days.\n");

        assertThat(Enrichers.summarise(model, 20).enrich("long text")).isEqualTo("Refunds take thirty days.");
        assertThat(model.prompts().get(0).messages().get(0).text()).contains("at most 20 words");
    }

    @Test
    void anEnricherLiftsOntoItemsHoldingText() throws Exception {
        record Doc(String id, String text) {
        }
        ScriptedModel model = replying("body", "a summary");

        String out = Enrichers.summarise(model, 10).<Doc, String>on(Doc::text, (d, s) -> d.id() + ": " + s)
                .apply(new Doc("d1", "body"));

        assertThat(out).isEqualTo("d1: a summary");
    }
}
