package dev.aio.core.model;

import dev.aio.core.pipeline.Describable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns texts into dense float vectors of a fixed {@linkplain #dimensions() dimension}.
 *
 * <p>Implementations are thread-safe: many threads may call {@link #embed(List)} at once.
 * An embedder that holds native sessions or threads releases them in {@link #close()}; calling
 * {@code embed} after {@code close} throws {@link IllegalStateException}.
 *
 * <p>An embedder is {@link Describable}: used as a pipeline stage function, its model id,
 * dimensions, token limit and {@linkplain #fingerprint() fingerprint} become part of the
 * pipeline's fingerprint, so a change of model re-ingests what was embedded with the old one.
 */
public interface Embedder extends Describable, AutoCloseable {

    /**
     * Embeds texts, one vector per text, in the order given.
     *
     * <p>Texts longer than {@link #maxTokens()} are truncated to that many tokens (as the
     * reference implementation of the model does); split them first with a {@link Tokenizer}
     * when the tail matters.
     *
     * @param texts the texts; none may be {@code null}. An empty list gives an empty list.
     * @return a new list of new arrays of length {@link #dimensions()}; the caller owns them
     * @throws NullPointerException when {@code texts} or one of its elements is null
     * @throws dev.aio.core.AioException when the model fails; its branch says whether a retry
     *     may help
     * @throws IllegalStateException after {@link #close()}
     */
    List<float[]> embed(List<String> texts);

    /**
     * Embeds one text; the same as {@code embed(List.of(text)).get(0)}.
     *
     * @param text the text, not null
     * @return a new array of length {@link #dimensions()}
     */
    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /**
     * The length of every vector this embedder returns.
     *
     * @return a positive number of floats
     */
    int dimensions();

    /**
     * The model's identity as its publisher names it, e.g.
     * {@code sentence-transformers/all-MiniLM-L6-v2}.
     *
     * @return a non-empty id
     */
    String modelId();

    /**
     * A stable digest of everything that decides the vectors: model id and revision (or a hash
     * of the weights), variant (e.g. int8), tokenizer, token limit, pooling and normalisation.
     * Two embedders with the same fingerprint produce the same vectors (up to floating-point
     * rounding); settings that change only speed (threads, batch size) do not enter it.
     *
     * @return a non-empty string, the same in every JVM run for the same configuration
     */
    String fingerprint();

    /**
     * The most tokens of one text the model sees; longer texts are truncated.
     *
     * @return a positive number of tokens, special tokens included
     */
    int maxTokens();

    /**
     * The tokenizer whose tokens {@link #maxTokens()} counts, when this embedder can share it: a
     * token-aware chunker or a context window built on it cuts exactly where the model would.
     * Remote embedders whose tokenizer is not available locally return empty.
     *
     * @return the model's tokenizer, usable until {@link #close()}; empty when unknown
     */
    default Optional<Tokenizer> modelTokenizer() {
        return Optional.empty();
    }

    /**
     * The argument check every {@link #embed(List)} starts with, for implementations: a null list
     * or a null text fails with a message that names the embedder and the text's position.
     *
     * @param embedder the implementation's name, e.g. {@code OnnxEmbedder}
     * @param texts the texts given to {@code embed}
     * @throws NullPointerException for a null list or a null text
     */
    static void requireTexts(String embedder, List<String> texts) {
        if (texts == null) {
            throw new NullPointerException(embedder + ".embed: texts is null");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new NullPointerException(embedder + ".embed: text " + i + " of " + texts.size() + " is null");
            }
        }
    }

    /**
     * Describes this embedder for a pipeline's spec: model id, dimensions, token limit and
     * fingerprint.
     *
     * @return an ordered map
     */
    @Override
    default Object describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("embedder", modelId());
        d.put("dimensions", dimensions());
        d.put("maxTokens", maxTokens());
        d.put("fingerprint", fingerprint());
        return d;
    }

    /** Releases native resources and threads; idempotent, and never throws a checked exception. */
    @Override
    void close();
}
