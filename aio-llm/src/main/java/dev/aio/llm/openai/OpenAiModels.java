package dev.aio.llm.openai;

import dev.aio.core.Secret;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.langchain4j.internal.Endpoint;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Clock;
import java.time.Duration;

/**
 * Language models and embedders of OpenAI, or of any server that speaks OpenAI's chat
 * completions and embeddings API (vLLM, llama.cpp's server, LM Studio, LocalAI, Azure-style
 * gateways), through langchain4j's OpenAI client.
 *
 * <pre>{@code
 * OpenAiModels openai = OpenAiModels.builder()
 *     .apiKey(Secret.fromEnv("OPENAI_API_KEY"))
 *     .timeout(Duration.ofSeconds(30))
 *     .build();
 * LanguageModel chat = openai.languageModel("gpt-4o-mini");
 * Embedder embedder = openai.embedder("text-embedding-3-small", 1536);
 *
 * // an OpenAI-compatible server on this machine, no key
 * OpenAiModels local = OpenAiModels.builder().baseUrl("http://127.0.0.1:8000/v1").build();
 * }</pre>
 *
 * <p>langchain4j's own retries are switched off: retry with a
 * {@link dev.aio.core.pipeline.StepPolicy}, which honours OpenAI's {@code Retry-After} and
 * {@code retry-after-ms} headers. 429 and 5xx are retriable, 401 is not, and no error message
 * contains the key. Immutable and thread-safe.
 */
public final class OpenAiModels {

    /** OpenAI's API: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Default wait for a connection: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default wait for a response (for streaming, for its start): 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The input limit of OpenAI's embedding models: 8191 tokens. */
    public static final int DEFAULT_EMBEDDING_MAX_TOKENS = 8191;

    private final Endpoint endpoint;

    private OpenAiModels(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A chat model that generates and streams.
     *
     * @param model the model name, such as {@code gpt-4o-mini}
     * @return a language model; closing it is not needed
     * @throws IllegalArgumentException when the name is blank
     */
    public LanguageModel languageModel(String model) {
        String name = endpoint.modelName("languageModel", model);
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.revealApiKey())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.revealApiKey())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .build();
        return endpoint.languageModel("openai", name, chat, streaming);
    }

    /**
     * An embedder with OpenAI's input limit of {@value #DEFAULT_EMBEDDING_MAX_TOKENS} tokens.
     *
     * @param model the model name, such as {@code text-embedding-3-small}
     * @param dimensions the length of its vectors, such as 1536
     * @return the embedder
     * @throws IllegalArgumentException when the name is blank or dimensions &lt; 1
     */
    public Embedder embedder(String model, int dimensions) {
        return embedder(model, dimensions, DEFAULT_EMBEDDING_MAX_TOKENS);
    }

    /**
     * An embedder, for compatible servers whose models read fewer tokens.
     *
     * @param model the model name
     * @param dimensions the length of its vectors
     * @param maxTokens the most tokens of one text the model reads
     * @return the embedder
     * @throws IllegalArgumentException when the name is blank or a number &lt; 1
     */
    public Embedder embedder(String model, int dimensions, int maxTokens) {
        String name = endpoint.modelName("embedder", model);
        OpenAiEmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.revealApiKey())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        return endpoint.embedder("openai", name, embeddings, dimensions, maxTokens);
    }

    @Override
    public String toString() {
        return "OpenAiModels[" + endpoint + "]";
    }

    /** Configures {@link OpenAiModels}; not thread-safe. */
    public static final class Builder {

        private final Endpoint endpoint =
                new Endpoint("OpenAiModels", DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
        private boolean baseUrlSet;

        private Builder() {
        }

        /**
         * Sets the API key, sent as {@code Authorization: Bearer}.
         *
         * @param key the key; required for OpenAI itself, optional for compatible servers
         * @return this builder
         */
        public Builder apiKey(Secret key) {
            endpoint.apiKey(key);
            return this;
        }

        /**
         * Points at an OpenAI-compatible server.
         *
         * @param url an http(s) URL ending where {@code /chat/completions} is appended, such
         *     as {@code http://127.0.0.1:8000/v1}; the default is {@value #DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String url) {
            endpoint.baseUrl(url);
            baseUrlSet = true;
            return this;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param timeout positive; the default is 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            endpoint.connectTimeout(timeout);
            return this;
        }

        /**
         * Sets how long to wait for a response; for streaming, for the response to start.
         *
         * @param timeout positive; the default is 60 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            endpoint.timeout(timeout);
            return this;
        }

        /**
         * Sets the clock that HTTP-date {@code Retry-After} values are measured against.
         *
         * @param clock the clock; the default is the system's
         * @return this builder
         */
        public Builder clock(Clock clock) {
            endpoint.clock(clock);
            return this;
        }

        /**
         * Builds the configuration; makes no call.
         *
         * @return the models factory
         * @throws IllegalStateException when OpenAI's own API is used without a key
         */
        public OpenAiModels build() {
            if (!baseUrlSet) {
                endpoint.requireApiKey("OPENAI_API_KEY");
            }
            return new OpenAiModels(endpoint.copy());
        }
    }
}
