package dev.aio.core.pipeline;

/**
 * The test of a {@code filter} stage: items for which it returns {@code false} are counted as
 * filtered and go no further. May throw checked exceptions; the stage's {@link StepPolicy}
 * handles them.
 *
 * @param <T> the input type
 */
@FunctionalInterface
public interface StagePredicate<T> {

    /**
     * Decides whether an item continues down the pipeline.
     *
     * @param item the input, never null
     * @return {@code true} to keep the item
     * @throws Exception any failure; see {@link ErrorClassifier} for which ones are retried
     */
    boolean test(T item) throws Exception;
}
