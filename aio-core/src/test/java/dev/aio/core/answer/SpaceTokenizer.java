package dev.aio.core.answer;

import dev.aio.core.model.TextWindow;
import dev.aio.core.model.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test tokenizer: every run of non-space characters is one token. */
final class SpaceTokenizer implements Tokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\S+");

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
        List<TextWindow> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i += maxTokens - overlapTokens) {
            int last = Math.min(spans.size(), i + maxTokens) - 1;
            out.add(new TextWindow(text.substring(spans.get(i)[0], spans.get(last)[1]), spans.get(i)[0],
                    spans.get(last)[1], last - i + 1));
            if (last == spans.size() - 1) {
                break;
            }
        }
        return out;
    }

    @Override
    public int specialTokens() {
        return 0;
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }
}
