package dev.aio.llm.ollama;

import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.langchain4j.internal.Endpoint;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Clock;
import java.time.Duration;

/**
 * Models served by a local or remote Ollama server as aio language models and embedders,
 * through langchain4j's Ollama client ({@code /api/chat}, {@code /api/embed}).
 *
 * <pre>{@code
 * OllamaModels ollama = OllamaModels.builder().build();      // http://localhost:11434
 * LanguageModel llama = ollama.languageModel("llama3.1:8b");
 * Embedder nomic = ollama.embedder("nomic-embed-text", 768, 8192);
 * }</pre>
 *
 * <p>Ollama needs no key. The default response timeout is long (5 minutes) because the first
 * call to a model waits for Ollama to load it. 5xx and 429 are retriable (Ollama answers 503
 * while its queue is full), 404 means the model is not pulled. langchain4j's own retries are
 * switched off. Immutable and thread-safe.
 */
public final class OllamaModels {

    /** Ollama's default address: {@value}. */
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    /** Default wait for a connection: 5 s (a local server answers at once or not at all). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default wait for a response: 5 minutes, as loading a model into memory may take that long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Endpoint endpoint;

    private OllamaModels(Endpoint endpoint) {
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
     * @param model the model name as pulled, such as {@code llama3.1:8b}
     * @return the language model
     * @throws IllegalArgumentException when the name is blank
     */
    public LanguageModel languageModel(String model) {
        String name = endpoint.modelName("languageModel", model);
        OllamaChatModel chat = OllamaChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        OllamaStreamingChatModel streaming = OllamaStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .build();
        return endpoint.languageModel("ollama", name, chat, streaming);
    }

    /**
     * An embedder.
     *
     * @param model the model name as pulled, such as {@code nomic-embed-text}
     * @param dimensions the length of its vectors, such as 768
     * @param maxTokens the most tokens of one text it reads (its context length)
     * @return the embedder
     * @throws IllegalArgumentException when the name is blank or a number &lt; 1
     */
    public Embedder embedder(String model, int dimensions, int maxTokens) {
        String name = endpoint.modelName("embedder", model);
        OllamaEmbeddingModel embeddings = OllamaEmbeddingModel.builder()
                .baseUrl(endpoint.baseUrl())
                .modelName(name)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        return endpoint.embedder("ollama", name, embeddings, dimensions, maxTokens);
    }

    @Override
    public String toString() {
        return "OllamaModels[" + endpoint + "]";
    }

    /** Configures {@link OllamaModels}; not thread-safe. */
    public static final class Builder {

        private final Endpoint endpoint =
                new Endpoint("OllamaModels", DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT);

        private Builder() {
        }

        /**
         * Points at the server.
         *
         * @param url an http(s) URL; the default is {@value #DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String url) {
            endpoint.baseUrl(url);
            return this;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param timeout positive; the default is 5 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            endpoint.connectTimeout(timeout);
            return this;
        }

        /**
         * Sets how long to wait for a response; for streaming, for the response to start.
         *
         * @param timeout positive; the default is 5 minutes
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
         */
        public OllamaModels build() {
            return new OllamaModels(endpoint.copy());
        }
    }
}
