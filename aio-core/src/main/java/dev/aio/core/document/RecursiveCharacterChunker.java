package dev.aio.core.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts documents into chunks of at most {@code maxChars} characters, preferring to cut between
 * paragraphs, then lines, then sentences, then words, and only as a last resort inside a word
 * (never inside a surrogate pair). Neighbouring chunks share up to {@code overlapChars}
 * characters of whole words. See {@link Chunker} for the contract. Immutable and thread-safe.
 */
public final class RecursiveCharacterChunker implements Chunker {

    /** Where text is cut, most preferred first: paragraphs, lines, sentence ends, clauses, words. */
    public static final List<String> DEFAULT_SEPARATORS = List.of("\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ");

    private final int maxChars;
    private final int overlapChars;
    private final List<String> separators;
    private final RecursiveSplitter splitter;

    /**
     * Creates the chunker with {@link #DEFAULT_SEPARATORS}.
     *
     * @param maxChars the most characters in one chunk, at least 1
     * @param overlapChars the most characters neighbours share, from 0 to {@code maxChars - 1}
     * @throws IllegalArgumentException when a size is out of range, naming it
     */
    public RecursiveCharacterChunker(int maxChars, int overlapChars) {
        this(maxChars, overlapChars, DEFAULT_SEPARATORS);
    }

    /**
     * Creates the chunker.
     *
     * @param maxChars the most characters in one chunk, at least 1
     * @param overlapChars the most characters neighbours share, from 0 to {@code maxChars - 1}
     * @param separators where to cut, most preferred first; none may be empty
     * @throws IllegalArgumentException when a size is out of range or a separator is empty
     */
    public RecursiveCharacterChunker(int maxChars, int overlapChars, List<String> separators) {
        ChunkSizes.check("RecursiveCharacterChunker", "maxChars", maxChars, "overlapChars", overlapChars);
        this.separators = ChunkSizes.separators("RecursiveCharacterChunker", separators);
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
        this.splitter = new RecursiveSplitter(this.separators, maxChars, overlapChars,
                (text, start, end) -> end - start, RecursiveCharacterChunker::hardCut);
    }

    private static List<int[]> hardCut(String text, int start, int end, int max) {
        List<int[]> ranges = new ArrayList<>();
        int from = start;
        while (from < end) {
            int to = Math.min(end, from + max);
            if (to < end && to - from > 1 && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            ranges.add(new int[] {from, to});
            from = to;
        }
        return ranges;
    }

    @Override
    public List<Chunk> chunk(Document document) {
        return ChunkAssembly.chunks(document, splitter);
    }

    /** @return the most characters in one chunk */
    public int maxChars() {
        return maxChars;
    }

    /** @return the most characters neighbouring chunks share */
    public int overlapChars() {
        return overlapChars;
    }

    @Override
    public Object describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("chunker", "recursive-characters");
        d.put("maxChars", maxChars);
        d.put("overlapChars", overlapChars);
        d.put("separators", separators);
        return d;
    }

    @Override
    public String toString() {
        return "RecursiveCharacterChunker[maxChars=" + maxChars + ", overlapChars=" + overlapChars + "]";
    }
}
