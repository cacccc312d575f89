package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Citation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's plain-Java demo, run over the shipped samples with the real MiniLM model. */
class CoreDemoTest {

    private static final Path SAMPLES = Path.of("src/main/resources/samples");

    @Test
    void theDemoAnswersFromTheRightDocumentWithCitationsAndDeadLettersTheBrokenOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Answer answer = CoreDemo.run(SAMPLES, CoreDemo.DEFAULT_QUESTION, out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(answer.extractive()).isTrue();
        assertThat(answer.citations()).isNotEmpty();
        Citation best = answer.citations().get(0);
        assertThat(best.bucket()).isEqualTo(CoreDemo.BUCKET);
        assertThat(best.key()).isEqualTo("retention-policy.md");
        assertThat(best.etag()).isNotBlank();
        assertThat(best.snippet()).contains("400 days");
        assertThat(answer.text()).contains("400 days");
        assertThat(printed)
                .contains("ingested=3")
                .contains("rejected=1")
                .contains("[1] samples/retention-policy.md@" + best.etag())
                .contains("flowchart LR")
                .contains("broken-export.md: REJECTED, 0 chunks")
                // The Markdown parser refuses the export's bytes (a NUL among them) and says so.
                .containsPattern("dead letter: samples/broken-export\\.md -> .*parser 'markdown': BINARY");
        // The citation's offsets point at the chunk's characters in the document the file parses to.
        String document = Files.readString(SAMPLES.resolve(best.key()));
        assertThat(document.substring(best.start().intValue(), best.end().intValue()))
                .startsWith(best.snippet().substring(0, 40));
    }

    @Test
    void aQuestionAboutOnboardingIsAnsweredFromTheOnboardingGuide() throws Exception {
        Answer answer = CoreDemo.run(SAMPLES, "What does a new engineer receive on the first day?",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(answer.citations()).isNotEmpty();
        assertThat(answer.citations().get(0).location()).startsWith("samples/onboarding.md@");
        assertThat(answer.citations()).noneMatch(c -> c.key().equals("broken-export.md"));
    }
}
