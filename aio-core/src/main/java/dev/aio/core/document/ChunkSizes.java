package dev.aio.core.document;

import java.util.List;
import java.util.Objects;

/** The argument checks both chunkers share, with messages naming the chunker and the value. */
final class ChunkSizes {

    private ChunkSizes() {
    }

    static void check(String chunker, String maxName, int max, String overlapName, int overlap) {
        if (max < 1) {
            throw new IllegalArgumentException(chunker + ": " + maxName + " must be at least 1, got " + max);
        }
        if (overlap < 0 || overlap >= max) {
            throw new IllegalArgumentException(chunker + ": " + overlapName + " must be from 0 to " + maxName
                    + " - 1 (" + (max - 1) + "), got " + overlap);
        }
    }

    static List<String> separators(String chunker, List<String> separators) {
        List<String> copy = List.copyOf(Objects.requireNonNull(separators, "separators"));
        for (String s : copy) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException(chunker + ": separators must not be empty; the last resort, a cut"
                        + " inside a word, is built in");
            }
        }
        return copy;
    }
}
