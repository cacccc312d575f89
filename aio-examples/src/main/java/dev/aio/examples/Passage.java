package dev.aio.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph of a document, with where it came from.
 *
 * @param source the document's name
 * @param paragraph the paragraph's number, from 1
 * @param start the offset of its first character in the document
 * @param end the offset after its last character
 * @param text the paragraph
 */
public record Passage(String source, int paragraph, int start, int end, String text) {

    /** Splits a document at blank lines, skipping headings, keeping character offsets. */
    static List<Passage> paragraphsOf(Document document) {
        List<Passage> passages = new ArrayList<>();
        String text = document.text();
        int number = 0;
        int from = 0;
        while (from < text.length()) {
            int blank = text.indexOf("\n\n", from);
            int to = blank < 0 ? text.length() : blank;
            String block = text.substring(from, to).strip();
            if (!block.isEmpty() && !block.startsWith("#")) {
                int start = text.indexOf(block, from);
                passages.add(new Passage(document.name(), ++number, start, start + block.length(), block));
            }
            from = to + 2;
        }
        return passages;
    }

    /** Where the passage came from, as {@code file ¶n [chars a-b]}. */
    public String citation() {
        return source + " ¶" + paragraph + " [chars " + start + "-" + end + "]";
    }
}
