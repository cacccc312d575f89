package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToIntFunction;

/** The {@link Chunker} contract, checked on one document's chunks. */
final class ChunkContract {

    private ChunkContract() {
    }

    /**
     * Checks offsets, sizes, order, coverage, section boundaries and overlap.
     *
     * @return how many neighbouring pairs overlap
     */
    static int check(Document document, List<Chunk> chunks, ToIntFunction<String> measure, int max, int overlap) {
        String text = document.text();
        boolean[] covered = new boolean[text.length()];
        int overlapping = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.index()).isEqualTo(i);
            assertThat(c.source()).isEqualTo(document.source());
            assertThat(c.text()).isEqualTo(text.substring(c.start(), c.end())).isNotBlank().isEqualTo(c.text().strip());
            assertThat(measure.applyAsInt(c.text())).as("size of chunk %d: %s", i, c.text()).isLessThanOrEqualTo(max);
            assertThat(c.firstPage()).isEqualTo(document.pageAt(c.start()));
            assertThat(c.lastPage()).isEqualTo(document.pageAt(c.end() - 1));
            Section section = sectionOf(document, c.start());
            if (section != null) {
                assertThat(c.end()).as("chunk %d stays in its section", i).isLessThanOrEqualTo(section.end());
            }
            for (int p = c.start(); p < c.end(); p++) {
                covered[p] = true;
            }
            if (i > 0) {
                Chunk previous = chunks.get(i - 1);
                assertThat(c.start()).isGreaterThan(previous.start());
                if (c.start() < previous.end()) {
                    overlapping++;
                    String shared = text.substring(c.start(), previous.end());
                    assertThat(measure.applyAsInt(shared)).as("overlap of chunks %d and %d", i - 1, i)
                            .isLessThanOrEqualTo(overlap);
                    assertThat(previous.text()).endsWith(shared.strip());
                    assertThat(c.text()).startsWith(shared.strip());
                }
            }
        }
        for (int p = 0; p < text.length(); p++) {
            if (!Character.isWhitespace(text.charAt(p))) {
                assertThat(covered[p]).as("character %d (%s) is in a chunk", p, text.charAt(p)).isTrue();
            }
        }
        return overlapping;
    }

    private static Section sectionOf(Document document, int offset) {
        for (Section s : document.sections()) {
            if (s.start() <= offset && offset < s.end()) {
                return s;
            }
        }
        return null;
    }
}
