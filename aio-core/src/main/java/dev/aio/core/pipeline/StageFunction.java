package dev.aio.core.pipeline;

/**
 * The work of a {@code map} or {@code flatMap} stage. Unlike {@link java.util.function.Function}
 * it may throw checked exceptions, so I/O code needs no wrapping: the stage's
 * {@link StepPolicy} decides whether a failure is retried or dead-lettered.
 *
 * @param <T> the input type
 * @param <R> the output type
 */
@FunctionalInterface
public interface StageFunction<T, R> {

    /**
     * Transforms one item.
     *
     * @param item the input, never null
     * @return the output; {@code null} is a contract violation and fails the item
     * @throws Exception any failure; see {@link ErrorClassifier} for which ones are retried
     */
    R apply(T item) throws Exception;
}
