package dev.aio.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An immutable request to a {@link LanguageModel}: the conversation so far, the generation
 * settings, and attributes that describe the request to decorators around the model. Settings
 * left unset take the model's defaults.
 *
 * <p>The attributes ({@linkplain #task() task tag}, {@linkplain #tenant() tenant},
 * {@linkplain #templateName() template name} and {@linkplain #templateVersion() version}) are
 * never sent to a provider: routers choose a model by the task, response caches keep tenants and
 * template versions apart, and usage accounting charges the tenant.
 *
 * <pre>{@code
 * Prompt p = Prompt.builder()
 *     .system("Answer from the sources only.")
 *     .user("What does the ledger remember?")
 *     .maxOutputTokens(256)
 *     .temperature(0.0)
 *     .build();
 * }</pre>
 */
public final class Prompt {

    private final List<Message> messages;
    private final int maxOutputTokens;
    private final double temperature;
    private final List<String> stopSequences;
    private final String task;
    private final String tenant;
    private final String templateName;
    private final String templateVersion;

    private Prompt(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.maxOutputTokens = b.maxOutputTokens;
        this.temperature = b.temperature;
        this.stopSequences = List.copyOf(b.stopSequences);
        this.task = b.task;
        this.tenant = b.tenant;
        this.templateName = b.templateName;
        this.templateVersion = b.templateVersion;
    }

    /**
     * A prompt of one user message with default settings.
     *
     * @param userText the user's words, not null
     * @return a new prompt
     */
    public static Prompt of(String userText) {
        return builder().user(userText).build();
    }

    /**
     * Starts a prompt.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this prompt, for a variant that differs in a few settings.
     *
     * @return a new builder holding a copy of this prompt's messages, settings and attributes
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.maxOutputTokens = maxOutputTokens;
        b.temperature = temperature;
        b.stopSequences.addAll(stopSequences);
        b.task = task;
        b.tenant = tenant;
        b.templateName = templateName;
        b.templateVersion = templateVersion;
        return b;
    }

    /**
     * The conversation, oldest first.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Message> messages() {
        return messages;
    }

    /**
     * The most tokens to generate.
     *
     * @return the limit, or empty for the model's default
     */
    public OptionalInt maxOutputTokens() {
        return maxOutputTokens > 0 ? OptionalInt.of(maxOutputTokens) : OptionalInt.empty();
    }

    /**
     * The sampling temperature.
     *
     * @return a value from 0 to 2, or empty for the model's default
     */
    public OptionalDouble temperature() {
        return Double.isNaN(temperature) ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /**
     * Sequences that end generation when the model produces them.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<String> stopSequences() {
        return stopSequences;
    }

    /**
     * What the request is for, such as {@code summarize} or {@code answer}; a
     * {@code ModelRouter} chooses a model by it.
     *
     * @return the task tag, or empty when none was set
     */
    public Optional<String> task() {
        return Optional.ofNullable(task);
    }

    /**
     * On whose behalf the request is made; response caches never share answers between tenants,
     * and usage accounting charges this tenant.
     *
     * @return the tenant id, or empty when none was set
     */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * The name of the prompt template the messages were rendered from.
     *
     * @return the template's name, or empty when the prompt was not rendered from a template
     */
    public Optional<String> templateName() {
        return Optional.ofNullable(templateName);
    }

    /**
     * The version of the prompt template the messages were rendered from (see
     * {@code dev.aio.core.prompt.PromptTemplate#version()}).
     *
     * @return the version, or empty when the prompt was not rendered from a template
     */
    public Optional<String> templateVersion() {
        return Optional.ofNullable(templateVersion);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prompt p && messages.equals(p.messages) && maxOutputTokens == p.maxOutputTokens
                && Double.compare(temperature, p.temperature) == 0 && stopSequences.equals(p.stopSequences)
                && Objects.equals(task, p.task) && Objects.equals(tenant, p.tenant)
                && Objects.equals(templateName, p.templateName) && Objects.equals(templateVersion, p.templateVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, maxOutputTokens, temperature, stopSequences, task, tenant, templateName,
                templateVersion);
    }

    /** Shows the settings and attributes, never the message texts (they may hold personal data). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Prompt[messages=").append(messages.size()).append(", maxOutputTokens=")
                .append(maxOutputTokens()).append(", temperature=").append(temperature()).append(", stopSequences=")
                .append(stopSequences.size());
        if (task != null) {
            s.append(", task=").append(task);
        }
        if (tenant != null) {
            s.append(", tenant=").append(tenant);
        }
        if (templateName != null) {
            s.append(", template=").append(templateName).append('@').append(templateVersion);
        }
        return s.append(']').toString();
    }

    /** Builds a {@link Prompt}; not thread-safe. */
    public static final class Builder {

        private final List<Message> messages = new ArrayList<>();
        private int maxOutputTokens;
        private double temperature = Double.NaN;
        private final List<String> stopSequences = new ArrayList<>();
        private String task;
        private String tenant;
        private String templateName;
        private String templateVersion;

        private Builder() {
        }

        /**
         * Tags the request with what it is for; routers choose a model by it.
         *
         * @param task a non-blank tag, such as {@code summarize}
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder task(String task) {
            this.task = requireNonBlank("task", task);
            return this;
        }

        /**
         * Names the tenant the request is made for.
         *
         * @param tenant a non-blank tenant id
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder tenant(String tenant) {
            this.tenant = requireNonBlank("tenant", tenant);
            return this;
        }

        /**
         * Records the prompt template, and its version, that the messages were rendered from.
         *
         * @param name the template's name, non-blank
         * @param version the template's version, non-blank
         * @return this builder
         * @throws IllegalArgumentException when either is blank
         */
        public Builder template(String name, String version) {
            this.templateName = requireNonBlank("template name", name);
            this.templateVersion = requireNonBlank("template version", version);
            return this;
        }

        private static String requireNonBlank(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Prompt." + what + " must be non-blank, got '" + value + "'");
            }
            return value;
        }

        /**
         * Adds a system message.
         *
         * @param text the instructions, not null
         * @return this builder
         */
        public Builder system(String text) {
            return message(new Message(Message.Role.SYSTEM, text));
        }

        /**
         * Adds a user message.
         *
         * @param text the user's words, not null
         * @return this builder
         */
        public Builder user(String text) {
            return message(new Message(Message.Role.USER, text));
        }

        /**
         * Adds an earlier reply of the model.
         *
         * @param text the reply, not null
         * @return this builder
         */
        public Builder assistant(String text) {
            return message(new Message(Message.Role.ASSISTANT, text));
        }

        /**
         * Adds a message.
         *
         * @param message the message, not null
         * @return this builder
         */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * Limits the tokens to generate.
         *
         * @param tokens at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code tokens < 1}
         */
        public Builder maxOutputTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("Prompt.maxOutputTokens must be >= 1, got " + tokens);
            }
            this.maxOutputTokens = tokens;
            return this;
        }

        /**
         * Sets the sampling temperature.
         *
         * @param value from 0 to 2
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder temperature(double value) {
            if (!(value >= 0 && value <= 2)) {
                throw new IllegalArgumentException("Prompt.temperature must be in [0, 2], got " + value);
            }
            this.temperature = value;
            return this;
        }

        /**
         * Adds a sequence that ends generation.
         *
         * @param stop a non-empty string
         * @return this builder
         * @throws IllegalArgumentException when empty
         */
        public Builder stop(String stop) {
            if (Objects.requireNonNull(stop, "stop").isEmpty()) {
                throw new IllegalArgumentException("Prompt.stop: a stop sequence must not be empty");
            }
            stopSequences.add(stop);
            return this;
        }

        /**
         * Builds the prompt.
         *
         * @return a new immutable prompt
         * @throws IllegalStateException when no message was added
         */
        public Prompt build() {
            if (messages.isEmpty()) {
                throw new IllegalStateException("Prompt: add at least one message (user(...), system(...))");
            }
            return new Prompt(this);
        }
    }
}
