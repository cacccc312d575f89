package dev.aio.core.pipeline;

/** How a streaming run ended. */
public enum RunStatus {
    /** The source was exhausted and every item was accounted for. */
    COMPLETED,
    /** The run stopped early because of a failure (fail-fast, source or dead-letter sink failure). */
    FAILED,
    /** The run was cancelled by its caller or by {@link Pipeline#close()}. */
    CANCELLED
}
