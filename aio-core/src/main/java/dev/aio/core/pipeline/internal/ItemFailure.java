package dev.aio.core.pipeline.internal;

/**
 * An item that its stage gave up on: the last failure, the attempts made, and whether that
 * failure was retriable. Carries no stack trace of its own; the cause has one.
 */
final class ItemFailure extends Exception {

    final int attempts;
    final boolean retriable;

    ItemFailure(Throwable cause, int attempts, boolean retriable) {
        super(cause.toString(), cause, false, false);
        this.attempts = attempts;
        this.retriable = retriable;
    }
}
