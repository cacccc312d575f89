package dev.aio.core.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a splitter's ranges into {@link Chunk}s, section by section, with pages and metadata. */
final class ChunkAssembly {

    private ChunkAssembly() {
    }

    static List<Chunk> chunks(Document document, RecursiveSplitter splitter) {
        String text = document.text();
        List<Chunk> chunks = new ArrayList<>();
        int covered = 0;
        for (Section section : document.sections()) {
            // Text between sections (a preamble before the first heading) is chunked on its own.
            add(document, splitter, covered, section.start(), null, chunks);
            add(document, splitter, section.start(), section.end(), section, chunks);
            covered = section.end();
        }
        add(document, splitter, covered, text.length(), null, chunks);
        return chunks;
    }

    private static void add(Document document, RecursiveSplitter splitter, int start, int end, Section section,
            List<Chunk> chunks) {
        if (start >= end) {
            return;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(document.metadata());
        if (section != null) {
            metadata.putAll(section.metadata());
            if (!section.headingPath().isEmpty()) {
                metadata.put(Chunk.SECTION_KEY, section.headingPath());
            }
        }
        String text = document.text();
        for (int[] range : splitter.split(text, start, end)) {
            int firstPage = document.pageAt(range[0]);
            int lastPage = document.pageAt(range[1] - 1);
            chunks.add(new Chunk(document.source(), chunks.size(), text.substring(range[0], range[1]), range[0],
                    range[1], firstPage, lastPage, metadata));
        }
    }
}
