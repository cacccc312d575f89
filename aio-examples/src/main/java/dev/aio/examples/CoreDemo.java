package dev.aio.examples;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Answerer;
import dev.aio.core.answer.Citation;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The core demo: real ingestion and an extractive answer with citations, with nothing to install.
 *
 * <p>It copies a folder of documents (the samples that ship with this module unless one is given)
 * into a {@link FileSystemObjectStore} in a temporary directory, ingests it with the
 * {@link Ingestor} (the standard parsers, a recursive character chunker, the offline MiniLM
 * {@link OnnxEmbedder}, an {@link InMemoryVectorStore} and an {@link InMemoryLedger}), prints the
 * ingest report, and answers a question with an {@link Answerer} that has no language model: the
 * best passages quoted, each cited as {@code bucket/key@version}. One sample is deliberately not
 * valid UTF-8: its parser refuses it, it is dead-lettered with its reason, and the run goes on.
 * The question goes through a one-step {@link Pipeline}, whose Mermaid diagram is printed.
 *
 * <p>Run it with {@code mvn -B -q install -DskipTests && mvn -B -q -pl aio-examples exec:java},
 * optionally with {@code -Dexec.args="DIR 'question'"}. Not thread-safe; {@link #run} opens and
 * closes everything it uses.
 */
public final class CoreDemo {

    /** The question asked when none is given. */
    public static final String DEFAULT_QUESTION = "How long are customer uploads kept?";
    /** The bucket the documents are copied into. */
    public static final String BUCKET = "samples";
    /** The most characters in one chunk: a paragraph or two of the samples. */
    static final int CHUNK_CHARS = 400;
    /** Characters neighbouring chunks share, so a sentence cut at a boundary is whole in one. */
    static final int CHUNK_OVERLAP_CHARS = 40;
    /** Chunks retrieved for the question; the extractive answer quotes the best of them. */
    static final int TOP_K = 3;

    private CoreDemo() {
    }

    /**
     * Runs the demo and prints to standard output.
     *
     * @param args optional: a folder of documents, then a question
     * @throws IOException if the folder cannot be read or the temporary directory written
     * @throws URISyntaxException if the bundled samples cannot be located
     */
    public static void main(String[] args) throws IOException, URISyntaxException {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExampleFiles.bundledSamples();
        String question = args.length > 1 ? args[1] : DEFAULT_QUESTION;
        run(dir, question, System.out);
    }

    /**
     * Ingests the documents of a folder (recursively) and answers a question from them.
     *
     * @param dir the documents
     * @param question the question
     * @param out where the ingest report, the diagram and the answer are printed
     * @return the extractive answer with its citations
     * @throws IOException if the folder cannot be read or the temporary directory written
     */
    public static Answer run(Path dir, String question, PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("aio-core-demo");
        try (FileSystemObjectStore store = FileSystemObjectStore.at(work.resolve("objects"));
                OnnxEmbedder embedder = OnnxEmbedder.builder().build();
                InMemoryVectorStore index = InMemoryVectorStore.builder().build()) {
            ExampleFiles.upload(dir, store, BUCKET);

            // The ledger lives in memory like the index: a durable ledger next to an index that
            // vanishes with the JVM would skip, on the next run, objects the index no longer has.
            Ingestor ingestor = Ingestor.builder().objectStore(store).parsers(Parsers.standard())
                    .chunker(Chunkers.characters(CHUNK_CHARS, CHUNK_OVERLAP_CHARS)).embedder(embedder)
                    .vectorStore(index).ledger(new InMemoryLedger()).build();
            IngestReport report = ingestor.run(BUCKET, "");
            printReport(report, out);

            Retriever retriever = Retriever.builder().embedder(embedder).vectorStore(index).build();
            Answerer answerer = Answerer.builder().retriever(retriever).tokenizer(embedder.tokenizer()).build();
            try (Pipeline<String, Answer> ask = Pipeline.from(String.class)
                    .named("core-demo-ask")
                    .map("answer", q -> answerer.answer(RetrievalRequest.builder(q).topK(TOP_K).build()))
                    .build()) {
                out.println("== question pipeline (Mermaid) ==");
                out.println(ask.describe());
                Answer answer = ask.call(question);
                printAnswer(question, answer, out);
                return answer;
            }
        } finally {
            ExampleFiles.deleteRecursively(work);
        }
    }

    static void printReport(IngestReport report, PrintStream out) {
        out.println("== ingest report ==");
        out.println(report);
        for (ObjectOutcome o : report.objects()) {
            out.println("  " + o.key() + ": " + o.status() + ", " + o.chunks() + " chunks"
                    + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")"));
        }
        report.objects().stream()
                .filter(o -> o.status() == ObjectOutcome.Status.REJECTED || o.status() == ObjectOutcome.Status.FAILED)
                .forEach(o -> out.println("dead letter: " + o.bucket() + "/" + o.key() + " -> " + o.detail()));
    }

    static void printAnswer(String question, Answer answer, PrintStream out) {
        out.println("== question ==");
        out.println(question);
        out.println("== answer (extractive: no language model) ==");
        out.println(answer.text());
        out.println("== citations ==");
        for (Citation c : answer.citations()) {
            out.printf("[%d] %s chars %d-%d (score %.3f)%n", c.marker(), c.location(), c.start(), c.end(), c.score());
        }
    }
}
