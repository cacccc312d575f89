package dev.aio.core.model.routing;

import dev.aio.core.RetriableException;
import java.util.List;

/**
 * Every model a request could go to failed retriably or had its circuit breaker open. Retriable:
 * a later attempt, after backoff, may find a model well again. The message lists every model
 * the router considered and why it did not answer.
 */
public class NoModelAvailableException extends RetriableException {

    private final transient List<RouteAttempt> attempts;

    /**
     * @param router the router's id
     * @param attempts every model considered, in route order
     * @param lastFailure the last model failure, or {@code null} when every breaker was open
     */
    public NoModelAvailableException(String router, List<RouteAttempt> attempts, Throwable lastFailure) {
        super(RoutingMessages.describe(router, "no model is available right now; retry later", attempts),
                lastFailure);
        this.attempts = List.copyOf(attempts);
    }

    /** @return every model considered, in route order, and what happened to it */
    public List<RouteAttempt> attempts() {
        return attempts;
    }
}
