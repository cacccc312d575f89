package dev.aio.llm.anthropic;

import dev.aio.core.Secret;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.langchain4j.internal.Endpoint;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import java.time.Clock;
import java.time.Duration;

/**
 * Anthropic's Claude models as aio language models, through langchain4j's Anthropic client
 * (the Messages API). Anthropic offers no embedding models.
 *
 * <pre>{@code
 * AnthropicModels anthropic = AnthropicModels.builder()
 *     .apiKey(Secret.fromEnv("ANTHROPIC_API_KEY"))
 *     .build();
 * LanguageModel claude = anthropic.languageModel("claude-sonnet-4-5");
 * }</pre>
 *
 * <p>The Messages API requires an output limit: a prompt without
 * {@code maxOutputTokens} gets {@link Builder#defaultMaxOutputTokens(int)}. 429, 5xx and 529
 * ("overloaded") are retriable with the server's {@code Retry-After}; an error event in the
 * middle of a stream ({@code overloaded_error}, {@code api_error}, {@code rate_limit_error},
 * {@code timeout_error}) is retriable too. langchain4j's own retries are switched off.
 * Immutable and thread-safe.
 */
public final class AnthropicModels {

    /** Anthropic's API: {@value}. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    /** The API version sent as {@code anthropic-version}: {@value}. */
    public static final String DEFAULT_VERSION = "2023-06-01";
    /** Default output limit for prompts that set none: 1024 tokens. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;
    /** Default wait for a connection: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default wait for a response (for streaming, for its start): 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Endpoint endpoint;
    private final String version;
    private final int maxOutputTokens;

    private AnthropicModels(Builder b) {
        this.endpoint = b.endpoint.copy();
        this.version = b.version;
        this.maxOutputTokens = b.maxOutputTokens;
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
     * A model that generates and streams.
     *
     * @param model the model name, such as {@code claude-sonnet-4-5}
     * @return the language model
     * @throws IllegalArgumentException when the name is blank
     */
    public LanguageModel languageModel(String model) {
        String name = endpoint.modelName("languageModel", model);
        AnthropicChatModel chat = AnthropicChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.revealApiKey())
                .version(version)
                .modelName(name)
                .maxTokens(maxOutputTokens)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .maxRetries(0)
                .build();
        AnthropicStreamingChatModel streaming = AnthropicStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.revealApiKey())
                .version(version)
                .modelName(name)
                .maxTokens(maxOutputTokens)
                .httpClientBuilder(endpoint.httpClient())
                .timeout(endpoint.timeout())
                .build();
        // Anthropic reports overload as an error event inside a 200 stream; classify it before bridging.
        return endpoint.languageModel("anthropic", name, chat, new StreamErrorClassifier(streaming));
    }

    @Override
    public String toString() {
        return "AnthropicModels[" + endpoint + ", version " + version + "]";
    }

    /** Configures {@link AnthropicModels}; not thread-safe. */
    public static final class Builder {

        private final Endpoint endpoint =
                new Endpoint("AnthropicModels", DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
        private String version = DEFAULT_VERSION;
        private int maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;

        private Builder() {
        }

        /**
         * Sets the API key, sent as {@code x-api-key}.
         *
         * @param key the key; required
         * @return this builder
         */
        public Builder apiKey(Secret key) {
            endpoint.apiKey(key);
            return this;
        }

        /**
         * Points at another endpoint, such as a gateway.
         *
         * @param url an http(s) URL where {@code /messages} is appended; the default is
         *     {@value #DEFAULT_BASE_URL}
         * @return this builder
         */
        public Builder baseUrl(String url) {
            endpoint.baseUrl(url);
            return this;
        }

        /**
         * Sets the API version header.
         *
         * @param value a version date such as {@code 2023-06-01}
         * @return this builder
         */
        public Builder version(String value) {
            if (value == null || !value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException("AnthropicModels.version must be a date like " + DEFAULT_VERSION
                        + ", got '" + value + "'");
            }
            this.version = value.strip();
            return this;
        }

        /**
         * Sets the output limit for prompts that set none.
         *
         * @param tokens at least 1; the default is {@value #DEFAULT_MAX_OUTPUT_TOKENS}
         * @return this builder
         */
        public Builder defaultMaxOutputTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("AnthropicModels.defaultMaxOutputTokens must be at least 1, got "
                        + tokens);
            }
            this.maxOutputTokens = tokens;
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
         * @throws IllegalStateException when no key is set
         */
        public AnthropicModels build() {
            endpoint.requireApiKey("ANTHROPIC_API_KEY");
            return new AnthropicModels(this);
        }
    }
}
