package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.pipeline.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    private static final Path README = Path.of("../README.md");
    private static final Path EXAMPLE = Path.of("src/test/java/dev/aio/examples/ReadmeExample.java");

    @Test
    void theReadmeShowsExactlyTheExampleThatThisModuleCompiles() throws Exception {
        String readme = Files.readString(README);
        String example = Files.readString(EXAMPLE);
        String compiled = example.substring(example.indexOf("// README:start") + "// README:start".length(),
                example.indexOf("// README:end"));

        assertThat(normalise(readme)).contains(normalise(compiled));
    }

    @Test
    void theReadmeExampleRunsOverTheSampleDocuments() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("src/main/resources/samples"))) {
            files = listing.filter(p -> !p.getFileName().toString().startsWith("broken")).sorted()
                    .collect(Collectors.toList());
        }
        List<String> store = Collections.synchronizedList(new ArrayList<>());

        RunReport report = ReadmeExample.ingest(files, store);

        assertThat(report.isClean()).as(report.toString()).isTrue();
        assertThat(store).anyMatch(p -> p.contains("400 days"));
    }

    @Test
    void theReadmeTestCommandIsTheOneCiRuns() throws Exception {
        String readme = Files.readString(README);
        String ci = Files.readString(Path.of("../.ci/run"));

        assertThat(readme).contains("mvn -B verify");
        assertThat(ci).contains("mvn -B verify");
    }

    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
