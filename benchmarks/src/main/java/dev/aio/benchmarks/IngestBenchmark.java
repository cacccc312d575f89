package dev.aio.benchmarks;

import dev.aio.core.Secret;
import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.IngestorBuilder;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.ingest.Ledger;
import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.model.Embedder;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.StoredObject;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.minio.MinioObjectStore;
import dev.aio.vector.memory.InMemoryVectorStore;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.parser.TextDocumentParser;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * E6: ingest end to end. {@code e6Docs} plain-text documents of 2 to 8 KB, composed
 * deterministically (seeded) from the {@link Corpus} sentences in paragraphs, sit in an S3
 * bucket served by S3Proxy in this JVM on loopback. One operation ingests all of them; the
 * summary turns ms/op into documents/s.
 *
 * <ul>
 *   <li>{@code ours}: {@link Ingestor} with its defaults (batch size, parse concurrency) reading
 *       through {@link MinioObjectStore}, {@link Parsers#standard()}, the recursive character
 *       chunker ({@value #CHUNK_CHARS} characters, {@value #OVERLAP_CHARS} overlap),
 *       {@link OnnxEmbedder} with its defaults (one single-threaded session per core), into a
 *       fresh {@link InMemoryVectorStore} and a fresh ledger ({@code e6Ledger}: {@code sqlite},
 *       a {@link JdbcLedger} file, the durable default; or {@code memory}) every iteration.</li>
 *   <li>{@code peer}: langchain4j's {@link EmbeddingStoreIngestor} with
 *       {@code DocumentSplitters.recursive(}{@value #CHUNK_CHARS}{@code , }{@value #OVERLAP_CHARS}
 *       {@code )}, {@link AllMiniLmL6V2EmbeddingModel} on a fixed pool of one thread per core
 *       (as in E2) and a fresh {@link InMemoryEmbeddingStore}. langchain4j 1.19 has no S3 loader
 *       on Maven Central, so it gets the documents as its loaders do: list, then one GET after
 *       another through the same {@link MinioObjectStore}, each parsed by its
 *       {@link TextDocumentParser}; then {@code ingest(documents)}. No ledger.</li>
 *   <li>{@code oursEmbedOnly}: the embedding work alone: the very chunk texts {@code ours}
 *       embeds (parsed and chunked at setup), in calls of the ingestor's batch size, on the same
 *       embedder, in its own fork. The non-embedding share (target at most 0.15) is judged on
 *       {@link EmbedShare}, counted inside {@code ours}' own runs, since forks minutes apart on a
 *       shared machine see different loads; {@code 1 - oursEmbedOnly / ours} is informational.</li>
 *   <li>{@code runtimeAlone}: those chunks on ONNX Runtime alone, in the batch shapes the
 *       ingestor's calls make (see {@link RuntimeAlone}): the bound of any ingestor whose embedder
 *       runs this model on this runtime at full precision; informational.</li>
 *   <li>{@code oursUnchanged}: a second run over the unchanged bucket with the ledger of a first
 *       run (made at setup) kept, against {@code listing}: one listing of the same prefix
 *       through the same store.</li>
 * </ul>
 * Chunk size: {@value #CHUNK_CHARS} characters of these sentences are at most about 115 MiniLM
 * tokens (setup prints the largest), under the 128 at which langchain4j's model truncates, so
 * both sides embed every token of every chunk. The two splitters cut slightly differently;
 * setup prints both chunk counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {

    static final int CHUNK_CHARS = 500;
    static final int OVERLAP_CHARS = 50;
    static final String BUCKET = "e6-docs";
    static final String PREFIX = "docs/";
    private static final String ACCESS_KEY = "bench-access";
    private static final Secret SECRET_KEY = Secret.of("bench-secret-key-not-a-real-one");
    private static final long SEED = 6;

    /** Documents in the bucket: 1,000 as BENCHMARKS.md says; quick runs fewer and says so. */
    @Param({"1000"})
    public int e6Docs;

    /** Our ledger: {@code sqlite} (a JdbcLedger file, what a durable deployment uses) or {@code memory}. */
    @Param({"sqlite"})
    public String e6Ledger;

    private S3Proxy proxy;
    private ObjectStore store;
    private Path tmp;
    private OnnxEmbedder ours;
    private AllMiniLmL6V2EmbeddingModel peer;
    private ExecutorService peerExecutor;
    private List<String> chunkTexts;
    private RuntimeAlone runtime;

    private final java.util.concurrent.atomic.AtomicLong embedNanos = new java.util.concurrent.atomic.AtomicLong();
    private Ledger ledger;
    private InMemoryVectorStore index;
    private Ingestor ingestor;
    private IngestReport lastReport;
    private InMemoryEmbeddingStore<TextSegment> peerStore;
    private EmbeddingStoreIngestor peerIngestor;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY.reveal()).build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        store = MinioObjectStore.builder().endpoint("http://127.0.0.1:" + proxy.getPort())
                .credentials(ACCESS_KEY, SECRET_KEY).build();
        store.ensureBucket(BUCKET);
        List<String> docs = documents(e6Docs);
        for (int i = 0; i < docs.size(); i++) {
            store.put(BUCKET, key(i), docs.get(i).getBytes(StandardCharsets.UTF_8));
        }
        tmp = Files.createTempDirectory("e6-");
        if (method.equals("peer")) {
            peerExecutor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            peer = new AllMiniLmL6V2EmbeddingModel(peerExecutor);
        } else if (!method.equals("listing") && !method.equals("runtimeAlone")) {
            ours = OnnxEmbedder.builder().build();
        }
        printChunkStats(method, docs);
        if (method.equals("oursEmbedOnly")) {
            chunkTexts = ourChunkTexts();
        }
        if (method.equals("runtimeAlone")) {
            chunkTexts = ourChunkTexts();
            // As the ingestor's embed calls are split: DEFAULT_BATCH_SIZE chunks over one session per core.
            int threads = Runtime.getRuntime().availableProcessors();
            int perBatch = Math.min(OnnxEmbedder.DEFAULT_MAX_BATCH_SIZE,
                    (IngestorBuilder.DEFAULT_BATCH_SIZE + threads - 1) / threads);
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1)
                    .maxTokens(EmbedThroughputBenchmark.PEER_MAX_TOKENS).build()) {
                runtime = new RuntimeAlone(tokenizerOnly, chunkTexts, threads, perBatch);
            }
        }
        if (method.equals("oursUnchanged")) {
            newIngestor();
            IngestReport first = ingestor.run(BUCKET, PREFIX);
            check(first, ObjectOutcome.Status.INGESTED);
        }
        // These two take milliseconds: a single cold shot would time class loading and the JIT,
        // so they are warmed here (whatever -wi says), unmeasured.
        for (int i = 0; i < 20 && (method.equals("oursUnchanged") || method.equals("listing")); i++) {
            if (method.equals("listing")) {
                listing();
            } else {
                check(ingestor.run(BUCKET, PREFIX), ObjectOutcome.Status.UNCHANGED);
            }
        }
    }

    @Setup(Level.Iteration)
    public void setUpIteration(BenchmarkParams params) throws IOException {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.equals("ours")) {
            newIngestor();
        } else if (method.equals("peer")) {
            peerStore = new InMemoryEmbeddingStore<>();
            peerIngestor = EmbeddingStoreIngestor.builder()
                    .documentSplitter(DocumentSplitters.recursive(CHUNK_CHARS, OVERLAP_CHARS))
                    .embeddingModel(peer).embeddingStore(peerStore).build();
        }
    }

    @TearDown(Level.Iteration)
    public void tearDownIteration(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (method.equals("ours")) {
            // Not timed: a run that skipped or lost documents would make the figure meaningless.
            check(lastReport, ObjectOutcome.Status.INGESTED);
            closeIngestor();
        } else if (method.equals("oursUnchanged")) {
            check(lastReport, ObjectOutcome.Status.UNCHANGED);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        closeIngestor();
        if (ours != null) {
            ours.close();
        }
        if (peerExecutor != null) {
            peerExecutor.shutdown();
        }
        if (runtime != null) {
            runtime.close();
        }
        store.close();
        proxy.stop();
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Per operation of {@code ours}, measured inside the same run: nanoseconds spent in embed
     * calls and in the whole run. {@code 1 - embedNanos / wallNanos} is the non-embedding share
     * of wall time (embed calls run one at a time, so their sum never exceeds the wall time).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class EmbedShare {
        /** Nanoseconds inside the embedder during the operation. */
        public long embedNanos;
        /** Nanoseconds of the whole operation. */
        public long wallNanos;

        @Setup(Level.Iteration)
        public void clear() {
            embedNanos = 0;
            wallNanos = 0;
        }
    }

    @Benchmark
    public IngestReport ours(EmbedShare share) {
        long start = System.nanoTime();
        embedNanos.set(0);
        lastReport = ingestor.run(BUCKET, PREFIX);
        share.wallNanos += System.nanoTime() - start;
        share.embedNanos += embedNanos.get();
        return lastReport;
    }

    @Benchmark
    public Object peer() throws IOException {
        TextDocumentParser parser = new TextDocumentParser();
        List<Document> documents = new ArrayList<>();
        try (Stream<ObjectInfo> listing = store.list(BUCKET, ListOptions.recursive(PREFIX))) {
            for (ObjectInfo info : (Iterable<ObjectInfo>) listing::iterator) {
                byte[] bytes = store.getBytes(BUCKET, info.key());
                Document d = parser.parse(new ByteArrayInputStream(bytes));
                documents.add(Document.from(d.text(), Metadata.from("key", info.key())));
            }
        }
        return peerIngestor.ingest(documents);
    }

    @Benchmark
    public int oursEmbedOnly() {
        int size = IngestorBuilder.DEFAULT_BATCH_SIZE;
        int n = 0;
        for (int from = 0; from < chunkTexts.size(); from += size) {
            n += ours.embed(chunkTexts.subList(from, Math.min(chunkTexts.size(), from + size))).size();
        }
        return n;
    }

    /**
     * The same chunks on ONNX Runtime alone (see {@link RuntimeAlone}): the bound of any ingestor
     * whose embedder runs this model on this runtime at full precision.
     */
    @Benchmark
    public void runtimeAlone() {
        runtime.runAll();
    }

    @Benchmark
    public IngestReport oursUnchanged() {
        lastReport = ingestor.run(BUCKET, PREFIX);
        return lastReport;
    }

    @Benchmark
    public long listing() {
        try (Stream<ObjectInfo> listing = store.list(BUCKET, ListOptions.recursive(PREFIX))) {
            return listing.count();
        }
    }

    private void newIngestor() throws IOException {
        ledger = e6Ledger.equals("memory") ? new InMemoryLedger()
                : JdbcLedger.sqlite(Files.createTempFile(tmp, "ledger-", ".db"));
        index = InMemoryVectorStore.builder().build();
        ingestor = Ingestor.builder().objectStore(store).parsers(Parsers.standard())
                .chunker(chunker()).embedder(new TimedEmbedder(ours, embedNanos)).vectorStore(index).ledger(ledger).build();
    }

    private void closeIngestor() {
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
        if (index != null) {
            index.close();
            index = null;
        }
    }

    private void check(IngestReport report, ObjectOutcome.Status expected) {
        if (report == null || report.count(expected) != e6Docs || !report.isClean()) {
            throw new IllegalStateException("E6: expected " + e6Docs + " " + expected + " objects, got " + report);
        }
    }

    /** Adds the time of each embed call to a counter; everything else is the model's. */
    record TimedEmbedder(Embedder model, java.util.concurrent.atomic.AtomicLong nanos) implements Embedder {
        @Override
        public List<float[]> embed(List<String> texts) {
            long start = System.nanoTime();
            try {
                return model.embed(texts);
            } finally {
                nanos.addAndGet(System.nanoTime() - start);
            }
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public String fingerprint() {
            return model.fingerprint();
        }

        @Override
        public int maxTokens() {
            return model.maxTokens();
        }

        @Override
        public void close() {
            // the model is closed at tear-down
        }
    }

    static Chunker chunker() {
        return Chunkers.characters(CHUNK_CHARS, OVERLAP_CHARS);
    }

    static String key(int i) {
        return PREFIX + String.format("doc-%05d.txt", i);
    }

    /**
     * {@code count} documents of 2 to 8 KB: paragraphs of 2 to 6 corpus sentences chosen by a
     * seeded generator, up to a size drawn uniformly between 2,304 and 8,192 bytes (the corpus's
     * longest sentence is under 256 bytes, so none ends below 2 KB).
     */
    static List<String> documents(int count) {
        List<String> sentences = Corpus.sentences();
        Random random = new Random(SEED);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = 2304 + random.nextInt(8192 - 2304 + 1);
            StringBuilder doc = new StringBuilder(target);
            int inParagraph = 0;
            int paragraph = 2 + random.nextInt(5);
            while (true) {
                String s = sentences.get(random.nextInt(sentences.size()));
                String sep = doc.length() == 0 ? "" : inParagraph == paragraph ? "\n\n" : " ";
                if (doc.length() + sep.length() + s.length() > target) {
                    break;
                }
                if (sep.equals("\n\n")) {
                    inParagraph = 0;
                    paragraph = 2 + random.nextInt(5);
                }
                doc.append(sep).append(s);
                inParagraph++;
            }
            out.add(doc.toString());
        }
        return out;
    }

    private List<String> ourChunkTexts() {
        Parsers parsers = Parsers.standard();
        Chunker chunker = chunker();
        List<String> texts = new ArrayList<>();
        try (Stream<ObjectInfo> listing = store.list(BUCKET, ListOptions.recursive(PREFIX))) {
            for (ObjectInfo info : (Iterable<ObjectInfo>) listing::iterator) {
                for (Chunk c : chunker.chunk(parsers.parse(new StoredObject(store, info)))) {
                    texts.add(c.text());
                }
            }
        }
        return texts;
    }

    /** Prints both sides' chunk counts and our largest chunk in tokens, so fairness can be checked. */
    private void printChunkStats(String method, List<String> docs) {
        if (ours == null) {
            return;
        }
        long bytes = docs.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        Chunker chunker = chunker();
        DocumentSplitter splitter = DocumentSplitters.recursive(CHUNK_CHARS, OVERLAP_CHARS);
        long ourChunks = 0;
        long peerChunks = 0;
        int maxTokens = 0;
        for (String d : docs) {
            for (Chunk c : chunker.chunk(dev.aio.core.document.Document.builder(
                    dev.aio.core.document.DocumentSource.named("doc.txt", "text/plain"), "text", d).build())) {
                ourChunks++;
                maxTokens = Math.max(maxTokens, ours.tokenizer().count(c.text()) + ours.tokenizer().specialTokens());
            }
            peerChunks += splitter.split(Document.from(d)).size();
        }
        System.out.printf("%nE6 setup (%s): %d documents, %d bytes, chunks ours=%d peer=%d, largest chunk %d tokens%n",
                method, docs.size(), bytes, ourChunks, peerChunks, maxTokens);
    }
}
