package dev.aio.llm.langchain4j;

import dev.aio.core.AioException;
import dev.aio.core.NonRetriableException;
import dev.aio.core.Secret;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.ModelException;
import dev.aio.llm.langchain4j.internal.ProviderErrors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Any langchain4j {@link EmbeddingModel} as an aio {@link Embedder}.
 *
 * <pre>{@code
 * Embedder embedder = Langchain4jEmbedder.builder()
 *     .model(OpenAiEmbeddingModel.builder().apiKey(key.reveal())
 *         .modelName("text-embedding-3-small").maxRetries(0).build())
 *     .dimensions(1536)
 *     .maxTokens(8191)
 *     .build();
 * }</pre>
 *
 * <p>The dimensions are declared, not discovered, so building the bridge makes no call; every
 * vector the model returns is checked against them. Errors map as for
 * {@link Langchain4jLanguageModel}. Blank texts are refused before the call, because hosted
 * embedding APIs and langchain4j's {@code TextSegment} reject them. Thread-safe when the
 * langchain4j model is.
 */
public final class Langchain4jEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String modelId;
    private final int dimensions;
    private final int maxTokens;
    private final String fingerprint;
    private final ProviderErrors errors;
    private volatile boolean closed;

    private Langchain4jEmbedder(Builder b, String modelId) {
        this.model = b.model;
        this.modelId = modelId;
        this.dimensions = b.dimensions;
        this.maxTokens = b.maxTokens;
        // The vectors depend on the provider's model and the requested size; speed settings do not enter.
        this.fingerprint = b.settings.provider() + ":" + modelId + ":d" + dimensions + ":t" + maxTokens;
        this.errors = b.settings.errors(modelId);
    }

    /**
     * Starts a bridge.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = Objects.requireNonNull(texts.get(i), () -> "texts contains null");
            if (text.isBlank()) {
                throw new NonRetriableException(modelId + ": text " + i + " of " + texts.size()
                        + " is blank; hosted embedding models refuse blank input, so filter it out first");
            }
            segments.add(TextSegment.from(text));
        }
        Response<List<Embedding>> response;
        try {
            response = model.embedAll(segments);
        } catch (AioException e) {
            throw e;
        } catch (RuntimeException e) {
            throw errors.map(e, "embed " + texts.size() + " texts");
        }
        List<Embedding> embeddings = response == null ? null : response.content();
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new ModelException(modelId + ": asked for " + texts.size() + " vectors, got "
                    + (embeddings == null ? "none" : embeddings.size()) + "; the provider's answer is malformed");
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (int i = 0; i < embeddings.size(); i++) {
            float[] v = embeddings.get(i).vector();
            if (v.length != dimensions) {
                throw new ModelException(modelId + ": vector " + i + " has " + v.length + " dimensions, but this "
                        + "embedder was declared with " + dimensions + "; fix dimensions(...) or the model's size");
            }
            out.add(v.clone());
        }
        return out;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public int maxTokens() {
        return maxTokens;
    }

    /** Marks the bridge closed; the langchain4j model holds no resources aio could release. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "Langchain4jEmbedder[" + modelId + ", " + dimensions + " dimensions]";
    }

    /** Builds a {@link Langchain4jEmbedder}; not thread-safe. */
    public static final class Builder {

        private EmbeddingModel model;
        private int dimensions;
        private int maxTokens;
        private final BridgeSettings settings = new BridgeSettings();

        private Builder() {
        }

        /**
         * Sets the langchain4j model.
         *
         * @param model not null; set once
         * @return this builder
         */
        public Builder model(EmbeddingModel model) {
            Objects.requireNonNull(model, "model");
            if (this.model != null) {
                throw new IllegalStateException("model is already set (" + this.model.getClass().getSimpleName()
                        + "); set it once");
            }
            this.model = model;
            return this;
        }

        /**
         * Declares the length of the model's vectors.
         *
         * @param dimensions at least 1
         * @return this builder
         */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /**
         * Declares the most tokens of one text the model reads.
         *
         * @param maxTokens at least 1
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the model id; the default is the langchain4j model's {@code modelName()}.
         *
         * @param id a non-blank id
         * @return this builder
         */
        public Builder modelId(String id) {
            settings.modelId(id);
            return this;
        }

        /**
         * Names the provider in error messages and the fingerprint, such as {@code openai}.
         *
         * @param name a non-blank name; the default is {@code langchain4j}
         * @return this builder
         */
        public Builder provider(String name) {
            settings.provider(name);
            return this;
        }

        /**
         * Adds a secret to mask in every error message and cause.
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
         * @throws IllegalStateException naming what is missing: the model, dimensions, max
         *     tokens, or a model id when the model names none
         */
        public Langchain4jEmbedder build() {
            if (model == null) {
                throw new IllegalStateException("set model(...): the langchain4j EmbeddingModel to bridge");
            }
            if (dimensions == 0) {
                throw new IllegalStateException("set dimensions(...): the length of " + model.getClass().getSimpleName()
                        + "'s vectors (declared, so that building makes no call)");
            }
            if (maxTokens == 0) {
                throw new IllegalStateException("set maxTokens(...): the most tokens of one text the model reads");
            }
            String id = settings.modelId();
            if (id == null) {
                String name = model.modelName();
                id = name == null || name.isBlank() || "unknown".equals(name) ? null : name;
            }
            if (id == null) {
                throw new IllegalStateException("the langchain4j model names no model; set modelId(...)");
            }
            return new Langchain4jEmbedder(this, id);
        }
    }
}
