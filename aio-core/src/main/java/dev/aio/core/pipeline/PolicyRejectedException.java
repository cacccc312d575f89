package dev.aio.core.pipeline;

import dev.aio.core.RetriableException;

/**
 * A policy refused an attempt before it started: the circuit breaker is open, no rate-limit
 * permit came within the policy's maximum wait, or the bulkhead stayed full. Retriable: the
 * condition passes with time.
 */
public final class PolicyRejectedException extends RetriableException {

    /** Why the attempt was refused. */
    public enum Reason {
        /** The circuit breaker is open after too many failures. */
        CIRCUIT_OPEN,
        /** No rate-limit permit became free within the maximum wait. */
        RATE_LIMITED,
        /** No bulkhead slot became free within the maximum wait. */
        BULKHEAD_FULL
    }

    private final Reason reason;

    /**
     * @param stage the stage's name
     * @param policy the policy's description
     * @param reason why the attempt was refused
     */
    public PolicyRejectedException(String stage, String policy, Reason reason) {
        super("stage '" + stage + "' attempt refused by policy [" + policy + "]: " + explain(reason));
        this.reason = reason;
    }

    /** @return why the attempt was refused */
    public Reason reason() {
        return reason;
    }

    private static String explain(Reason reason) {
        switch (reason) {
            case CIRCUIT_OPEN:
                return "the circuit breaker is open after repeated failures; the provider is given time to recover";
            case RATE_LIMITED:
                return "no rate-limit permit within the policy's maxWait";
            default:
                return "the bulkhead stayed full for the policy's maxWait";
        }
    }
}
