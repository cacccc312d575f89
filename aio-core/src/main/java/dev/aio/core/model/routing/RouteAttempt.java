package dev.aio.core.model.routing;

import java.util.Objects;

/**
 * What a {@link ModelRouter} did with one model for one request.
 *
 * @param modelId the model
 * @param outcome what happened
 * @param reason why, in words: the rule that excluded it or the failure's message
 */
public record RouteAttempt(String modelId, Outcome outcome, String reason) {

    /** What happened to one model for one request. */
    public enum Outcome {
        /** A routing rule excluded the model; it was not called. */
        EXCLUDED,
        /** The model's circuit breaker was open; it was not called. */
        CIRCUIT_OPEN,
        /** The model failed in a way another attempt may not repeat; the router fell back. */
        FAILED_RETRIABLE,
        /** The model said it cannot take this request (an unsupported capability); the router fell back. */
        UNSUPPORTED,
        /** The model was already called for this request by an earlier route. */
        ALREADY_TRIED
    }

    /** Validates that no component is null. */
    public RouteAttempt {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return modelId + ": " + outcome + " (" + reason + ")";
    }
}
