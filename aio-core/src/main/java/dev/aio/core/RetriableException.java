package dev.aio.core;

/**
 * A failure that another attempt may not repeat: a timeout, a throttled or unavailable
 * provider, a dropped connection. Retry policies retry these, and only these (plus whatever
 * the policy's {@code ErrorClassifier} admits).
 */
public class RetriableException extends AioException {

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean isRetriable() {
        return true;
    }
}
