package dev.aio.core.answer;

import java.util.List;
import java.util.Objects;

/**
 * How an {@link Answer} was made, for audit and to reproduce it.
 *
 * @param question the question
 * @param modelId the language model that wrote the text, or {@code null} for an extractive answer
 * @param templateName the prompt template's name, or {@code null} for an extractive answer
 * @param templateVersion the prompt template's version, or {@code null} for an extractive answer
 * @param tenant the tenant the answer was made for, or {@code null}
 * @param principal the principal the answer was made for, or {@code null}
 * @param chunkIds the chunks placed in the context, in citation order
 * @param contextTokens the context's size in tokens (estimated as characters / 4 without a tokenizer)
 * @param droppedChunks retrieved chunks left out because the token budget was spent
 */
public record AnswerLineage(String question, String modelId, String templateName, String templateVersion,
        String tenant, String principal, List<String> chunkIds, int contextTokens, int droppedChunks) {

    /** Copies the chunk ids. */
    public AnswerLineage {
        Objects.requireNonNull(question, "question");
        chunkIds = List.copyOf(chunkIds);
    }
}
