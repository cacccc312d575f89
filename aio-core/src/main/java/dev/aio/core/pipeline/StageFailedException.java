package dev.aio.core.pipeline;

import dev.aio.core.AioException;

/**
 * Thrown by {@link Pipeline#call} when a stage fails after its policy gave up. It names the
 * stage and the number of attempts, keeps the last failure as its cause, and is retriable
 * exactly when that failure was (by the stage's {@link ErrorClassifier}): a caller may try the
 * whole call again later.
 */
public final class StageFailedException extends AioException {

    private final String stage;
    private final int attempts;
    private final boolean retriable;

    /**
     * @param pipeline the pipeline's name
     * @param stage the failing stage's name
     * @param attempts how many attempts were made
     * @param retriable whether the last failure was classified as retriable
     * @param cause the last failure
     */
    public StageFailedException(String pipeline, String stage, int attempts, boolean retriable, Throwable cause) {
        super("pipeline '" + pipeline + "', stage '" + stage + "' failed after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + describe(cause), cause);
        this.stage = stage;
        this.attempts = attempts;
        this.retriable = retriable;
    }

    /** @return the name of the stage that failed */
    public String stage() {
        return stage;
    }

    /** @return the number of attempts made, including the first */
    public int attempts() {
        return attempts;
    }

    @Override
    public boolean isRetriable() {
        return retriable;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
