package dev.aio.core.pipeline;

import dev.aio.core.AioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a failure is worth another attempt. {@link AioException}s always answer for
 * themselves ({@link AioException#isRetriable()}); the classifier decides for every other
 * exception, which is what "how unknown exceptions count" means.
 */
@FunctionalInterface
public interface ErrorClassifier {

    /**
     * Retries {@code AioException}s that say so and the usual transient JDK failures
     * ({@link IOException}, {@link UncheckedIOException}, {@link TimeoutException}); nothing else.
     */
    ErrorClassifier DEFAULT = named("default", e -> e instanceof IOException
            || e instanceof UncheckedIOException || e instanceof TimeoutException);

    /** Retries every exception except a {@link dev.aio.core.NonRetriableException}. */
    ErrorClassifier RETRY_UNKNOWN = named("retry-unknown", e -> true);

    /** Retries only {@link dev.aio.core.RetriableException}s; every other exception fails at once. */
    ErrorClassifier FAIL_UNKNOWN = named("fail-unknown", e -> false);

    /**
     * Classifies an exception that is not an {@link AioException}.
     *
     * @param error the failure, with {@code ExecutionException}/{@code CompletionException}
     *     wrappers already removed
     * @return {@code true} if another attempt may succeed
     */
    boolean isRetriableUnknown(Throwable error);

    /**
     * Classifies any failure: {@code AioException}s by their own branch, the rest by
     * {@link #isRetriableUnknown(Throwable)}. Errors ({@link Error}) are never retried.
     *
     * @param error the failure
     * @return {@code true} if another attempt may succeed
     */
    default boolean isRetriable(Throwable error) {
        if (error instanceof AioException) {
            return ((AioException) error).isRetriable();
        }
        if (error instanceof Error) {
            return false;
        }
        return isRetriableUnknown(error);
    }

    /**
     * Gives a classifier a name, shown in {@link Pipeline#spec()} and part of the fingerprint.
     *
     * @param name a stable name
     * @param rule the rule for exceptions that are not {@code AioException}s
     * @return the named classifier
     */
    static ErrorClassifier named(String name, ErrorClassifier rule) {
        return new ErrorClassifier() {
            @Override
            public boolean isRetriableUnknown(Throwable error) {
                return rule.isRetriableUnknown(error);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
