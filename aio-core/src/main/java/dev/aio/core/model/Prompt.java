package dev.aio.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * An immutable request to a {@link LanguageModel}: the conversation so far and the generation
 * settings. Settings left unset take the model's defaults.
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

    private Prompt(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.maxOutputTokens = b.maxOutputTokens;
        this.temperature = b.temperature;
        this.stopSequences = List.copyOf(b.stopSequences);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Prompt p && messages.equals(p.messages) && maxOutputTokens == p.maxOutputTokens
                && Double.compare(temperature, p.temperature) == 0 && stopSequences.equals(p.stopSequences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messages, maxOutputTokens, temperature, stopSequences);
    }

    @Override
    public String toString() {
        return "Prompt[messages=" + messages.size() + ", maxOutputTokens=" + maxOutputTokens() + ", temperature="
                + temperature() + ", stopSequences=" + stopSequences.size() + "]";
    }

    /** Builds a {@link Prompt}; not thread-safe. */
    public static final class Builder {

        private final List<Message> messages = new ArrayList<>();
        private int maxOutputTokens;
        private double temperature = Double.NaN;
        private final List<String> stopSequences = new ArrayList<>();

        private Builder() {
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
