package dev.aio.core.document;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of a document's text sized for an embedder, with where it sits in its document:
 * {@code text} is exactly {@code document.text().substring(start, end)}. Together with
 * {@link #source()} and {@link #index()} this is the lineage a vector record carries and the
 * identity its id is derived from.
 *
 * @param source the object version the document was parsed from
 * @param index the chunk's position in its document, from 0, in text order
 * @param text the text
 * @param start the offset of the first character in the document's text, inclusive
 * @param end the offset after the last character, exclusive
 * @param firstPage the page the chunk starts on, from 1; 0 when the document has no pages
 * @param lastPage the page the chunk ends on; equal to {@code firstPage} unless it spans pages
 * @param metadata the document's metadata, then its section's, then {@value #SECTION_KEY}
 *     holding the section's heading path when it has one; unmodifiable
 */
public record Chunk(DocumentSource source, int index, String text, int start, int end, int firstPage,
        int lastPage, Map<String, Object> metadata) {

    /** The metadata key holding a chunk's heading path (a list of strings). */
    public static final String SECTION_KEY = "section";

    /** @throws IllegalArgumentException when the offsets, the text's length or the pages disagree */
    public Chunk {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        if (index < 0 || start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("Chunk " + index + " of " + source.label() + ": offsets [" + start + ","
                    + end + ") do not match a text of " + text.length() + " characters");
        }
        if (firstPage < 0 || lastPage < firstPage || (firstPage == 0 && lastPage != 0)) {
            throw new IllegalArgumentException("Chunk " + index + " of " + source.label() + ": invalid pages "
                    + firstPage + ".." + lastPage);
        }
        metadata = MetadataValues.copyOf(Objects.requireNonNull(metadata, "metadata"));
    }

    /** @return whether the chunk's document has pages */
    public boolean hasPages() {
        return firstPage > 0;
    }
}
