package dev.aio.core;

/**
 * A failure that repeating the same call cannot fix: invalid input, rejected credentials, a
 * missing object, a contract violation. Retry policies never retry these; the item goes to the
 * dead-letter sink at once.
 */
public class NonRetriableException extends AioException {

    public NonRetriableException(String message) {
        super(message);
    }

    public NonRetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
        return false;
    }
}
