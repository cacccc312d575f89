package dev.aio.core.pipeline;

/** What a stage does with each item; shown in {@link Pipeline#describe()} and {@link Pipeline#spec()}. */
public enum StageKind {
    /** One item in, one item out. */
    MAP,
    /** One item in, zero or more items out. */
    FLAT_MAP,
    /** Keeps or drops each item. */
    FILTER,
    /** Observes each item and passes it on unchanged. */
    PEEK,
    /** Groups items into lists, flushed by size or by maximum wait. */
    BATCH,
    /** Splits each list back into its elements. */
    UNBATCH,
    /** Consumes each item; ends the pipeline. */
    SINK;

    /** Whether the stage calls user code (and so can carry a {@link StepPolicy}). */
    boolean callsUserCode() {
        return this != BATCH && this != UNBATCH;
    }
}
