package dev.aio.core.model;

import java.util.function.Consumer;

/**
 * Generates text for a {@link Prompt}: a hosted chat model, a local server or a test double.
 *
 * <p>Implementations are thread-safe. Failures are {@link dev.aio.core.AioException}s whose
 * branch tells a retry policy what to do: throttling (429), server errors (5xx) and timeouts are
 * {@link dev.aio.core.RetriableException}s; rejected credentials and invalid prompts are
 * {@link dev.aio.core.NonRetriableException}s, with messages that never contain a key.
 */
public interface LanguageModel extends AutoCloseable {

    /**
     * Generates a complete answer.
     *
     * @param prompt the request, not null
     * @return the generation with its text, finish reason and token usage
     * @throws dev.aio.core.AioException when the model fails
     */
    Generation generate(Prompt prompt);

    /**
     * Generates an answer and hands its text to {@code onToken} piece by piece as it arrives,
     * on the calling thread or the provider's, never concurrently with itself. The pieces,
     * concatenated, equal the returned generation's text.
     *
     * <p>The default calls {@link #generate} and hands over the whole text at once; providers
     * that can stream override it.
     *
     * @param prompt the request, not null
     * @param onToken receives each piece of text; an exception it throws aborts the call and is
     *     rethrown
     * @return the complete generation, after the last piece
     * @throws dev.aio.core.AioException when the model fails
     */
    default Generation stream(Prompt prompt, Consumer<String> onToken) {
        Generation g = generate(prompt);
        if (!g.text().isEmpty()) {
            onToken.accept(g.text());
        }
        return g;
    }

    /**
     * The model's identity, e.g. {@code gpt-4o-mini} or {@code llama3.1:8b}.
     *
     * @return a non-empty id
     */
    String modelId();

    /** Releases connections and threads; idempotent. The default does nothing. */
    @Override
    default void close() {
    }
}
