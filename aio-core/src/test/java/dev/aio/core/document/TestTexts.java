package dev.aio.core.document;

import java.util.Random;

/** Seeded, varied texts: paragraphs, lines, sentences, long words, non-BMP characters. */
final class TestTexts {

    private static final String[] WORDS = {"river", "the", "stone", "bridge", "carried", "supercalifragilistic",
        "a", "merchants", "in", "winter", "😀", "café", "north", "grain", "2024", "x"};

    private TestTexts() {
    }

    static String prose(long seed, int words) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            int r = random.nextInt(40);
            if (r == 0) {
                text.append(".\n\n");
            } else if (r == 1) {
                text.append("\n");
            } else if (r < 5) {
                text.append(". ");
            } else if (r < 7) {
                text.append(", ");
            } else if (r == 7) {
                text.append("  \t ");
            } else {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
