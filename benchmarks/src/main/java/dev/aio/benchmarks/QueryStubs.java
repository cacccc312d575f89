package dev.aio.benchmarks;

import dev.aio.core.model.Embedder;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.vector.AbstractVectorStore;
import dev.aio.core.vector.Capabilities;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/**
 * E7's stand-ins ({@link QueryBenchmark}): the stub LLM both sides call, and, for the overhead
 * case, an embedder and a store that cost nothing, so only our orchestration is left to time.
 */
final class QueryStubs {

    static final String ANSWER = "stub answer";

    private QueryStubs() {
    }

    /**
     * The LLM's fixed delay: a busy wait, not a sleep, because a sleep overshoots by a scheduler
     * tick that differs from call to call; the prompt's length is read so neither side can skip
     * building it.
     */
    static int llm(String prompt, long delayNanos) {
        long end = System.nanoTime() + delayNanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return prompt.length();
    }

    /** The stub LLM as an aio model. */
    static LanguageModel aioModel(long delayNanos) {
        return new LanguageModel() {
            @Override
            public Generation generate(Prompt prompt) {
                int chars = 0;
                for (var m : prompt.messages()) {
                    chars += llm(m.text(), 0);
                }
                llm("", delayNanos);
                return new Generation(ANSWER, FinishReason.STOP, new TokenUsage(chars / 4, 2), "stub-llm");
            }

            @Override
            public String modelId() {
                return "stub-llm";
            }
        };
    }

    /** The stub LLM as a langchain4j chat model. */
    static ChatModel chatModel(long delayNanos) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                for (var m : request.messages()) {
                    llm(m.toString(), 0);
                }
                llm("", delayNanos);
                return ChatResponse.builder().aiMessage(AiMessage.from(ANSWER)).build();
            }
        };
    }

    /** An embedder that returns one precomputed vector for any text. */
    static Embedder fixedEmbedder(float[] vector) {
        return new Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return texts.stream().map(t -> vector).toList();
            }

            @Override
            public int dimensions() {
                return vector.length;
            }

            @Override
            public String modelId() {
                return "fixed";
            }

            @Override
            public String fingerprint() {
                return "fixed";
            }

            @Override
            public int maxTokens() {
                return 512;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A store whose every search returns the same precomputed hits (still validated by AbstractVectorStore). */
    static final class FixedHitsStore extends AbstractVectorStore {
        private final List<SearchHit> hits;

        FixedHitsStore(List<SearchHit> hits) {
            super("fixed-hits", hits.get(0).record().dimensions());
            this.hits = List.copyOf(hits);
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().allFilterOperators().build();
        }

        @Override
        protected List<SearchHit> doSearch(VectorQuery query) {
            return hits.size() > query.topK() ? hits.subList(0, query.topK()) : hits;
        }

        @Override
        protected void doUpsert(List<VectorRecord> records) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        protected int doDelete(String tenant, List<String> ids) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        protected int doDelete(String tenant, Filter filter) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        protected int doDeleteAll(String tenant) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        protected List<VectorRecord> doGet(String tenant, List<String> ids) {
            return List.of();
        }

        @Override
        protected long doCount(String tenant, Filter filter) {
            return hits.size();
        }

        @Override
        protected void doClose() {
        }
    }
}
