package dev.aio.core.model;

import java.util.List;

/**
 * Counts, encodes and splits text in one model's tokens, so chunk sizes and prompt budgets are
 * measured in what the model actually sees.
 *
 * <p>Counts and encodings exclude the special tokens a model adds around a sequence (such as
 * BERT's {@code [CLS]} and {@code [SEP]}); {@link #specialTokens()} says how many those are.
 * Implementations are thread-safe.
 */
public interface Tokenizer {

    /**
     * Counts the tokens of a text, special tokens excluded, without truncating.
     *
     * @param text the text, not null
     * @return zero or more tokens
     */
    int count(String text);

    /**
     * Encodes a text into token ids, special tokens excluded, without truncating.
     *
     * @param text the text, not null
     * @return a new array of ids, one per token
     */
    int[] encode(String text);

    /**
     * Splits a text into consecutive windows of at most {@code maxTokens} tokens each, the next
     * window starting {@code overlapTokens} tokens before the previous one ended. Windows are cut
     * on token boundaries and keep their character offsets in the original text.
     *
     * @param text the text, not null; an empty or blank text gives an empty list
     * @param maxTokens the most tokens in one window, at least 1
     * @param overlapTokens tokens shared by neighbouring windows, from 0 to {@code maxTokens - 1}
     * @return the windows in text order
     * @throws IllegalArgumentException when the sizes are out of range, naming the value
     */
    List<TextWindow> split(String text, int maxTokens, int overlapTokens);

    /**
     * How many special tokens the model adds to one sequence; {@code count(text) +
     * specialTokens()} is what a text costs against a model's token limit.
     *
     * @return zero or more tokens
     */
    int specialTokens();
}
