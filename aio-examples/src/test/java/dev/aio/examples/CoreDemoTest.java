package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreDemoTest {

    private static final Path SAMPLES = Path.of("src/main/resources/samples");

    @Test
    void theDemoAnswersFromTheRightDocumentWithACitationAndReportsTheBrokenOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        List<Passage> passages = CoreDemo.run(SAMPLES, CoreDemo.DEFAULT_QUESTION, out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).source()).isEqualTo("retention-policy.md");
        assertThat(passages.get(0).text()).contains("400 days");
        assertThat(printed).contains("retention-policy.md ¶1 [chars ")
                .contains("flowchart LR")
                .contains("COMPLETED")
                .contains("deadLetters=1")
                .contains("broken-export.md is not valid UTF-8");
    }

    @Test
    void citationsPointAtTheExactCharacters() throws Exception {
        List<Passage> passages = CoreDemo.run(SAMPLES, "Who reviews the first pull requests?",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Passage best = passages.get(0);
        String document = java.nio.file.Files.readString(SAMPLES.resolve(best.source()));
        assertThat(document.substring(best.start(), best.end())).isEqualTo(best.text());
        assertThat(best.source()).isEqualTo("onboarding.md");
    }
}
