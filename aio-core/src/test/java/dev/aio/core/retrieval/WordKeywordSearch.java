package dev.aio.core.retrieval;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A test double for {@link KeywordSearch}: scores a record by how many distinct query words its
 * text contains, over the records of an {@link ExactVectorStore}, honouring tenant and filter.
 * Counts its calls.
 */
public final class WordKeywordSearch implements KeywordSearch {

    private final Supplier<List<VectorRecord>> records;
    /** How many searches were made. */
    public final AtomicInteger calls = new AtomicInteger();

    /** @param store the store whose records are searched */
    public WordKeywordSearch(ExactVectorStore store) {
        this.records = store::all;
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public List<SearchHit> search(String text, int topK, String tenant, Filter filter) {
        calls.incrementAndGet();
        List<VectorRecord> in = records.get().stream().filter(r -> Objects.equals(r.tenant(), tenant))
                .filter(r -> filter == null || filter.test(r.metadata())).toList();
        List<SearchHit> ranked = rank(in, text);
        return ranked.subList(0, Math.min(topK, ranked.size()));
    }

    /** @return the records with at least one query word, most words first */
    static List<SearchHit> rank(List<VectorRecord> records, String query) {
        Set<String> words = Set.copyOf(WordEmbedder.words(query));
        List<SearchHit> out = new ArrayList<>();
        for (VectorRecord r : records) {
            double s = score(words, r.text());
            if (s > 0) {
                out.add(new SearchHit(r, s));
            }
        }
        out.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return out;
    }

    static double score(Set<String> words, String text) {
        Set<String> present = Set.copyOf(WordEmbedder.words(text == null ? "" : text.toLowerCase(Locale.ROOT)));
        return words.stream().filter(present::contains).count();
    }
}
