package dev.aio.core.vector;

import dev.aio.core.NonRetriableException;

/**
 * Filter text that {@link Filter#parse(String)} cannot read. The message names what was
 * expected and shows the text with a caret under the position of the error. Not retriable.
 */
public class FilterParseException extends NonRetriableException {

    private final String text;
    private final int position;

    /**
     * @param problem what is wrong, e.g. {@code "expected a value after '>='"}
     * @param text the whole filter text
     * @param position the zero-based character offset of the error
     */
    public FilterParseException(String problem, String text, int position) {
        super("invalid filter: " + problem + " at position " + position + "\n  " + text + "\n  "
                + " ".repeat(Math.max(0, position)) + "^");
        this.text = text;
        this.position = position;
    }

    /** @return the filter text that failed to parse */
    public String text() {
        return text;
    }

    /** @return the zero-based character offset of the error */
    public int position() {
        return position;
    }
}
