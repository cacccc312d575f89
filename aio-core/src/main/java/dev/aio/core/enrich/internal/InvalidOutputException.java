package dev.aio.core.enrich.internal;

/** A model output that cannot be used; its message is fed back to the model. Not part of the API. */
public final class InvalidOutputException extends Exception {

    /** @param problem what is wrong with the output, written for the model to fix */
    public InvalidOutputException(String problem) {
        super(problem, null, false, false);
    }
}
