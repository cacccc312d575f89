package dev.aio.core;

/**
 * Root of every exception aio throws on purpose.
 *
 * <p>The tree has two branches that decide what a resilience policy does with a failure:
 * {@link RetriableException} (a later attempt may succeed: a timeout, a 503, a throttled call)
 * and {@link NonRetriableException} (trying again cannot help: bad input, a 401, a missing
 * object). Code that catches {@code AioException} can ask {@link #isRetriable()} instead of
 * testing types.
 *
 * <p>Messages name the component, the input and what to do, and never contain secrets.
 */
public abstract class AioException extends RuntimeException {

    protected AioException(String message) {
        super(message);
    }

    protected AioException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether another attempt of the same operation may succeed.
     *
     * @return {@code true} for the {@link RetriableException} branch
     */
    public abstract boolean isRetriable();
}
