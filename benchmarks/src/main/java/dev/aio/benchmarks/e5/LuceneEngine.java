package dev.aio.benchmarks.e5;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Peer: Lucene 9.12 HNSW ({@code Lucene99HnswVectorsFormat}, M 16, beam width 100) in a
 * {@link ByteBuffersDirectory}, one segment (a RAM buffer larger than the index, no merges, so
 * doc ids are base indices), searched with {@link KnnFloatVectorQuery} asking for
 * {@code effort} neighbours and keeping the best {@value E5Data#K}, which is how Lucene users
 * widen the search. Dot-product similarity, as ours. Lucene 9 uses SIMD only on JDK 20+.
 */
final class LuceneEngine implements AnnEngine {

    private static final String FIELD = "v";

    private ByteBuffersDirectory dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private float[][] queries;
    private int effort = E5Data.K;

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public String settings() {
        return "M=" + OursEngine.M + ",beam=" + OursEngine.BEAM;
    }

    @Override
    public void build(E5Data data) throws Exception {
        dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(2_048)
                .setMergePolicy(NoMergePolicy.INSTANCE).setCodec(new Lucene912Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return new Lucene99HnswVectorsFormat(OursEngine.M, OursEngine.BEAM);
                    }
                });
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < data.n; i++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, data.vector(i), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.commit();
        }
        reader = DirectoryReader.open(dir);
        if (reader.leaves().size() != 1) {
            throw new IllegalStateException("expected one segment, got " + reader.leaves().size());
        }
        searcher = new IndexSearcher(reader);
        queries = new float[E5Data.QUERIES][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = data.query(q);
        }
    }

    @Override
    public void effort(int effort) {
        this.effort = Math.max(effort, E5Data.K);
    }

    @Override
    public int search(int q, int[] out) throws Exception {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, queries[q], effort), E5Data.K);
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = 0; i < docs.length; i++) {
            out[i] = docs[i].doc;
        }
        return docs.length;
    }

    @Override
    public Object searchForBenchmark(int q) throws Exception {
        return searcher.search(new KnnFloatVectorQuery(FIELD, queries[q], effort), E5Data.K);
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (dir != null) {
            dir.close();
        }
    }
}
