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
     * ({@link IOException}, {@link UncheckedIOException}, {@link TimeoutException}), except the
     * I/O failures that another attempt cannot fix: a missing or inaccessible file, a file that
     * already exists, bytes that are not valid text. Nothing else is retried.
     */
    ErrorClassifier DEFAULT = named("default", e -> {
        Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
        if (io instanceof java.nio.file.NoSuchFileException || io instanceof java.nio.file.AccessDeniedException
                || io instanceof java.nio.file.FileAlreadyExistsException
                || io instanceof java.nio.file.NotDirectoryException
                || io instanceof java.nio.file.DirectoryNotEmptyException
                || io instanceof java.io.FileNotFoundException
                || io instanceof java.nio.charset.CharacterCodingException) {
            return false;
        }
        return io instanceof IOException || e instanceof TimeoutException;
    });

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
