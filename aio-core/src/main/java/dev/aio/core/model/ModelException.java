package dev.aio.core.model;

import dev.aio.core.NonRetriableException;

/**
 * A model could not be loaded or failed in a way another attempt cannot fix: missing or corrupt
 * model files, a native runtime error, an output of an unexpected shape. The message names the
 * model and what to check.
 */
public class ModelException extends NonRetriableException {

    /**
     * Creates the exception.
     *
     * @param message names the model, the input and what to do
     */
    public ModelException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message names the model, the input and what to do
     * @param cause the runtime's own error
     */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
