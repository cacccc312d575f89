package dev.aio.core.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The splitting both chunkers share, measured by a {@link Measure} (characters or tokens).
 *
 * <p>First a span is cut into pieces no longer than {@code max}: by the first separator that
 * occurs in it (paragraphs, then lines, then sentences, then words), each separator kept at the
 * end of the piece before it so pieces stay contiguous, recursing with the finer separators
 * into pieces still too long, and at the last a hard cut. Then pieces are merged greedily into
 * chunks no longer than {@code max}. Each new chunk begins with the longest run of whole words
 * from the end of the previous one that measures at most {@code overlap}, and drops that run
 * where it would leave no room for the next piece. Every length is measured on the exact,
 * trimmed text of the candidate chunk, so no chunk exceeds {@code max} even where the measure
 * is not additive (token counts of joined texts).
 */
final class RecursiveSplitter {

    /** How long a range of the text is, in the chunker's unit. */
    interface Measure {
        int length(String text, int start, int end);
    }

    /** The last resort for a range no separator can cut small enough: ranges of at most {@code max}. */
    interface HardCut {
        List<int[]> cut(String text, int start, int end, int max);
    }

    private final List<String> separators;
    private final int max;
    private final int overlap;
    private final Measure measure;
    private final HardCut hardCut;

    RecursiveSplitter(List<String> separators, int max, int overlap, Measure measure, HardCut hardCut) {
        this.separators = List.copyOf(separators);
        this.max = max;
        this.overlap = overlap;
        this.measure = measure;
        this.hardCut = hardCut;
    }

    /** Chunk ranges {@code [start, end)} of {@code text} within the span, trimmed and non-empty. */
    List<int[]> split(String text, int start, int end) {
        List<int[]> pieces = new ArrayList<>();
        cut(text, start, end, 0, pieces);
        List<int[]> chunks = new ArrayList<>();
        if (pieces.isEmpty()) {
            return chunks;
        }
        int chunkStart = pieces.get(0)[0];
        int chunkEnd = chunkStart;
        boolean hasNewText = false;
        int i = 0;
        while (i < pieces.size()) {
            int[] piece = pieces.get(i);
            if (size(text, chunkStart, piece[1]) <= max) {
                chunkEnd = piece[1];
                hasNewText = true;
                i++;
            } else if (!hasNewText) {
                if (chunkStart == piece[0]) {
                    // A piece that alone exceeds max would loop forever; only an inconsistent measure gets here.
                    throw new IllegalStateException("chunker: a piece of " + size(text, piece[0], piece[1])
                            + " units at [" + piece[0] + "," + piece[1] + ") exceeds the maximum of " + max
                            + " after its hard cut; the measure and the hard cut disagree");
                }
                // Only the overlap is in the chunk and the next piece does not fit beside it: drop the overlap.
                chunkStart = piece[0];
                chunkEnd = piece[0];
            } else {
                emit(text, chunkStart, chunkEnd, chunks);
                chunkStart = overlapStart(text, chunkStart, chunkEnd);
                hasNewText = false;
            }
        }
        if (hasNewText) {
            emit(text, chunkStart, chunkEnd, chunks);
        }
        return chunks;
    }

    private void cut(String text, int start, int end, int separatorIndex, List<int[]> out) {
        if (trimStart(text, start, end) == end) {
            return;
        }
        if (size(text, start, end) <= max) {
            out.add(new int[] {start, end});
            return;
        }
        for (int s = separatorIndex; s < separators.size(); s++) {
            String separator = separators.get(s);
            int at = text.indexOf(separator, start);
            if (at < 0 || at + separator.length() >= end) {
                continue;
            }
            int partStart = start;
            while (at >= 0 && at + separator.length() < end) {
                cut(text, partStart, at + separator.length(), s + 1, out);
                partStart = at + separator.length();
                at = text.indexOf(separator, partStart);
            }
            cut(text, partStart, end, s + 1, out);
            return;
        }
        for (int[] range : hardCut.cut(text, start, end, max)) {
            if (trimStart(text, range[0], range[1]) < range[1]) {
                out.add(range);
            }
        }
    }

    /** The start of the longest run of whole words ending at {@code end} that measures at most the overlap. */
    private int overlapStart(String text, int start, int end) {
        if (overlap == 0) {
            return end;
        }
        List<Integer> wordStarts = new ArrayList<>();
        for (int p = start + 1; p < end; p++) {
            if (!Character.isWhitespace(text.charAt(p)) && Character.isWhitespace(text.charAt(p - 1))) {
                wordStarts.add(p);
            }
        }
        // Measures shrink as the start moves right: find the leftmost word start that fits.
        int lo = 0;
        int hi = wordStarts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (size(text, wordStarts.get(mid), end) <= overlap) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < wordStarts.size() ? wordStarts.get(lo) : end;
    }

    private int size(String text, int start, int end) {
        int s = trimStart(text, start, end);
        int e = trimEnd(text, s, end);
        return s == e ? 0 : measure.length(text, s, e);
    }

    private static void emit(String text, int start, int end, List<int[]> chunks) {
        int s = trimStart(text, start, end);
        int e = trimEnd(text, s, end);
        if (s < e) {
            chunks.add(new int[] {s, e});
        }
    }

    static int trimStart(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }

    static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
