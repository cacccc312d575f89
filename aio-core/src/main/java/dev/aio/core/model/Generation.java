package dev.aio.core.model;

import java.util.Objects;

/**
 * What a {@link LanguageModel} produced for one {@link Prompt}.
 *
 * @param text the generated text, possibly empty, never null
 * @param finishReason why generation stopped
 * @param usage the tokens the call consumed
 * @param modelId the model that answered (a router may pick one of several)
 */
public record Generation(String text, FinishReason finishReason, TokenUsage usage, String modelId) {

    /**
     * Validates that no component is null.
     *
     * @throws NullPointerException naming the missing component
     */
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(modelId, "modelId");
    }
}
