package dev.aio.llm.langchain4j;

import dev.aio.core.AioException;
import dev.aio.core.model.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An aio {@link Embedder} as a langchain4j {@link EmbeddingModel}, so langchain4j's embedding
 * stores and ingestors can use aio's in-process MiniLM or any other aio embedder.
 *
 * <p>{@link #dimension()} and {@link #modelName()} answer from the embedder without a call. aio
 * failures reach langchain4j as in {@link AioChatModel}. Thread-safe when the embedder is.
 */
public final class AioEmbeddingModel implements EmbeddingModel {

    private final Embedder embedder;

    private AioEmbeddingModel(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Wraps an aio embedder; closing stays the caller's business.
     *
     * @param embedder the aio embedder, not null
     * @return the langchain4j view of it
     */
    public static AioEmbeddingModel of(Embedder embedder) {
        return new AioEmbeddingModel(Objects.requireNonNull(embedder, "embedder"));
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<String> texts = new ArrayList<>(segments.size());
        for (TextSegment s : segments) {
            texts.add(s.text());
        }
        List<float[]> vectors;
        try {
            vectors = embedder.embed(texts);
        } catch (AioException e) {
            throw AioChatModel.toLangchain4j(e);
        }
        List<Embedding> out = new ArrayList<>(vectors.size());
        for (float[] v : vectors) {
            out.add(Embedding.from(v));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return embedder.dimensions();
    }

    @Override
    public String modelName() {
        return embedder.modelId();
    }

    @Override
    public String toString() {
        return "AioEmbeddingModel[" + embedder.modelId() + "]";
    }
}
