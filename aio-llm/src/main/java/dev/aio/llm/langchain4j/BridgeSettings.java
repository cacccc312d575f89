package dev.aio.llm.langchain4j;

import dev.aio.core.Secret;
import dev.aio.llm.langchain4j.internal.ProviderErrors;
import dev.aio.llm.langchain4j.internal.Redactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings both bridge builders share (model id, provider, secrets to mask, clock), with
 * their checks and messages written once, so that {@link Langchain4jLanguageModel} and
 * {@link Langchain4jEmbedder} cannot drift apart in what they accept or how they map errors.
 * Each public builder holds one and keeps its own javadoc, because the defaults it documents
 * differ. Not thread-safe.
 */
final class BridgeSettings {

    private String modelId;
    private String provider = "langchain4j";
    private final List<Secret> secrets = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    void modelId(String id) {
        this.modelId = nonBlank("modelId", id);
    }

    void provider(String name) {
        this.provider = nonBlank("provider", name);
    }

    void redacting(Secret secret) {
        secrets.add(Objects.requireNonNull(secret, "secret"));
    }

    void clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
    }

    /** @return the id set with {@link #modelId(String)}, or null for the bridge to derive one */
    String modelId() {
        return modelId;
    }

    /** @return the provider, for fingerprints */
    String provider() {
        return provider;
    }

    /**
     * The error mapper for the built bridge; takes a snapshot of the secrets, so a builder
     * reused after {@code build()} does not change a bridge already built.
     *
     * @param id the bridge's resolved model id
     * @return the mapper that names {@code provider id} in messages
     */
    ProviderErrors errors(String id) {
        return new ProviderErrors(provider + " " + id, Redactor.of(secrets), clock);
    }

    private static String nonBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, got '" + value + "'");
        }
        return value.strip();
    }
}
