package dev.aio.vector.lucene;

import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.HybridSearch;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.vector.lucene.internal.LuceneFields;
import dev.aio.vector.lucene.internal.LuceneFilters;
import dev.aio.vector.lucene.internal.RankFusion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An embedded Lucene 9 index: approximate kNN over an HNSW graph with filters applied inside the
 * graph search (so a selective filter still yields {@code topK} hits), BM25 over the record text,
 * hybrid search by {@linkplain HybridSearch.Fusion#RRF reciprocal-rank} or
 * {@linkplain HybridSearch.Fusion#WEIGHTED weighted} fusion, every filter operator, and tenants.
 *
 * <p><b>Durability.</b> In a directory ({@link Builder#directory(Path)}), every write method
 * commits before it returns: once {@code upsert} or {@code delete} has returned, killing the
 * process loses nothing. {@link Builder#inMemory()} keeps the index on the heap and is not
 * persistent.
 *
 * <p>Scores are the similarity itself (cosine in [-1, 1], or the dot product), converted back
 * from Lucene's normalised scores. Numbers in filters compare as doubles (exact for longs up to
 * 2^53). Thread-safe: searches run in parallel with each other and with writes; writes are
 * serialised.
 */
public final class LuceneVectorStore extends AbstractVectorStore {

    private static final Capabilities IN_MEMORY = Capabilities.builder().allFilterOperators()
            .hybrid(HybridSearch.Fusion.RRF, HybridSearch.Fusion.WEIGHTED).tenants(true).persistent(false).build();
    private static final Capabilities PERSISTENT = Capabilities.builder().allFilterOperators()
            .hybrid(HybridSearch.Fusion.RRF, HybridSearch.Fusion.WEIGHTED).tenants(true).persistent(true).build();

    /** Candidates explored per query by default. */
    public static final int DEFAULT_EF_SEARCH = 100;

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Similarity similarity;
    private final VectorSimilarityFunction function;
    private final boolean persistent;
    private final int candidatesPerHit;
    private final int efSearch;

    private LuceneVectorStore(Builder b) throws IOException {
        super(b.name, b.dimensions);
        this.persistent = b.path != null;
        this.directory = persistent ? FSDirectory.open(b.path) : new ByteBuffersDirectory();
        this.similarity = b.similarity;
        this.function = similarity == Similarity.COSINE ? VectorSimilarityFunction.COSINE
                : VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        this.candidatesPerHit = b.candidatesPerHit;
        this.efSearch = b.efSearch;
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        try {
            restoreDimensions();
        } catch (RuntimeException | IOException e) {
            searchers.close();
            writer.close();
            directory.close();
            throw e;
        }
    }

    private void restoreDimensions() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs any = s.search(new org.apache.lucene.search.MatchAllDocsQuery(), 1);
            if (any.scoreDocs.length > 0) {
                fixDimensions(LuceneFields.toRecord(s.storedFields().document(any.scoreDocs[0].doc)).dimensions());
            }
        } finally {
            searchers.release(s);
        }
    }

    /** @return a builder for an in-memory cosine store named {@code lucene} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Capabilities capabilities() {
        return persistent ? PERSISTENT : IN_MEMORY;
    }

    // ---- writes ----------------------------------------------------------------------------

    @Override
    protected synchronized void doUpsert(List<VectorRecord> records) {
        write(() -> {
            for (VectorRecord r : records) {
                writer.updateDocument(new Term(LuceneFields.KEY, LuceneFields.key(r.tenant(), r.id())),
                        LuceneFields.toDocument(r, function));
            }
            return null;
        });
    }

    @Override
    protected synchronized int doDelete(String tenant, List<String> ids) {
        return write(() -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String id : ids) {
                any.add(new TermQuery(new Term(LuceneFields.KEY, LuceneFields.key(tenant, id))),
                        BooleanClause.Occur.SHOULD);
            }
            Query q = any.build();
            int n = countNow(q);
            writer.deleteDocuments(q);
            return n;
        });
    }

    @Override
    protected synchronized int doDelete(String tenant, Filter filter) {
        return write(() -> {
            Query q = LuceneFilters.scope(tenant, filter);
            int n = countNow(q);
            writer.deleteDocuments(q);
            return n;
        });
    }

    @Override
    protected synchronized int doDeleteAll(String tenant) {
        return write(() -> {
            Query q = LuceneFilters.scope(tenant, null);
            int n = countNow(q);
            writer.deleteDocuments(q);
            return n;
        });
    }

    private int countNow(Query q) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(q);
        } finally {
            searchers.release(s);
        }
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private <T> T write(IoAction<T> action) {
        try {
            T result = action.run();
            if (persistent) {
                writer.commit();
            }
            searchers.maybeRefreshBlocking();
            return result;
        } catch (IOException e) {
            throw new VectorStoreException(name(), "writing the index failed: " + e.getMessage(), e);
        }
    }

    // ---- reads -----------------------------------------------------------------------------

    private <T> T read(IoFunction<T> action) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return action.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new VectorStoreException(name(), "reading the index failed: " + e.getMessage(), e);
        }
    }

    private interface IoFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    @Override
    protected List<VectorRecord> doGet(String tenant, List<String> ids) {
        return read(s -> {
            List<VectorRecord> out = new ArrayList<>();
            for (String id : ids) {
                TopDocs td = s.search(new TermQuery(new Term(LuceneFields.KEY, LuceneFields.key(tenant, id))), 1);
                if (td.scoreDocs.length > 0) {
                    out.add(LuceneFields.toRecord(s.storedFields().document(td.scoreDocs[0].doc)));
                }
            }
            return out;
        });
    }

    @Override
    protected long doCount(String tenant, Filter filter) {
        return read(s -> (long) s.count(LuceneFilters.scope(tenant, filter)));
    }

    @Override
    protected List<SearchHit> doSearch(VectorQuery query) {
        Query scope = LuceneFilters.scope(query.tenant(), query.filter().orElse(null));
        return read(s -> {
            if (query.hybrid().isEmpty()) {
                List<SearchHit> hits = new ArrayList<>();
                for (ScoreDoc sd : knn(s, query, scope, query.topK())) {
                    double score = fromLucene(sd.score);
                    if (score >= query.minScore()) {
                        hits.add(new SearchHit(LuceneFields.toRecord(s.storedFields().document(sd.doc)), score));
                    }
                }
                return hits;
            }
            return hybrid(s, query, scope, query.hybrid().get());
        });
    }

    /** The k best by the graph search, which explores max(k, efSearch) candidates for recall. */
    private ScoreDoc[] knn(IndexSearcher s, VectorQuery query, Query scope, int k) throws IOException {
        int explore = Math.max(k, efSearch);
        ScoreDoc[] docs = s.search(new KnnFloatVectorQuery(LuceneFields.VECTOR, query.vectorUnsafe(), explore, scope),
                explore).scoreDocs;
        return docs.length <= k ? docs : java.util.Arrays.copyOf(docs, k);
    }

    private double fromLucene(float score) {
        if (function == VectorSimilarityFunction.COSINE) {
            return 2.0 * score - 1.0;
        }
        return score < 1 ? 1.0 - 1.0 / score : score - 1.0;
    }

    private List<SearchHit> hybrid(IndexSearcher s, VectorQuery query, Query scope, HybridSearch h) throws IOException {
        int k = Math.min(VectorQuery.MAX_TOP_K, query.topK() * candidatesPerHit);
        ScoreDoc[] vector = knn(s, query, scope, k);
        ScoreDoc[] keyword = s.search(new BooleanQuery.Builder().add(keywords(h.text()), BooleanClause.Occur.MUST)
                .add(scope, BooleanClause.Occur.FILTER).build(), k).scoreDocs;
        List<Map.Entry<Integer, Double>> ranked = RankFusion.fuse(vector, keyword, h);
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : ranked) {
            if (hits.size() == query.topK() || e.getValue() < query.minScore()) {
                break;
            }
            hits.add(new SearchHit(LuceneFields.toRecord(s.storedFields().document(e.getKey())), e.getValue()));
        }
        return hits;
    }

    private Query keywords(String text) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Map<String, Boolean> seen = new HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(LuceneFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (seen.putIfAbsent(t, Boolean.TRUE) == null) {
                    any.add(new TermQuery(new Term(LuceneFields.TEXT, t)), BooleanClause.Occur.SHOULD);
                }
            }
            ts.end();
        }
        return any.build();
    }

    @Override
    protected void doClose() {
        try {
            searchers.close();
            if (persistent) {
                writer.commit();
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new VectorStoreException(name(), "closing the index failed: " + e.getMessage(), e);
        }
    }

    /** Builds a {@link LuceneVectorStore}. Not thread-safe. */
    public static final class Builder {
        private String name = "lucene";
        private Path path;
        private int dimensions;
        private Similarity similarity = Similarity.COSINE;
        private int candidatesPerHit = 4;
        private int efSearch = DEFAULT_EF_SEARCH;

        private Builder() {
        }

        /** @param name the name for messages, not blank @return this builder */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name is blank");
            }
            this.name = name;
            return this;
        }

        /**
         * @param path the index directory, created if absent; writes are durable once they return
         * @return this builder
         */
        public Builder directory(Path path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** @return this builder, keeping the index on the heap (the default; not persistent) */
        public Builder inMemory() {
            this.path = null;
            return this;
        }

        /** @param dimensions the vector length, at most 1024 @return this builder */
        public Builder dimensions(int dimensions) {
            if (dimensions <= 0 || dimensions > 1024) {
                throw new IllegalArgumentException("dimensions must be in [1, 1024], was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** @param similarity how to score; {@link Similarity#COSINE} by default @return this builder */
        public Builder similarity(Similarity similarity) {
            this.similarity = Objects.requireNonNull(similarity, "similarity");
            return this;
        }

        /**
         * @param candidates candidates per requested hit taken from each ranking before hybrid
         *     fusion, 1 to 100 (4 by default)
         * @return this builder
         */
        public Builder hybridCandidates(int candidates) {
            if (candidates < 1 || candidates > 100) {
                throw new IllegalArgumentException("hybridCandidates must be in [1, 100], was " + candidates);
            }
            this.candidatesPerHit = candidates;
            return this;
        }

        /**
         * @param efSearch candidates the HNSW search explores for a query (at least topK), 1 to
         *     10,000; higher raises recall and costs time; {@value LuceneVectorStore#DEFAULT_EF_SEARCH} by default
         * @return this builder
         */
        public Builder efSearch(int efSearch) {
            if (efSearch < 1 || efSearch > VectorQuery.MAX_TOP_K) {
                throw new IllegalArgumentException("efSearch must be in [1, 10000], was " + efSearch);
            }
            this.efSearch = efSearch;
            return this;
        }

        /**
         * @return the store, ready for use
         * @throws VectorStoreException when the index cannot be opened
         */
        public LuceneVectorStore build() {
            try {
                return new LuceneVectorStore(this);
            } catch (IOException e) {
                throw new VectorStoreException(name, "opening the index at " + path + " failed: " + e.getMessage(), e);
            }
        }
    }
}
