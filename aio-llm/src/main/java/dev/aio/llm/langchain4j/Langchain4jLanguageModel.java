package dev.aio.llm.langchain4j;

import dev.aio.core.AioException;
import dev.aio.core.RetriableException;
import dev.aio.core.Secret;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.llm.langchain4j.internal.Conversions;
import dev.aio.llm.langchain4j.internal.ProviderErrors;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Any langchain4j {@link ChatModel} and/or {@link StreamingChatModel} as an aio
 * {@link LanguageModel}, so every provider langchain4j supports works in aio pipelines.
 *
 * <pre>{@code
 * LanguageModel model = Langchain4jLanguageModel.of(OpenAiChatModel.builder()
 *     .apiKey(key.reveal()).modelName("gpt-4o-mini").maxRetries(0).build());
 * }</pre>
 *
 * <p><b>Errors.</b> Failures become aio errors: HTTP 429, 408 and 5xx, timeouts and broken
 * connections are {@link RetriableException}s; 401/403, 404 and other 4xx are
 * {@link dev.aio.core.NonRetriableException}s. Retry them with the pipeline's
 * {@link dev.aio.core.pipeline.StepPolicy}, and build the langchain4j model with
 * {@code maxRetries(0)} so that calls are not retried twice over. The server's
 * {@code Retry-After} reaches the aio error only when the model uses aio's HTTP client, as the
 * ready builders ({@code OpenAiModels}, {@code AnthropicModels}, {@code OllamaModels}) do.
 * Secrets given to {@link Builder#redacting(Secret)} are masked from every message and cause.
 *
 * <p><b>Streaming.</b> With a streaming model, {@link #stream} hands over tokens in the order
 * the provider sends them, on the provider's thread, and returns after the last one with the
 * usage the provider reported. Without one it falls back to one piece. With only a streaming
 * model, {@link #generate} streams and collects.
 *
 * <p>Thread-safe when the langchain4j models are (langchain4j's HTTP models are).
 */
public final class Langchain4jLanguageModel implements LanguageModel {

    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final String modelId;
    private final ProviderErrors errors;

    private Langchain4jLanguageModel(Builder b, String modelId) {
        this.chat = b.chat;
        this.streaming = b.streaming;
        this.modelId = modelId;
        this.errors = b.settings.errors(modelId);
    }

    /**
     * Bridges a chat model; {@link #stream} delivers its answer in one piece.
     *
     * @param model the langchain4j model, not null
     * @return the bridge
     */
    public static Langchain4jLanguageModel of(ChatModel model) {
        return builder().chatModel(model).build();
    }

    /**
     * Bridges a streaming chat model; {@link #generate} streams and collects.
     *
     * @param model the langchain4j model, not null
     * @return the bridge
     */
    public static Langchain4jLanguageModel of(StreamingChatModel model) {
        return builder().streamingChatModel(model).build();
    }

    /**
     * Starts a bridge with more settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Generation generate(Prompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        if (chat == null) {
            return stream(prompt, token -> { });
        }
        try {
            return Conversions.toGeneration(chat.chat(Conversions.toChatRequest(prompt)), modelId);
        } catch (AioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw errors.map(e, "generate");
        }
    }

    @Override
    public Generation stream(Prompt prompt, Consumer<String> onToken) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(onToken, "onToken");
        if (streaming == null) {
            return LanguageModel.super.stream(prompt, onToken);
        }
        StreamCollector collector = new StreamCollector(onToken, modelId);
        try {
            streaming.chat(Conversions.toChatRequest(prompt), collector);
        } catch (AioException e) {
            throw e;
        } catch (RuntimeException e) {
            // A model that fails before it streams (bad request built locally) throws here.
            throw errors.map(e, "stream");
        }
        try {
            return collector.await();
        } catch (InterruptedException e) {
            collector.cancel();
            Thread.currentThread().interrupt();
            throw new RetriableException(modelId + ": stream interrupted while waiting for the provider", e);
        } catch (StreamCollector.ConsumerFailure e) {
            // The consumer's own exception, unchanged: LanguageModel's contract rethrows it.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        } catch (StreamCollector.ProviderFailure e) {
            throw errors.map(e.getCause(), "stream");
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public String toString() {
        return "Langchain4jLanguageModel[" + modelId + (streaming != null ? ", streaming" : "") + "]";
    }

    /** Builds a {@link Langchain4jLanguageModel}; not thread-safe. */
    public static final class Builder {

        private ChatModel chat;
        private StreamingChatModel streaming;
        private final BridgeSettings settings = new BridgeSettings();

        private Builder() {
        }

        /**
         * Sets the model for {@link LanguageModel#generate}.
         *
         * @param model the langchain4j chat model, not null; set once
         * @return this builder
         */
        public Builder chatModel(ChatModel model) {
            Objects.requireNonNull(model, "chatModel");
            if (chat != null) {
                throw new IllegalStateException("chatModel is already set (" + chat.getClass().getSimpleName()
                        + "); set it once");
            }
            this.chat = model;
            return this;
        }

        /**
         * Sets the model for {@link LanguageModel#stream}.
         *
         * @param model the langchain4j streaming chat model, not null; set once
         * @return this builder
         */
        public Builder streamingChatModel(StreamingChatModel model) {
            Objects.requireNonNull(model, "streamingChatModel");
            if (streaming != null) {
                throw new IllegalStateException("streamingChatModel is already set ("
                        + streaming.getClass().getSimpleName() + "); set it once");
            }
            this.streaming = model;
            return this;
        }

        /**
         * Sets the id reported by {@link LanguageModel#modelId()} and in generations whose
         * response names no model. The default is the model name in the langchain4j model's
         * default request parameters.
         *
         * @param id a non-blank id
         * @return this builder
         */
        public Builder modelId(String id) {
            settings.modelId(id);
            return this;
        }

        /**
         * Names the provider in error messages, such as {@code openai}.
         *
         * @param name a non-blank name; the default is {@code langchain4j}
         * @return this builder
         */
        public Builder provider(String name) {
            settings.provider(name);
            return this;
        }

        /**
         * Adds a secret to mask in every error message and cause, for providers that echo
         * credentials back in error bodies.
         *
         * @param secret the secret the model was configured with, not null
         * @return this builder
         */
        public Builder redacting(Secret secret) {
            settings.redacting(secret);
            return this;
        }

        /**
         * Sets the clock that HTTP-date {@code Retry-After} values are measured against.
         *
         * @param clock the clock; the default is the system's UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /**
         * Builds the bridge.
         *
         * @return the bridge
         * @throws IllegalStateException when neither model is set, or no model id is set and
         *     the models name none
         */
        public Langchain4jLanguageModel build() {
            if (chat == null && streaming == null) {
                throw new IllegalStateException("set chatModel(...) or streamingChatModel(...), or both");
            }
            String id = settings.modelId();
            if (id == null) {
                id = nameOf(chat == null ? null : chat.defaultRequestParameters());
            }
            if (id == null) {
                id = nameOf(streaming == null ? null : streaming.defaultRequestParameters());
            }
            if (id == null) {
                throw new IllegalStateException("the langchain4j model names no model in its default request "
                        + "parameters; set modelId(...)");
            }
            return new Langchain4jLanguageModel(this, id);
        }

        private static String nameOf(ChatRequestParameters parameters) {
            return parameters == null || parameters.modelName() == null || parameters.modelName().isBlank()
                    ? null : parameters.modelName();
        }
    }
}
