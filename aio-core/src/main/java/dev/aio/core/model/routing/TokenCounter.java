package dev.aio.core.model.routing;

import dev.aio.core.model.Tokenizer;
import java.util.Objects;

/**
 * Counts the tokens of a text, for routing rules that compare a prompt with a model's context
 * window or estimate its cost before the call. Implementations are thread-safe.
 */
@FunctionalInterface
public interface TokenCounter {

    /**
     * A rough count for any model: one token per four characters, rounded up. English prose
     * runs at about four characters a token in common BPE vocabularies; other scripts run
     * denser, so give windows some slack or use {@link #of(Tokenizer)}.
     */
    TokenCounter ESTIMATE = text -> (text.length() + 3) / 4;

    /**
     * Counts a text.
     *
     * @param text the text, not null
     * @return zero or more tokens
     */
    int count(String text);

    /**
     * Counts with a model's own tokenizer, special tokens included.
     *
     * @param tokenizer the tokenizer
     * @return the counter
     */
    static TokenCounter of(Tokenizer tokenizer) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        return text -> tokenizer.count(text) + tokenizer.specialTokens();
    }
}
