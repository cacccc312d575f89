package dev.aio.core.model;

/** Why a language model stopped generating. */
public enum FinishReason {
    /** The model finished its answer or met a stop sequence. */
    STOP,
    /** The output reached the token limit of the prompt or the model; the text is cut short. */
    LENGTH,
    /** The provider withheld or cut the output by its content policy. */
    CONTENT_FILTER,
    /** The model asked to call a tool instead of answering. */
    TOOL_CALL,
    /** The provider reported no reason, or one aio does not know. */
    OTHER
}
