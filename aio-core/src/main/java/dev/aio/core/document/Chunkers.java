package dev.aio.core.document;

import dev.aio.core.model.Tokenizer;

/** Short factories for the chunkers of this package. */
public final class Chunkers {

    private Chunkers() {
    }

    /**
     * A {@link RecursiveCharacterChunker} with the default separators.
     *
     * @param maxChars the most characters in one chunk, at least 1
     * @param overlapChars the most characters neighbours share, from 0 to {@code maxChars - 1}
     * @return the chunker
     * @throws IllegalArgumentException when a size is out of range
     */
    public static Chunker characters(int maxChars, int overlapChars) {
        return new RecursiveCharacterChunker(maxChars, overlapChars);
    }

    /**
     * A {@link TokenChunker} with the default separators.
     *
     * @param tokenizer the embedder's tokenizer
     * @param tokenizerId a stable name for it, such as the embedder's model id
     * @param maxTokens the most tokens in one chunk, special tokens excluded, at least 1
     * @param overlapTokens the most tokens neighbours share, from 0 to {@code maxTokens - 1}
     * @return the chunker
     * @throws IllegalArgumentException when a size is out of range or the id is blank
     */
    public static Chunker tokens(Tokenizer tokenizer, String tokenizerId, int maxTokens, int overlapTokens) {
        return new TokenChunker(tokenizer, tokenizerId, maxTokens, overlapTokens);
    }
}
