package dev.aio.benchmarks;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Answerer;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorRecord;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.vector.memory.InMemoryVectorStore;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * E7: a question end to end, embed, top-10 search over {@code e7Chunks} chunks, prompt, stub LLM
 * with a fixed 1 ms delay, p50 (SampleTime).
 *
 * <ul>
 *   <li>{@link #ours}: {@link Answerer} over a {@link Retriever} with {@link OnnxEmbedder} and
 *       {@link InMemoryVectorStore}, the stub as an aio {@code LanguageModel}.</li>
 *   <li>{@link #peer}: langchain4j's {@code EmbeddingStoreContentRetriever} with
 *       {@code AllMiniLmL6V2EmbeddingModel} over {@code InMemoryEmbeddingStore}, its
 *       {@code DefaultContentInjector} for the prompt, the same stub as a {@code ChatModel}.</li>
 *   <li>{@link #oursOverhead}: ours with everything but embedding and search: an embedder that
 *       returns a precomputed vector, a store that returns precomputed hits of the same corpus,
 *       and the stub without its delay; BENCHMARKS.md allows this at most 0.2 ms.</li>
 * </ul>
 *
 * Both stores hold the same chunks: corpus sentences with random unit vectors (the search's cost
 * does not depend on what the vectors mean), while each side embeds the query with its own
 * MiniLM embedder, as a user's query would be. Each method has its own state, so a fork builds
 * only the index it measures.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryBenchmark {

    static final int DIMENSIONS = 384;
    static final int TOP_K = 10;
    static final long LLM_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The stored chunks, identical on both sides; {@code run.sh quick} uses 20k, full 100k. */
    @State(Scope.Benchmark)
    public static class Chunks {
        @Param("100000")
        public int e7Chunks;
        List<String> texts;
        float[][] vectors;

        @Setup(Level.Trial)
        public void setUp() {
            List<String> sentences = Corpus.sentences();
            Random random = new Random(7);
            texts = new ArrayList<>(e7Chunks);
            vectors = new float[e7Chunks][];
            for (int i = 0; i < e7Chunks; i++) {
                texts.add(sentences.get(i % sentences.size()) + " (" + i + ")");
                vectors[i] = unit(random);
            }
        }

        static float[] unit(Random random) {
            float[] v = new float[DIMENSIONS];
            double norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
                norm += v[i] * v[i];
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
            return v;
        }

        VectorRecord record(int i) {
            return VectorRecord.of("c" + i, vectors[i], texts.get(i), Map.of("bucket", "docs", "key", "doc-" + i / 10
                    + ".md", "chunkIndex", (long) (i % 10)));
        }
    }

    /** The questions, cycled. */
    @State(Scope.Thread)
    public static class Questions {
        List<String> texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            try (OnnxEmbedder tokenizerOnly = OnnxEmbedder.builder().sessions(1).build()) {
                texts = Corpus.queries(tokenizerOnly.tokenizer(), 8, 32);
            }
        }

        String next() {
            String q = texts.get(next);
            next = (next + 1) % texts.size();
            return q;
        }
    }

    /** Our side. */
    @State(Scope.Benchmark)
    public static class Ours {
        OnnxEmbedder embedder;
        InMemoryVectorStore store;
        Answerer answerer;

        @Setup(Level.Trial)
        public void setUp(Chunks chunks) {
            embedder = OnnxEmbedder.builder().build();
            store = InMemoryVectorStore.builder().build();
            List<VectorRecord> batch = new ArrayList<>();
            for (int i = 0; i < chunks.e7Chunks; i++) {
                batch.add(chunks.record(i));
                if (batch.size() == 10_000) {
                    store.upsert(batch);
                    batch.clear();
                }
            }
            store.upsert(batch);
            Retriever retriever = Retriever.builder().embedder(embedder).vectorStore(store).build();
            answerer = Answerer.builder().retriever(retriever).languageModel(QueryStubs.aioModel(LLM_DELAY_NANOS)).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
            embedder.close();
        }
    }

    /** Our side without embedding and search. */
    @State(Scope.Benchmark)
    public static class OursOverhead {
        Answerer answerer;

        @Setup(Level.Trial)
        public void setUp(Chunks chunks) {
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < TOP_K; i++) {
                hits.add(new SearchHit(chunks.record(i * 997 % chunks.e7Chunks), 0.9 - i * 0.01));
            }
            Retriever retriever = Retriever.builder().embedder(QueryStubs.fixedEmbedder(chunks.vectors[0]))
                    .vectorStore(new QueryStubs.FixedHitsStore(hits)).build();
            answerer = Answerer.builder().retriever(retriever).languageModel(QueryStubs.aioModel(0)).build();
        }
    }

    /** langchain4j's side. */
    @State(Scope.Benchmark)
    public static class Peer {
        EmbeddingStoreContentRetriever retriever;
        DefaultContentInjector injector;
        ChatModel model;

        @Setup(Level.Trial)
        public void setUp(Chunks chunks) {
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            List<String> ids = new ArrayList<>();
            List<Embedding> embeddings = new ArrayList<>();
            List<TextSegment> segments = new ArrayList<>();
            for (int i = 0; i < chunks.e7Chunks; i++) {
                ids.add("c" + i);
                embeddings.add(Embedding.from(chunks.vectors[i]));
                segments.add(TextSegment.from(chunks.texts.get(i), new Metadata().put("bucket", "docs")
                        .put("key", "doc-" + i / 10 + ".md").put("chunkIndex", (long) (i % 10))));
            }
            store.addAll(ids, embeddings, segments);
            retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store)
                    .embeddingModel(new AllMiniLmL6V2EmbeddingModel()).maxResults(TOP_K).build();
            injector = DefaultContentInjector.builder().build();
            model = QueryStubs.chatModel(LLM_DELAY_NANOS);
        }
    }

    @Benchmark
    public Answer ours(Ours ours, Questions questions) {
        return ours.answerer.answer(RetrievalRequest.builder(questions.next()).topK(TOP_K).build());
    }

    @Benchmark
    public Answer oursOverhead(OursOverhead ours, Questions questions) {
        return ours.answerer.answer(RetrievalRequest.builder(questions.next()).topK(TOP_K).build());
    }

    @Benchmark
    public String peer(Peer peer, Questions questions) {
        String question = questions.next();
        List<Content> contents = peer.retriever.retrieve(Query.from(question));
        ChatMessage prompt = peer.injector.inject(contents, UserMessage.from(question));
        return peer.model.chat(prompt).aiMessage().text();
    }
}
