package dev.aio.examples;

import dev.aio.core.NonRetriableException;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StepPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The core demo: the pipeline engine on embedded defaults, with nothing to install.
 *
 * <p>It reads the sample documents that ship with this module, splits them into paragraphs,
 * indexes their terms, and answers a question with the best passages and their citations (file,
 * paragraph, character offsets). One sample is deliberately not valid UTF-8: it is dead-lettered
 * with its reason and the run goes on. Retrieval here is a plain keyword index of this example;
 * semantic search and generated answers come with the aio-vector and aio-llm modules.
 *
 * <p>Run it with {@code mvn -B -q install -DskipTests && mvn -B -q -pl aio-examples exec:java},
 * optionally with {@code -Dexec.args="DIR 'question'"}.
 */
public final class CoreDemo {

    /** The question asked when none is given. */
    public static final String DEFAULT_QUESTION = "How long are customer uploads kept?";

    private CoreDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param args optional: a directory of {@code .md}/{@code .txt} files, then a question
     * @throws Exception if the samples cannot be listed
     */
    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : bundledSamples();
        String question = args.length > 1 ? args[1] : DEFAULT_QUESTION;
        run(dir, question, System.out);
    }

    /**
     * Ingests the documents of a directory and answers a question from them.
     *
     * @param dir the documents
     * @param question the question
     * @param out where the report, the diagram and the answer are printed
     * @return the passages found, best first
     * @throws IOException if the directory cannot be listed
     */
    public static List<Passage> run(Path dir, String question, PrintStream out) throws IOException {
        KeywordIndex index = new KeywordIndex();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt"))
                    .sorted().collect(Collectors.toList());
        }

        try (Pipeline<Path, Void> ingest = Pipeline.from(Path.class)
                .named("core-demo-ingest")
                .map("read", CoreDemo::readUtf8).io()
                .policy(StepPolicy.retry(3).backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)))
                .flatMap("split", Passage::paragraphsOf)
                .sink("index", index::add)
                .build()) {

            RunReport report = ingest.run(files);
            out.println("== ingest pipeline (Mermaid) ==");
            out.println(ingest.describe());
            out.println("== run report ==");
            out.println(report);
            report.deadLetters().forEach(letter -> out.println("dead letter: " + letter.stage() + " "
                    + letter.item() + " -> " + letter.errorMessage()));
        }

        try (Pipeline<String, List<Passage>> ask = Pipeline.from(String.class)
                .named("core-demo-ask")
                .map("search", q -> index.search(q, 3))
                .build()) {
            List<Passage> passages = ask.call(question);
            out.println("== question ==");
            out.println(question);
            out.println("== best passages (extractive; keyword index) ==");
            for (Passage passage : passages) {
                out.println("- " + passage.text().replace('\n', ' '));
                out.println("  cited from " + passage.citation());
            }
            return passages;
        }
    }

    /** A document's text, refusing bytes that are not UTF-8 (retrying cannot fix those). */
    static Document readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Document(file.getFileName().toString(), text);
        } catch (CharacterCodingException e) {
            throw new NonRetriableException(file.getFileName() + " is not valid UTF-8 text", e);
        }
    }

    private static Path bundledSamples() throws IOException, URISyntaxException {
        URI uri = CoreDemo.class.getResource("/samples").toURI();
        if ("jar".equals(uri.getScheme())) {
            try {
                return FileSystems.getFileSystem(uri).getPath("/samples");
            } catch (FileSystemNotFoundException notOpen) {
                return FileSystems.newFileSystem(uri, Map.of()).getPath("/samples");
            }
        }
        return Path.of(uri);
    }
}
