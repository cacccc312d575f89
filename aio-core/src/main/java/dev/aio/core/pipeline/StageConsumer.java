package dev.aio.core.pipeline;

/**
 * The work of a {@code peek} or {@code sink} stage: consumes an item for its side effect. May
 * throw checked exceptions; the stage's {@link StepPolicy} handles them.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface StageConsumer<T> {

    /**
     * Consumes one item.
     *
     * @param item the input, never null
     * @throws Exception any failure; see {@link ErrorClassifier} for which ones are retried
     */
    void accept(T item) throws Exception;
}
