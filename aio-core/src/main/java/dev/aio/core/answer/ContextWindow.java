package dev.aio.core.answer;

import dev.aio.core.ingest.Lineage;
import dev.aio.core.model.Tokenizer;
import dev.aio.core.vector.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The passages of one answer, chosen within a token budget: hits are taken best first while
 * they fit; one that does not fit is skipped (a shorter one after it may still fit). When not
 * even the best hit fits, its text is cut to the budget, so an answer always has a passage to
 * rest on when anything was retrieved.
 */
final class ContextWindow {

    final List<Citation> citations = new ArrayList<>();
    final List<String> passages = new ArrayList<>();
    int tokens;
    int dropped;

    private ContextWindow() {
    }

    /**
     * @param hits the retrieved chunks, best first
     * @param tokenizer counts tokens, or {@code null} to estimate 4 characters per token
     * @param budget the most tokens of context
     * @param maxPassages the most passages to take
     * @param snippetChars the length of a citation's snippet
     * @return the window
     */
    static ContextWindow of(List<SearchHit> hits, Tokenizer tokenizer, int budget, int maxPassages,
            int snippetChars) {
        ContextWindow w = new ContextWindow();
        for (SearchHit hit : hits) {
            if (w.passages.size() == maxPassages) {
                w.dropped++;
                continue;
            }
            int marker = w.passages.size() + 1;
            String text = hit.text() == null ? "" : hit.text();
            String passage = "[" + marker + "] " + text;
            int cost = count(tokenizer, passage) + 1;
            if (w.tokens + cost > budget) {
                if (!w.passages.isEmpty() || budget < 8) {
                    w.dropped++;
                    continue;
                }
                passage = cut(tokenizer, passage, budget - 1);
                cost = count(tokenizer, passage) + 1;
            }
            w.passages.add(passage);
            w.tokens += cost;
            w.citations.add(citation(marker, hit, snippetChars));
        }
        return w;
    }

    /** @return the passages, one per line, as the prompt's context */
    String render() {
        return String.join("\n", passages);
    }

    static int count(Tokenizer tokenizer, String text) {
        return tokenizer != null ? tokenizer.count(text) : (text.length() + 3) / 4;
    }

    private static String cut(Tokenizer tokenizer, String text, int tokens) {
        if (tokenizer == null) {
            return text.substring(0, Math.min(text.length(), tokens * 4));
        }
        var windows = tokenizer.split(text, tokens, 0);
        return windows.isEmpty() ? "" : windows.get(0).text();
    }

    private static Citation citation(int marker, SearchHit hit, int snippetChars) {
        Map<String, Object> m = hit.metadata();
        String text = hit.text() == null ? "" : hit.text();
        String snippet = text.length() <= snippetChars ? text : text.substring(0, snippetChars) + "...";
        return new Citation(marker, hit.id(), hit.score(), string(m, Lineage.STORE), string(m, Lineage.BUCKET),
                string(m, Lineage.KEY), string(m, Lineage.VERSION_ID), string(m, Lineage.ETAG), number(m, Lineage.START),
                number(m, Lineage.END), number(m, Lineage.FIRST_PAGE), number(m, Lineage.LAST_PAGE), snippet);
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static Long number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number ? ((Number) m.get(key)).longValue() : null;
    }
}
