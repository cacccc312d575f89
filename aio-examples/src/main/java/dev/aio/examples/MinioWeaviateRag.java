package dev.aio.examples;

import dev.aio.core.Secret;
import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Answerer;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.Tokenizer;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.minio.MinioObjectStore;
import dev.aio.vector.weaviate.WeaviateVectorStore;
import dev.aio.vector.weaviate.WeaviateVectorStoreBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

/**
 * Retrieval-augmented answers over an S3 bucket: the objects under a prefix of any S3 API server
 * (MinIO, AWS S3, Ceph, S3Proxy...) are ingested with the offline MiniLM {@link OnnxEmbedder}
 * into a {@link WeaviateVectorStore}, and a question is answered from them with citations to
 * {@code bucket/key@version} (the version id where the bucket keeps versions, else the ETag).
 *
 * <p>The ledger is a SQLite file ({@link JdbcLedger}), so running the example again processes
 * nothing unless an object changed, and deletes the chunks of objects that were removed. The
 * ledger and the Weaviate class belong together: delete the ledger file when you empty the
 * class, or unchanged objects would be skipped while their chunks are gone.
 *
 * <p>Configuration ({@link Config#from}): environment variables, each overridden by an argument
 * of the same meaning.
 * <pre>
 *   S3_ENDPOINT            --endpoint URL      e.g. http://127.0.0.1:9000
 *   S3_BUCKET              --bucket NAME
 *   S3_PREFIX              --prefix P          default: the whole bucket
 *   AWS_ACCESS_KEY_ID      --access-key ID
 *   AWS_SECRET_ACCESS_KEY  (environment only: a secret on a command line ends up in shell history
 *                          and process listings; it is never printed)
 *   WEAVIATE_URL           --weaviate URL      e.g. http://localhost:8080
 *   WEAVIATE_API_KEY       (environment only, optional)
 *   AIO_LEDGER             --ledger FILE       default .aio/minio-weaviate-ledger.db
 *   then the question as the last argument.
 * </pre>
 * Run it with {@code mvn -B -q install -DskipTests && mvn -B -q -pl aio-examples exec:java
 * -Dexec.mainClass=dev.aio.examples.MinioWeaviateRag -Dexec.args="--bucket docs 'question'"}.
 */
public final class MinioWeaviateRag {

    /** The question asked when none is given. */
    public static final String DEFAULT_QUESTION = "What does this collection say about retention?";
    /** The ledger file used when none is configured. */
    public static final Path DEFAULT_LEDGER = Path.of(".aio", "minio-weaviate-ledger.db");
    /** Chunks retrieved for the question; the extractive answer quotes the best of them. */
    static final int TOP_K = 3;

    private MinioWeaviateRag() {
    }

    /**
     * Where the objects are, where the chunks go, and what to ask. {@code toString} shows the
     * secrets as {@value Secret#REDACTED}.
     *
     * @param endpoint the S3 API server, e.g. {@code http://127.0.0.1:9000}
     * @param bucket the bucket
     * @param prefix the key prefix; {@code ""} for the whole bucket
     * @param accessKey the access key id
     * @param secretKey the secret key
     * @param weaviateUrl Weaviate's root URL
     * @param weaviateApiKey Weaviate's API key, or {@code null} for none
     * @param ledger the SQLite ledger file
     * @param question the question
     */
    public record Config(String endpoint, String bucket, String prefix, String accessKey, Secret secretKey,
            String weaviateUrl, Secret weaviateApiKey, Path ledger, String question) {

        /** Checks that everything required is there; the rest gets its default. */
        public Config {
            required(endpoint, "the S3 endpoint: set S3_ENDPOINT or pass --endpoint URL");
            required(bucket, "the bucket: set S3_BUCKET or pass --bucket NAME");
            required(accessKey, "the access key id: set AWS_ACCESS_KEY_ID or pass --access-key ID");
            required(secretKey, "the secret key: set AWS_SECRET_ACCESS_KEY (the environment only)");
            required(weaviateUrl, "Weaviate: set WEAVIATE_URL or pass --weaviate URL");
            prefix = prefix == null ? "" : prefix;
            ledger = ledger == null ? DEFAULT_LEDGER : ledger;
            question = question == null ? DEFAULT_QUESTION : question;
        }

        private static void required(Object value, String what) {
            if (value == null) {
                throw new IllegalArgumentException("MinioWeaviateRag needs " + what);
            }
        }

        /**
         * Reads the configuration from environment variables and arguments (see the class
         * documentation); an argument wins over its variable.
         *
         * @param env the environment, e.g. {@code System.getenv()}
         * @param args the command line
         * @return the configuration
         * @throws IllegalArgumentException for an unknown option, one without its value, a
         *     secret given as an argument, or a missing setting (named with where to set it)
         */
        public static Config from(Map<String, String> env, String... args) {
            Map<String, String> options = new java.util.HashMap<>();
            Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
            String question = null;
            while (!rest.isEmpty()) {
                String arg = rest.removeFirst();
                if (!arg.startsWith("--")) {
                    question = arg;
                    continue;
                }
                if (arg.contains("secret") || arg.contains("api-key")) {
                    throw new IllegalArgumentException(arg + " is not accepted: pass secrets in the environment "
                            + "(AWS_SECRET_ACCESS_KEY, WEAVIATE_API_KEY), never on the command line");
                }
                if (!Arrays.asList("--endpoint", "--bucket", "--prefix", "--access-key", "--weaviate", "--ledger")
                        .contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, rest.removeFirst());
            }
            String secret = env.get("AWS_SECRET_ACCESS_KEY");
            String weaviateKey = env.get("WEAVIATE_API_KEY");
            String ledger = options.getOrDefault("--ledger", env.get("AIO_LEDGER"));
            return new Config(options.getOrDefault("--endpoint", env.get("S3_ENDPOINT")),
                    options.getOrDefault("--bucket", env.get("S3_BUCKET")),
                    options.getOrDefault("--prefix", env.get("S3_PREFIX")),
                    options.getOrDefault("--access-key", env.get("AWS_ACCESS_KEY_ID")),
                    secret == null || secret.isEmpty() ? null : Secret.of(secret),
                    options.getOrDefault("--weaviate", env.get("WEAVIATE_URL")),
                    weaviateKey == null || weaviateKey.isEmpty() ? null : Secret.of(weaviateKey),
                    ledger == null ? null : Path.of(ledger), question);
        }
    }

    /**
     * What one run did.
     *
     * @param report the ingest report
     * @param answer the answer with its citations
     */
    public record Result(IngestReport report, Answer answer) {
    }

    /**
     * Runs the example with the real MiniLM embedder and prints to standard output.
     *
     * @param args options and the question, see the class documentation
     * @throws IOException if the ledger's folder cannot be created
     */
    public static void main(String[] args) throws IOException {
        Config config = Config.from(System.getenv(), args);
        try (OnnxEmbedder embedder = OnnxEmbedder.builder().build()) {
            run(config, embedder, embedder.tokenizer(), System.out);
        }
    }

    /**
     * Ingests the prefix incrementally, then answers the question.
     *
     * @param config where things are
     * @param embedder embeds chunks and the question; the one the Weaviate class was filled with
     * @param tokenizer the embedder's tokenizer, to fit passages in the answer
     * @param out where the report and the answer are printed
     * @return the report and the answer
     * @throws IOException if the ledger's folder cannot be created
     */
    public static Result run(Config config, Embedder embedder, Tokenizer tokenizer, PrintStream out)
            throws IOException {
        Path folder = config.ledger().toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        out.println("S3 " + config.endpoint() + " " + config.bucket() + "/" + config.prefix() + " as "
                + config.accessKey() + " -> Weaviate " + config.weaviateUrl());
        try (MinioObjectStore store = MinioObjectStore.builder().endpoint(config.endpoint())
                        .credentials(config.accessKey(), config.secretKey()).build();
                WeaviateVectorStore weaviate = weaviate(config);
                JdbcLedger ledger = JdbcLedger.sqlite(config.ledger())) {
            Ingestor ingestor = Ingestor.builder().objectStore(store).parsers(Parsers.standard())
                    .chunker(Chunkers.characters(CoreDemo.CHUNK_CHARS, CoreDemo.CHUNK_OVERLAP_CHARS))
                    .embedder(embedder).vectorStore(weaviate).ledger(ledger).build();
            IngestReport report = ingestor.run(config.bucket(), config.prefix());
            CoreDemo.printReport(report, out);

            Retriever retriever = Retriever.builder().embedder(embedder).vectorStore(weaviate).build();
            Answerer answerer = Answerer.builder().retriever(retriever).tokenizer(tokenizer).build();
            Answer answer = answerer.answer(RetrievalRequest.builder(config.question()).topK(TOP_K).build());
            CoreDemo.printAnswer(config.question(), answer, out);
            return new Result(report, answer);
        }
    }

    private static WeaviateVectorStore weaviate(Config config) {
        WeaviateVectorStoreBuilder b = WeaviateVectorStore.builder().url(config.weaviateUrl());
        if (config.weaviateApiKey() != null) {
            b.apiKey(config.weaviateApiKey());
        }
        return b.build();
    }
}
