package dev.aio.llm.langchain4j.internal;

import dev.aio.core.NonRetriableException;

/** A tool call whose arguments cannot be used; the message is returned to the model. Not part of the API. */
public final class ToolArgumentException extends NonRetriableException {

    /** @param message what is wrong and what to send instead */
    public ToolArgumentException(String message) {
        super(message);
    }
}
