package dev.aio.core.document;

import dev.aio.core.model.TextWindow;
import dev.aio.core.model.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic test tokenizer: every run of letters or digits is one token per four
 * characters (a stand-in for sub-word pieces, so counts of joined texts are not simply
 * additive), every other non-space character is a token of its own, whitespace is no token.
 */
final class WordTokenizer implements Tokenizer {

    /** Token spans {@code [start, end)} of a text. */
    static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                for (int s = i; s < end; s += 4) {
                    spans.add(new int[] {s, Math.min(end, s + 4)});
                }
                i = end;
            } else {
                int width = Character.charCount(text.codePointAt(i));
                spans.add(new int[] {i, i + width});
                i += width;
            }
        }
        return spans;
    }

    @Override
    public int count(String text) {
        return spans(text).size();
    }

    @Override
    public int[] encode(String text) {
        return spans(text).stream().mapToInt(s -> text.substring(s[0], s[1]).hashCode()).toArray();
    }

    @Override
    public List<TextWindow> split(String text, int maxTokens, int overlapTokens) {
        List<int[]> spans = spans(text);
        List<TextWindow> windows = new ArrayList<>();
        for (int first = 0; first < spans.size(); first += maxTokens - overlapTokens) {
            int last = Math.min(spans.size(), first + maxTokens) - 1;
            int start = spans.get(first)[0];
            int end = spans.get(last)[1];
            windows.add(new TextWindow(text.substring(start, end), start, end, last - first + 1));
            if (last == spans.size() - 1) {
                break;
            }
        }
        return windows;
    }

    @Override
    public int specialTokens() {
        return 0;
    }
}
