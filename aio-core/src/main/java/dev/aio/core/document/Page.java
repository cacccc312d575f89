package dev.aio.core.document;

/**
 * One page of a paged document (a PDF) as a range of the document's text.
 *
 * @param number the page number, from 1
 * @param start the offset of the page's first character, inclusive
 * @param end the offset after the page's last character, exclusive
 */
public record Page(int number, int start, int end) {

    /** @throws IllegalArgumentException when the number is below 1 or the range is inverted */
    public Page {
        if (number < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("Page: invalid page number=" + number + " start=" + start + " end=" + end);
        }
    }
}
