package dev.aio.core.model;

import java.util.Objects;

/**
 * A window of a text cut on token boundaries by {@link Tokenizer#split}.
 *
 * @param text the window's text, {@code source.substring(start, end)}
 * @param start the character offset of the window in the source text, inclusive
 * @param end the character offset of the window's end in the source text, exclusive
 * @param tokens how many tokens the window holds, special tokens excluded
 */
public record TextWindow(String text, int start, int end, int tokens) {

    /**
     * Validates the offsets.
     *
     * @throws IllegalArgumentException when an offset or count is negative or the end precedes
     *     the start
     */
    public TextWindow {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || tokens < 0) {
            throw new IllegalArgumentException("TextWindow: invalid offsets start=" + start + " end=" + end
                    + " tokens=" + tokens);
        }
    }
}
