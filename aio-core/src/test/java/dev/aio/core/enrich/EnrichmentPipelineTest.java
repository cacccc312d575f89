package dev.aio.core.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.model.ScriptedModel;
import dev.aio.core.pipeline.DeadLetter;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StepPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class EnrichmentPipelineTest {

    record Contact(String name, String email) {
    }

    @Test
    void anItemWhoseOutputStaysMalformedIsDeadLetteredOnceAndTheOthersGoThrough() {
        ScriptedModel model = EnrichersTest.replying(Map.of(
                "Ann, ann@acme.test", List.of("{\"name\": \"Ann\", \"email\": \"ann@acme.test\"}"),
                "Bob, bob@acme.test", List.of("not json", "{\"name\": \"Bob\", \"email\": \"bob@acme.test\"}"),
                "gibberish", List.of("no idea")));
        ConcurrentLinkedQueue<Contact> stored = new ConcurrentLinkedQueue<>();

        RunReport report;
        try (Pipeline<String, Void> pipeline = Pipeline.from(String.class)
                .map("extract", Enrichers.extract(model, Contact.class))
                .policy(StepPolicy.retry(3))
                .sink("store", stored::add)
                .build()) {
            report = pipeline.run(List.of("Ann, ann@acme.test", "Bob, bob@acme.test", "gibberish"));
        }

        assertThat(stored).extracting(Contact::name).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(report.deadLetterCount()).isEqualTo(1);
        DeadLetter letter = report.deadLetters().get(0);
        assertThat(letter.item()).isEqualTo("gibberish");
        assertThat(letter.stage()).isEqualTo("extract");
        assertThat(letter.errorClass()).isEqualTo(EnrichmentException.class.getName());
        assertThat(letter.errorMessage()).contains("no idea");
        // Not retriable: the stage policy does not multiply the enricher's own bounded attempts.
        assertThat(letter.attempts()).isEqualTo(1);
        long gibberishCalls = model.prompts().stream().filter(p -> EnrichersTest.firstUser(p).equals("gibberish")).count();
        assertThat(gibberishCalls).isEqualTo(Extractor.DEFAULT_MAX_ATTEMPTS);
    }
}
