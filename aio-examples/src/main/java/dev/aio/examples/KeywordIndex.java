package dev.aio.examples;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The demo's retrieval: ranks passages by how many of the question's words they share, weighting
 * rare words higher. Deliberately small; semantic search comes with aio-vector.
 */
final class KeywordIndex {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "are", "is", "how", "what", "when",
            "who", "for", "of", "to", "in", "on", "and", "or", "do", "does", "long", "it", "they", "by");

    private final List<Passage> passages = new CopyOnWriteArrayList<>();

    void add(Passage passage) {
        passages.add(passage);
    }

    List<Passage> search(String question, int k) {
        Set<String> wanted = terms(question);
        return passages.stream()
                .map(p -> new Scored(p, score(wanted, terms(p.text()))))
                .filter(s -> s.score > 0)
                .sorted(Comparator.comparingDouble((Scored s) -> s.score).reversed())
                .limit(k)
                .map(s -> s.passage)
                .collect(Collectors.toList());
    }

    private double score(Set<String> wanted, Set<String> have) {
        double score = 0;
        for (String term : wanted) {
            if (have.contains(term)) {
                long containing = passages.stream().filter(p -> terms(p.text()).contains(term)).count();
                score += Math.log(1.0 + passages.size() / (double) containing);
            }
        }
        return score;
    }

    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                terms.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return terms;
    }

    private record Scored(Passage passage, double score) {
    }
}
