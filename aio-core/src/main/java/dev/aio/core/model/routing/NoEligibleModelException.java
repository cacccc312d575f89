package dev.aio.core.model.routing;

import dev.aio.core.NonRetriableException;
import java.util.List;

/**
 * No model can take a request: routing rules excluded every model, or every model that was
 * tried said the request is beyond it. Not retriable: the same request will be routed the same
 * way. The message lists every model and why it did not fit, so the caller can add a route,
 * widen a rule or shrink the request.
 */
public class NoEligibleModelException extends NonRetriableException {

    private final transient List<RouteAttempt> attempts;

    /**
     * @param router the router's id
     * @param attempts every model considered, in route order
     * @param lastFailure the last model's refusal, or {@code null} when rules excluded them all
     */
    public NoEligibleModelException(String router, List<RouteAttempt> attempts, Throwable lastFailure) {
        super(RoutingMessages.describe(router, "no model can take this request; add a route, widen a rule or "
                + "shrink the request", attempts), lastFailure);
        this.attempts = List.copyOf(attempts);
    }

    /** @return every model considered, in route order, and what happened to it */
    public List<RouteAttempt> attempts() {
        return attempts;
    }
}
