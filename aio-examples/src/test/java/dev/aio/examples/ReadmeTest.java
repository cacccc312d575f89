package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.cli.AioCommand;
import dev.aio.core.pipeline.RunReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theReadmeShowsTheExamplesCodeAsTheyCompileIt() throws Exception {
        String readme = normalise(Files.readString(README));
        Pattern block = Pattern.compile("// README:([a-z-]+):start\n(.*?)\n\\s*// README:\\1:end", Pattern.DOTALL);
        List<String> names = new ArrayList<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/aio/examples"))) {
            for (Path source : sources.sorted().collect(Collectors.toList())) {
                Matcher m = block.matcher(Files.readString(source));
                while (m.find()) {
                    names.add(m.group(1));
                    assertThat(readme).as("README shows " + source.getFileName() + "'s block " + m.group(1))
                            .contains(normalise(m.group(2)));
                }
            }
        }
        assertThat(names).contains("agent");
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

    @Test
    void theReadmesFirstCommandBuildsThenIngestsTheSamplesAndAnswersWithCitations(@TempDir Path tmp)
            throws Exception {
        Path store = tmp.resolve("store");
        String command = Files.readString(README).lines().map(String::strip)
                .filter(line -> line.startsWith("mvn ") && line.contains("./aio ")).findFirst()
                .orElseThrow(() -> new AssertionError("the README has no first command that runs ./aio"));
        List<String> steps = List.of(command.split(" && "));
        assertThat(steps.get(0)).isEqualTo("mvn -B -q install -DskipTests");
        assertThat(steps.subList(1, steps.size())).extracting(step -> step.split(" ")[1])
                .containsExactly("ingest", "ask");

        List<String> outputs = new ArrayList<>();
        for (String step : steps.subList(1, steps.size())) {
            List<String> args = words(step.substring("./aio ".length()));
            if (args.get(0).equals("ingest")) {
                // The README runs from the repository root, this test in aio-examples: ingest a copy
                // of the same folder, so the store's link to it stays inside the temporary folder.
                Path copy = Files.createDirectories(tmp.resolve(args.get(1)));
                try (Stream<Path> files = Files.list(Path.of("..").resolve(args.get(1)))) {
                    for (Path f : files.collect(Collectors.toList())) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
                args.set(1, copy.toString());
            }
            args.addAll(List.of("--store", store.toString()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = AioCommand.commandLine(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
            assertThat(code).as(step + "\n" + out + err).isZero();
            outputs.add(out.toString());
        }
        assertThat(outputs.get(0)).contains("dead-lettered 0");
        assertThat(outputs.get(1)).contains("Citations:").containsPattern("\\[1] samples/membership\\.md@[0-9a-f]{32}")
                .contains("power tools").contains("4 days");
    }

    @Test
    void theLauncherRunsTheJarThatTheBuildMakes() throws Exception {
        Path launcher = Path.of("../aio");
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(Files.readString(launcher)).contains("java ${AIO_JAVA_OPTS:-} -jar \"$jar\"")
                .contains("aio-cli/target/aio.jar");
        assertThat(Files.readString(Path.of("../aio-cli/pom.xml"))).contains("<finalName>aio</finalName>");
    }

    /** Splits a shell command line into words, honouring double quotes (all the README uses). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
