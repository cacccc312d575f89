package dev.aio.core.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.pipeline.FatalFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UsageLedgerTest {

    private static final PriceTable PRICES = PriceTable.builder()
            .price("small", "0.15", "0.60")
            .price("big", "2.50", "10.00")
            .build();

    @Test
    void aCallCostsItsTokensAtThePerMillionPricesOfItsModel() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).build();
        UsageRecord r = ledger.record(UsageScope.of("run-1", "summarize"), "big", new TokenUsage(1_000, 200));
        // 1000 * 2.50 / 1e6 + 200 * 10.00 / 1e6 = 0.0025 + 0.002
        assertThat(r.cost()).isEqualByComparingTo("0.0045");
        assertThat(r.priced()).isTrue();
        assertThat(ledger.total().cost()).isEqualByComparingTo("0.0045");
    }

    @Test
    void usageIsSummedPerRunTenantStageAndModel() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).build();
        ledger.record(new UsageScope("run-1", "acme", "summarize"), "small", new TokenUsage(100, 10));
        ledger.record(new UsageScope("run-1", "globex", "answer"), "big", new TokenUsage(200, 20));
        ledger.record(new UsageScope("run-2", "acme", "answer"), "small", new TokenUsage(300, 30));

        assertThat(ledger.byRun().keySet()).containsExactly("run-1", "run-2");
        assertThat(ledger.run("run-1").totalTokens()).isEqualTo(330);
        assertThat(ledger.byTenant().get("acme").inputTokens()).isEqualTo(400);
        assertThat(ledger.byTenant().get("globex").calls()).isEqualTo(1);
        assertThat(ledger.byStage().get("answer").outputTokens()).isEqualTo(50);
        assertThat(ledger.byModel().get("small").cost()).isEqualByComparingTo(
                new BigDecimal("0.000060").add(new BigDecimal("0.000024")));
        assertThat(ledger.total().calls()).isEqualTo(3);
        assertThat(ledger.run("never")).isEqualTo(UsageTotals.NONE);
    }

    @Test
    void anUnpricedModelCostsNothingButIsCountedAsUnpriced() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).build();
        UsageRecord r = ledger.record(UsageScope.of("run", "s"), "mystery", new TokenUsage(5, 5));
        assertThat(r.priced()).isFalse();
        assertThat(ledger.total().unpricedCalls()).isEqualTo(1);
        assertThat(ledger.total().cost()).isEqualByComparingTo("0");
    }

    @Test
    void aMeteredModelChargesThePromptsTenantAndTheAnsweringModel() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).build();
        LanguageModel metered = ledger.meter(ScriptedModel.echo("small"), UsageScope.of("run", "answer"));
        metered.generate(Prompt.builder().user("hi").tenant("acme").build());
        metered.stream(Prompt.of("hello"), piece -> { });

        assertThat(ledger.byTenant().keySet()).containsExactly("(none)", "acme");
        assertThat(ledger.byModel().get("small").calls()).isEqualTo(2);
        assertThat(ledger.byStage().get("answer").totalTokens()).isEqualTo(30);
    }

    /** Counts one token per word; the model adds two special tokens per text. */
    private static final dev.aio.core.model.Tokenizer WORDS = new dev.aio.core.model.Tokenizer() {
        @Override
        public int count(String text) {
            return text.isBlank() ? 0 : text.trim().split("\\s+").length;
        }

        @Override
        public int[] encode(String text) {
            return new int[count(text)];
        }

        @Override
        public List<dev.aio.core.model.TextWindow> split(String text, int maxTokens, int overlapTokens) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int specialTokens() {
            return 2;
        }
    };

    @Test
    void aMeteredEmbedderChargesEachTextsTokensCappedAtTheModelsLimitBehindItsCache() {
        PriceTable prices = PriceTable.builder().price("test/counting", "0.02", "0").build();
        UsageLedger ledger = UsageLedger.builder().prices(prices).build();
        dev.aio.core.model.Embedder model = new dev.aio.core.model.Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return texts.stream().map(t -> new float[] {t.length()}).toList();
            }

            @Override
            public int dimensions() {
                return 1;
            }

            @Override
            public String modelId() {
                return "test/counting";
            }

            @Override
            public String fingerprint() {
                return "fp";
            }

            @Override
            public int maxTokens() {
                return 5;
            }

            @Override
            public void close() {
            }
        };
        dev.aio.core.model.Embedder metered = ledger.meter(model, UsageScope.of("run", "embed"), WORDS);
        dev.aio.core.model.Embedder cached = dev.aio.core.model.cache.CachingEmbedder.builder(metered).build();

        // "one two" = 2 + 2 special; "a b c d e f" = 6 + 2, capped at 5
        cached.embed(List.of("one two", "a b c d e f"));
        cached.embed(List.of("one two"));
        assertThat(ledger.byStage().get("embed")).isEqualTo(new UsageTotals(1, 9, 0, new BigDecimal("0.00000018"), 0));
        assertThat(cached.fingerprint()).isEqualTo("fp");
    }

    @Test
    void meteringAndCachingHandOnTheModelsOwnTokenizer() {
        dev.aio.core.testing.HashEmbedder hashes = new dev.aio.core.testing.HashEmbedder("m", 4);
        dev.aio.core.model.Embedder model = new dev.aio.core.model.Embedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return hashes.embed(texts);
            }

            @Override
            public int dimensions() {
                return hashes.dimensions();
            }

            @Override
            public String modelId() {
                return hashes.modelId();
            }

            @Override
            public String fingerprint() {
                return hashes.fingerprint();
            }

            @Override
            public int maxTokens() {
                return hashes.maxTokens();
            }

            @Override
            public java.util.Optional<dev.aio.core.model.Tokenizer> modelTokenizer() {
                return java.util.Optional.of(WORDS);
            }

            @Override
            public void close() {
            }
        };
        UsageLedger ledger = UsageLedger.builder().build();
        dev.aio.core.model.Embedder wrapped = dev.aio.core.model.cache.CachingEmbedder
                .builder(ledger.meter(model, UsageScope.of("run", "embed"), WORDS)).build();
        assertThat(wrapped.modelTokenizer()).containsSame(WORDS);
        assertThat(dev.aio.core.model.cache.CachingEmbedder.builder(hashes).build().modelTokenizer()).isEmpty();
    }

    @Test
    void theCallThatGoesOverTheBudgetIsRecordedAndFailsAndLaterCallsNeverReachTheModel() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).runBudget(Budget.ofTokens(40)).build();
        ScriptedModel model = ScriptedModel.echo("small"); // 15 tokens a call
        LanguageModel metered = ledger.meter(model, UsageScope.of("run-1", "answer"));

        metered.generate(Prompt.of("a"));
        metered.generate(Prompt.of("b"));
        assertThatThrownBy(() -> metered.generate(Prompt.of("c")))
                .isInstanceOf(BudgetExceededException.class)
                .isInstanceOf(NonRetriableException.class)
                .isInstanceOf(FatalFailure.class)
                .hasMessageContaining("run 'run-1'")
                .hasMessageContaining("45 tokens")
                .hasMessageContaining("went over it");
        assertThat(ledger.run("run-1").totalTokens()).isEqualTo(45);

        assertThatThrownBy(() -> metered.generate(Prompt.of("d")))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("refused before it reached the model");
        assertThat(model.calls()).isEqualTo(3);

        // The budget is per run: another run starts afresh.
        ledger.meter(model, UsageScope.of("run-2", "answer")).generate(Prompt.of("e"));
        assertThat(model.calls()).isEqualTo(4);
    }

    @Test
    void aCostBudgetStopsTheRunOnceTheEstimatedCostPassesIt() {
        // "big" costs 10 * 2.5e-6 + 5 * 1e-5 = 0.000075 a call; 0.0002 allows two calls, not three.
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).runBudget(Budget.ofCost(new BigDecimal("0.0002")))
                .build();
        LanguageModel metered = ledger.meter(ScriptedModel.echo("big"), UsageScope.of("run", "s"));
        metered.generate(Prompt.of("a"));
        metered.generate(Prompt.of("b"));
        BudgetExceededException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> metered.generate(Prompt.of("c")), BudgetExceededException.class);
        assertThat(e.spentCost()).isEqualByComparingTo("0.000225");
        assertThat(e.runId()).isEqualTo("run");
    }

    @Test
    void aCostBudgetRefusesToCountAModelWithoutAPrice() {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).runBudget(Budget.ofCost(BigDecimal.ONE)).build();
        LanguageModel metered = ledger.meter(ScriptedModel.echo("mystery"), UsageScope.of("run", "s"));
        assertThatThrownBy(() -> metered.generate(Prompt.of("a")))
                .isInstanceOf(UnpricedModelException.class)
                .isInstanceOf(FatalFailure.class)
                .hasMessageContaining("model 'mystery' has no price");
        assertThat(ledger.total().calls()).isEqualTo(1);
    }

    @Test
    void concurrentRecordsSumExactly() throws Exception {
        UsageLedger ledger = UsageLedger.builder().prices(PRICES).build();
        int threads = 8;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tenant = "t" + (t % 3);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ledger.record(new UsageScope("run", tenant, i % 2 == 0 ? "even" : "odd"), "small",
                                new TokenUsage(3, 7));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long calls = (long) threads * perThread;
        assertThat(ledger.total().calls()).isEqualTo(calls);
        assertThat(ledger.total().inputTokens()).isEqualTo(3 * calls);
        assertThat(ledger.total().outputTokens()).isEqualTo(7 * calls);
        // 3 * 0.15e-6 + 7 * 0.60e-6 = 4.65e-6 per call, exact in nano-units
        assertThat(ledger.total().cost()).isEqualByComparingTo(new BigDecimal("0.00000465").multiply(
                BigDecimal.valueOf(calls)));
        assertThat(ledger.byStage().get("even").calls() + ledger.byStage().get("odd").calls()).isEqualTo(calls);
        assertThat(ledger.byTenant().values().stream().mapToLong(UsageTotals::calls).sum()).isEqualTo(calls);
    }

    @Test
    void budgetsAndPriceTablesExplainWhatTheyRefuse() {
        assertThatThrownBy(() -> Budget.ofTokens(0)).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> Budget.ofTokens(5).andTokens(6)).hasMessageContaining("already limits tokens to 5");
        assertThatThrownBy(() -> PriceTable.builder().price("m", "1", "1").price("m", "2", "2"))
                .hasMessageContaining("'m' is already priced");
        assertThatThrownBy(() -> ModelPrice.of("-1", "0")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> UsageLedger.builder().runBudget(Budget.ofTokens(1)).runBudget(Budget.ofTokens(2)))
                .hasMessageContaining("already Budget[1 tokens]");
        assertThat(Budget.ofTokens(10).andCost(new BigDecimal("2.50")).toString())
                .isEqualTo("Budget[10 tokens, cost 2.5]");
    }
}
