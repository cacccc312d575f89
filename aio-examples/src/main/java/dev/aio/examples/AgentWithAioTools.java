package dev.aio.examples;

import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.model.Embedder;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.storage.ObjectStore;
import dev.aio.llm.langchain4j.AioTools;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A langchain4j agent whose tools are aio's: {@link AiServices} runs the chat loop, and
 * {@link AioTools} gives the model a {@value AioTools#SEARCH} tool over an aio index. The model
 * decides to search, aio's {@link Retriever} answers for one {@link AccessContext} (no argument
 * the model sends can reach another tenant's chunks), and the model answers from the passages it
 * got back, citing {@code bucket/key@version} from each passage's source.
 *
 * <p>The index is the in-memory one, filled by the real {@link Ingestor} with the offline MiniLM
 * {@link OnnxEmbedder} from this module's sample documents (or a folder given as the first
 * argument), under one tenant and readable by all of its principals.
 *
 * <p>The model must call tools, so it comes from langchain4j's OpenAI client, which speaks to
 * OpenAI and to any OpenAI-compatible server (Ollama's included), chosen as the {@code aio}
 * command chooses: {@code AIO_LLM=openai} with {@code OPENAI_API_KEY} (or {@code OPENAI_BASE_URL}
 * for a local server) and {@code OPENAI_MODEL}, or {@code AIO_LLM=ollama} with
 * {@code OLLAMA_HOST} and {@code OLLAMA_MODEL}. Without {@code AIO_LLM} it says so and exits
 * with 0. Run it with {@code mvn -B -q install -DskipTests && AIO_LLM=ollama mvn -B -q -pl
 * aio-examples exec:java -Dexec.mainClass=dev.aio.examples.AgentWithAioTools
 * -Dexec.args="src/main/resources/samples 'How long are customer uploads kept?'"}.
 */
public final class AgentWithAioTools {

    /** The question asked when none is given. */
    public static final String DEFAULT_QUESTION = "How long are customer uploads kept?";
    /** The bucket the documents are copied into. */
    public static final String BUCKET = "samples";
    /** The tenant the documents are ingested for and the agent asks as. */
    public static final String TENANT = "acme";
    /** Who the agent acts for. */
    public static final AccessContext USER = AccessContext.of("user:demo", TENANT);
    /** OpenAI's model unless {@code OPENAI_MODEL} says otherwise. */
    public static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";
    /** Ollama's model unless {@code OLLAMA_MODEL} says otherwise; it must support tool calls. */
    public static final String OLLAMA_DEFAULT_MODEL = "llama3.2";
    /** What the model is told before the question. */
    public static final String SYSTEM_MESSAGE = "Answer only from passages returned by the " + AioTools.SEARCH
            + " tool; call it before answering. After each fact, cite its passage as [bucket/key@version], "
            + "where version is the passage's source.versionId or, when there is none, its source.etag. "
            + "If the passages do not answer the question, say that you do not know.";

    private AgentWithAioTools() {
    }

    /** The agent as langchain4j implements it. */
    public interface Assistant {
        /**
         * @param question the user's question
         * @return the model's final answer, after any tool calls
         */
        String answer(String question);
    }

    /**
     * Runs the agent with the model the environment names, or explains how to name one.
     *
     * @param args optional: a folder of documents, then a question
     * @throws IOException if the documents cannot be read
     * @throws URISyntaxException if the bundled samples cannot be located
     */
    public static void main(String[] args) throws IOException, URISyntaxException {
        run(args, System.getenv(), System.out);
    }

    /**
     * {@link #main} with its environment and output given, so it can be tested.
     *
     * @param args optional: a folder of documents, then a question
     * @param env the environment
     * @param out where the answer or the explanation goes
     * @return the answer, or empty when no model is configured
     * @throws IOException if the documents cannot be read
     * @throws URISyntaxException if the bundled samples cannot be located
     */
    public static Optional<String> run(String[] args, Map<String, String> env, PrintStream out)
            throws IOException, URISyntaxException {
        Optional<ChatModel> model = modelFromEnvironment(env);
        if (model.isEmpty()) {
            out.println("No tool-calling model is configured, so the agent was not run. Set AIO_LLM=openai with "
                    + "OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server) and optionally "
                    + "OPENAI_MODEL, or AIO_LLM=ollama with OLLAMA_HOST and OLLAMA_MODEL (a model that calls tools).");
            return Optional.empty();
        }
        Path dir = args.length > 0 ? Path.of(args[0]) : ExampleFiles.bundledSamples();
        String question = args.length > 1 ? args[1] : DEFAULT_QUESTION;
        Path work = Files.createTempDirectory("aio-agent");
        try (FileSystemObjectStore store = FileSystemObjectStore.at(work);
                OnnxEmbedder embedder = OnnxEmbedder.builder().build()) {
            ExampleFiles.upload(dir, store, BUCKET);
            return Optional.of(ask(model.get(), store, question, embedder, out));
        } finally {
            ExampleFiles.deleteRecursively(work);
        }
    }

    /**
     * Ingests the bucket {@value #BUCKET} into an in-memory index and lets the agent answer.
     *
     * @param model a chat model that can call tools
     * @param store holds the documents in bucket {@value #BUCKET}
     * @param question the question
     * @param embedder embeds the chunks and the tool's queries
     * @param out where the ingest report and the answer are printed
     * @return the agent's answer
     */
    public static String ask(ChatModel model, ObjectStore store, String question, Embedder embedder,
            PrintStream out) {
        try (InMemoryVectorStore index = InMemoryVectorStore.builder().build()) {
            // Every chunk goes to the tenant and is labelled for all its principals: the retriever
            // AioTools uses returns only chunks whose labels meet the caller's (deny by default).
            IngestReport report = Ingestor.builder().objectStore(store).parsers(Parsers.standard())
                    .chunker(Chunkers.characters(CoreDemo.CHUNK_CHARS, CoreDemo.CHUNK_OVERLAP_CHARS))
                    .embedder(embedder).vectorStore(index).ledger(new InMemoryLedger())
                    .tenant(TENANT).acl(object -> List.of(AccessContext.EVERYONE))
                    .build().run(BUCKET, "");
            CoreDemo.printReport(report, out);

            // README:agent:start
            Retriever retriever = Retriever.builder().embedder(embedder).vectorStore(index).build();
            AioTools tools = AioTools.builder().access(USER).retriever(retriever).build();
            Assistant agent = AiServices.builder(Assistant.class).chatModel(model).systemMessage(SYSTEM_MESSAGE)
                    .tools(tools.tools())
                    .maxSequentialToolsInvocations(5) // a few searches answer a question; more is a loop
                    .build();
            String answer = agent.answer(question);
            // README:agent:end
            out.println("== question ==");
            out.println(question);
            out.println("== agent's answer ==");
            out.println(answer);
            return answer;
        }
    }

    /**
     * The tool-calling model the environment names, as the {@code aio} command reads it.
     *
     * @param env the environment
     * @return the model, or empty when {@code AIO_LLM} is unset
     * @throws IllegalArgumentException for an unknown vendor or a missing key, naming the
     *     variable (never a value)
     */
    public static Optional<ChatModel> modelFromEnvironment(Map<String, String> env) {
        String vendor = env.get("AIO_LLM");
        if (vendor == null || vendor.isBlank()) {
            return Optional.empty();
        }
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().timeout(Duration.ofSeconds(120));
        switch (vendor) {
            case "openai" -> {
                String key = env.get("OPENAI_API_KEY");
                String url = env.get("OPENAI_BASE_URL");
                if ((key == null || key.isBlank()) && url == null) {
                    throw new IllegalArgumentException("AIO_LLM=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL "
                            + "for a local OpenAI-compatible server)");
                }
                if (url != null) {
                    b.baseUrl(url);
                }
                if (key != null && !key.isBlank()) {
                    b.apiKey(key);
                }
                b.modelName(env.getOrDefault("OPENAI_MODEL", OPENAI_DEFAULT_MODEL));
            }
            // Ollama's OpenAI-compatible endpoint, which calls tools and needs no key.
            case "ollama" -> b.baseUrl(env.getOrDefault("OLLAMA_HOST", "http://localhost:11434") + "/v1")
                    .modelName(env.getOrDefault("OLLAMA_MODEL", OLLAMA_DEFAULT_MODEL));
            default -> throw new IllegalArgumentException("AIO_LLM=" + vendor + " is not one this example "
                    + "wires for tool calls: use openai or ollama");
        }
        return Optional.of(b.build());
    }
}
