package dev.aio.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that another attempt may not repeat: a timeout, a throttled or unavailable
 * provider, a dropped connection. Retry policies retry these, and only these (plus whatever
 * the policy's {@code ErrorClassifier} admits).
 *
 * <p>A provider that says when to come back (HTTP {@code Retry-After} on a 429 or 503) is
 * reported with a {@linkplain #retryAfter() retry-after hint}; a pipeline's retry policy then
 * waits at least that long before the next attempt (see
 * {@link dev.aio.core.pipeline.StepPolicy}).
 */
public class RetriableException extends AioException {

    /** The server's requested wait, or null when it named none. */
    private final Duration retryAfter;

    public RetriableException(String message) {
        this(message, null, null);
    }

    public RetriableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates the exception with the wait the provider asked for.
     *
     * @param message names the component, the input and what to do
     * @param cause the underlying failure, or null
     * @param retryAfter the provider's requested wait before the next attempt, zero or positive;
     *     null when it named none
     * @throws IllegalArgumentException when {@code retryAfter} is negative
     */
    public RetriableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, got " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /**
     * How long the provider asked callers to wait before trying again, such as the value of an
     * HTTP {@code Retry-After} header.
     *
     * @return the requested wait, or empty when the provider named none
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public final boolean isRetriable() {
        return true;
    }

    /**
     * The usual form of a throwable (class and message), plus the retry-after hint when there is
     * one, so logs show why a retry waited as long as it did.
     */
    @Override
    public String toString() {
        return retryAfter == null ? super.toString() : super.toString() + " (retry after " + retryAfter + ")";
    }
}
