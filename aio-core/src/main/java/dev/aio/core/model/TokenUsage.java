package dev.aio.core.model;

/**
 * Tokens a model call consumed, as the provider counted them.
 *
 * @param inputTokens tokens of the prompt, zero or more
 * @param outputTokens tokens generated, zero or more
 */
public record TokenUsage(long inputTokens, long outputTokens) {

    /** No tokens; the identity of {@link #plus}. */
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("TokenUsage: counts must be >= 0, got input=" + inputTokens
                    + " output=" + outputTokens);
        }
    }

    /**
     * Input and output tokens together.
     *
     * @return the sum
     */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /**
     * Adds another usage to this one, for totals over calls.
     *
     * @param other the usage to add, not null
     * @return a new usage with the summed counts
     */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens));
    }
}
