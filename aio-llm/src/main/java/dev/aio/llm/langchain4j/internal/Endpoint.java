package dev.aio.llm.langchain4j.internal;

import dev.aio.core.Secret;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.langchain4j.Langchain4jEmbedder;
import dev.aio.llm.langchain4j.Langchain4jLanguageModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The connection settings every vendor builder shares (base URL, key, timeouts, clock), with
 * the validation and messages written once. A builder holds one, mutable while it is being
 * configured; the vendor's models object keeps it after {@code build()} and never changes it,
 * and wraps its langchain4j models through {@link #languageModel} and {@link #embedder}, so that
 * no vendor can forget to pass on the clock or to mask its key. Not thread-safe until built.
 */
public final class Endpoint {

    private final String vendor;
    private String baseUrl;
    private Secret apiKey;
    private Duration connectTimeout;
    private Duration timeout;
    private Clock clock;

    /**
     * Starts settings for a vendor.
     *
     * @param vendor names the vendor in messages, such as {@code OpenAiModels}
     * @param defaultBaseUrl the base URL when none is set
     * @param defaultConnectTimeout the connect timeout when none is set
     * @param defaultTimeout the response timeout when none is set
     */
    public Endpoint(String vendor, String defaultBaseUrl, Duration defaultConnectTimeout, Duration defaultTimeout) {
        this.vendor = vendor;
        this.baseUrl = defaultBaseUrl;
        this.connectTimeout = defaultConnectTimeout;
        this.timeout = defaultTimeout;
        this.clock = Clock.systemUTC();
    }

    /**
     * A copy, for the built object: later changes to the builder do not reach it.
     *
     * @return an independent copy
     */
    public Endpoint copy() {
        Endpoint c = new Endpoint(vendor, baseUrl, connectTimeout, timeout);
        c.apiKey = apiKey;
        c.clock = clock;
        return c;
    }

    /**
     * Sets the base URL after checking it is an absolute http(s) URL without query or fragment.
     *
     * @param url the URL
     * @throws IllegalArgumentException naming the vendor and the rejected value
     */
    public void baseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(vendor + ".baseUrl must be an http(s) URL, got '" + Secret.redactUrl(url) + "'");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // Not chained: the cause's message quotes the URL whole, credentials included.
            throw new IllegalArgumentException(vendor + ".baseUrl is not a valid URL: '" + Secret.redactUrl(url)
                    + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(vendor + ".baseUrl must be an absolute http:// or https:// URL with a "
                    + "host, got '" + Secret.redactUrl(url) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(vendor + ".baseUrl must not carry credentials; pass the key to apiKey(...)");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(vendor + ".baseUrl must not have a query or fragment, got '"
                    + Secret.redactUrl(url) + "'");
        }
        this.baseUrl = uri.toString();
    }

    /**
     * Sets the API key.
     *
     * @param key the key, not null; set once
     * @throws IllegalStateException when a key is already set
     */
    public void apiKey(Secret key) {
        Objects.requireNonNull(key, vendor + ".apiKey");
        if (apiKey != null) {
            throw new IllegalStateException(vendor + ".apiKey is already set; set it once");
        }
        this.apiKey = key;
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param value positive
     */
    public void connectTimeout(Duration value) {
        this.connectTimeout = positive("connectTimeout", value);
    }

    /**
     * Sets how long to wait for a response (for streaming: for the response to start).
     *
     * @param value positive
     */
    public void timeout(Duration value) {
        this.timeout = positive("timeout", value);
    }

    /**
     * Sets the clock for HTTP-date {@code Retry-After} values.
     *
     * @param value not null
     */
    public void clock(Clock value) {
        this.clock = Objects.requireNonNull(value, vendor + ".clock");
    }

    /**
     * Checks that a key is set, for vendors that need one.
     *
     * @param hint where the key comes from, for the message
     * @throws IllegalStateException when none is set
     */
    public void requireApiKey(String hint) {
        if (apiKey == null) {
            throw new IllegalStateException(vendor + " needs an API key: call apiKey(Secret.fromEnv(\"" + hint + "\"))");
        }
    }

    /**
     * Checks a model name.
     *
     * @param what what the name is for, such as {@code model}
     * @param name the name
     * @return the stripped name
     * @throws IllegalArgumentException when blank
     */
    public String modelName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(vendor + ": " + what + " must name a model, got '" + name + "'");
        }
        return name.strip();
    }

    /**
     * Bridges a vendor's langchain4j chat models with this endpoint's clock, masking its key
     * in every error.
     *
     * @param provider names the vendor in errors, such as {@code openai}
     * @param name the checked model name (see {@link #modelName})
     * @param chat the vendor's chat model, built on {@link #httpClient()}
     * @param streaming the vendor's streaming chat model, built likewise
     * @return the aio language model
     */
    public LanguageModel languageModel(String provider, String name, ChatModel chat, StreamingChatModel streaming) {
        Langchain4jLanguageModel.Builder b = Langchain4jLanguageModel.builder()
                .chatModel(chat).streamingChatModel(streaming).modelId(name).provider(provider).clock(clock);
        secrets().forEach(b::redacting);
        return b.build();
    }

    /**
     * Bridges a vendor's langchain4j embedding model with this endpoint's clock, masking its key
     * in every error.
     *
     * @param provider names the vendor in errors and the fingerprint, such as {@code openai}
     * @param name the checked model name (see {@link #modelName})
     * @param model the vendor's embedding model, built on {@link #httpClient()}
     * @param dimensions the length of its vectors
     * @param maxTokens the most tokens of one text it reads
     * @return the aio embedder
     * @throws IllegalArgumentException when a number is &lt; 1
     */
    public Embedder embedder(String provider, String name, EmbeddingModel model, int dimensions, int maxTokens) {
        Langchain4jEmbedder.Builder b = Langchain4jEmbedder.builder().model(model).modelId(name)
                .dimensions(dimensions).maxTokens(maxTokens).provider(provider).clock(clock);
        secrets().forEach(b::redacting);
        return b.build();
    }

    /** @return a fresh HTTP client builder with these timeouts, keeping response headers for errors */
    public HeaderKeepingHttpClient.Builder httpClient() {
        return HeaderKeepingHttpClient.builder().connectTimeout(connectTimeout).readTimeout(timeout);
    }

    /** @return the base URL */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return the key's value for the vendor's client, or null when none is set */
    public String revealApiKey() {
        return apiKey == null ? null : apiKey.reveal();
    }

    /** The secrets to mask in errors. */
    private List<Secret> secrets() {
        return apiKey == null ? List.of() : List.of(apiKey);
    }

    /** @return the response timeout */
    public Duration timeout() {
        return timeout;
    }

    /** Describes the endpoint without the key, for {@code toString()} of the vendor objects. */
    @Override
    public String toString() {
        return baseUrl + (apiKey == null ? "" : ", key " + Secret.REDACTED) + ", timeout " + timeout;
    }

    private Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, vendor + "." + what);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(vendor + "." + what + " must be positive, got " + value);
        }
        return value;
    }
}
