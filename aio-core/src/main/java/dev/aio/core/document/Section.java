package dev.aio.core.document;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A part of a document's text with a heading path and metadata of its own: a Markdown or HTML
 * heading and what follows it up to the next heading, one line of a JSON Lines file. Chunkers
 * never cut across sections, so every chunk inherits exactly one section's path and metadata.
 *
 * @param headingPath the headings from the outermost to this section's own, for example
 *     {@code ["Install", "On Linux"]}; unmodifiable, never null
 * @param start the offset of the section's first character, inclusive
 * @param end the offset after its last character, exclusive
 * @param metadata values chunks of this section add to the document's (see {@link Document#metadata()})
 */
public record Section(List<String> headingPath, int start, int end, Map<String, Object> metadata) {

    /** @throws IllegalArgumentException when the range is inverted or a metadata value has an unsupported type */
    public Section {
        headingPath = List.copyOf(Objects.requireNonNull(headingPath, "headingPath"));
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Section " + headingPath + ": invalid range start=" + start + " end=" + end);
        }
        metadata = MetadataValues.copyOf(metadata == null ? Map.of() : metadata);
    }

    /**
     * A section without metadata of its own.
     *
     * @param headingPath the heading path
     * @param start the first offset, inclusive
     * @param end the last offset, exclusive
     * @return the section
     */
    public static Section of(List<String> headingPath, int start, int end) {
        return new Section(headingPath, start, end, Map.of());
    }
}
