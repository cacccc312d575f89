package dev.aio.core.model.usage;

import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.model.Tokenizer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the token usage and estimated cost of model calls and sums them per run, tenant, stage
 * and model; enforces an optional per-run {@link Budget}. Thread-safe: any number of threads may
 * record at once, and the sums are exact once their calls have returned.
 *
 * <p>Calls reach the ledger through {@link #meter(LanguageModel, UsageScope)}, or directly through
 * {@link #record} for providers it does not wrap. The ledger keeps sums, not records: pass
 * {@link Builder#onRecord} to keep or export each call.
 *
 * <p>Budget semantics: a call is refused before it is made when its run has already reached a
 * limit; a call that takes the run over a limit is recorded (it was paid for) and then fails.
 * Either way the failure is a {@link BudgetExceededException}, which stops a pipeline run. Calls
 * already in flight when the limit is crossed still complete, so a run overshoots by at most the
 * calls running at that moment.
 */
public final class UsageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);

    private final PriceTable prices;
    private final Budget runBudget;
    private final Consumer<UsageRecord> onRecord;
    private final Account total = new Account();
    private final Map<String, Account> runs = new ConcurrentHashMap<>();
    private final Map<String, Account> tenants = new ConcurrentHashMap<>();
    private final Map<String, Account> stages = new ConcurrentHashMap<>();
    private final Map<String, Account> models = new ConcurrentHashMap<>();

    private UsageLedger(Builder b) {
        this.prices = b.prices;
        this.runBudget = b.runBudget;
        this.onRecord = b.onRecord;
    }

    /**
     * Starts a ledger.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Wraps a model so that each of its calls is recorded under a scope. A prompt's own
     * {@linkplain dev.aio.core.model.Prompt#tenant() tenant} replaces the scope's.
     *
     * @param model the model to meter
     * @param scope whom its calls are charged to
     * @return the metered model
     */
    public LanguageModel meter(LanguageModel model, UsageScope scope) {
        return new MeteredLanguageModel(model, this, scope);
    }

    /**
     * Wraps an embedder so that each of its calls is recorded under a scope, its texts counted
     * with the model's tokenizer as input tokens (embedders report no usage of their own). Put a
     * cache outside the metered embedder, so that cached texts are not charged.
     *
     * @param embedder the embedder to meter
     * @param scope whom its calls are charged to
     * @param tokenizer counts the texts as the model does
     * @return the metered embedder, with the wrapped one's fingerprint
     */
    public Embedder meter(Embedder embedder, UsageScope scope, Tokenizer tokenizer) {
        return new MeteredEmbedder(embedder, this, scope, tokenizer);
    }

    /**
     * Refuses a call before it is made when its run has already reached its budget.
     *
     * @param scope the call's scope
     * @throws BudgetExceededException when the run's budget is spent
     */
    public void checkBudget(UsageScope scope) {
        if (runBudget == null) {
            return;
        }
        Account run = runs.get(scope.runId());
        if (run != null && runBudget.isSpentBy(run.tokens(), run.costNanos())) {
            throw new BudgetExceededException(scope.runId(), runBudget, run.tokens(), Money.fromNanos(run.costNanos()),
                    "a call of stage '" + scope.stage() + "' was refused before it reached the model");
        }
    }

    /**
     * Records one call.
     *
     * @param scope whom the call is charged to
     * @param modelId the model that answered
     * @param usage the tokens it consumed
     * @return the record
     * @throws BudgetExceededException after recording, when this call took the run over its budget
     * @throws UnpricedModelException after recording, when the run has a cost budget and the
     *     model no price
     */
    public UsageRecord record(UsageScope scope, String modelId, TokenUsage usage) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(usage, "usage");
        Optional<ModelPrice> price = prices.priceOf(modelId);
        BigDecimal cost = price.map(p -> p.costOf(usage)).orElse(BigDecimal.ZERO);
        long nanos = Money.toNanos(cost);
        boolean priced = price.isPresent();
        long in = usage.inputTokens();
        long out = usage.outputTokens();
        total.add(in, out, nanos, priced);
        long[] run = account(runs, scope.runId()).add(in, out, nanos, priced);
        account(tenants, scope.tenant()).add(in, out, nanos, priced);
        account(stages, scope.stage()).add(in, out, nanos, priced);
        account(models, modelId).add(in, out, nanos, priced);
        UsageRecord record = new UsageRecord(scope, modelId, usage, Money.fromNanos(nanos), priced);
        if (onRecord != null) {
            try {
                onRecord.accept(record);
            } catch (RuntimeException e) {
                // A broken exporter must not turn a paid, successful call into a failure.
                LOG.warn("usage ledger: the onRecord consumer failed for {}", record, e);
            }
        }
        if (runBudget != null) {
            if (!priced && runBudget.limitsCost()) {
                throw new UnpricedModelException(scope.runId(), modelId, prices);
            }
            if (runBudget.isExceededBy(run[0], run[1])) {
                throw new BudgetExceededException(scope.runId(), runBudget, run[0], Money.fromNanos(run[1]),
                        "the call to model '" + modelId + "' of stage '" + scope.stage() + "' went over it");
            }
        }
        return record;
    }

    private static Account account(Map<String, Account> map, String key) {
        return map.computeIfAbsent(key, k -> new Account());
    }

    /** @return everything recorded */
    public UsageTotals total() {
        return total.totals();
    }

    /**
     * One run's totals.
     *
     * @param runId the run
     * @return its totals, {@link UsageTotals#NONE} when nothing was recorded for it
     */
    public UsageTotals run(String runId) {
        Account a = runs.get(runId);
        return a == null ? UsageTotals.NONE : a.totals();
    }

    /** @return totals per run id, sorted by id */
    public Map<String, UsageTotals> byRun() {
        return snapshot(runs);
    }

    /** @return totals per tenant, sorted by tenant */
    public Map<String, UsageTotals> byTenant() {
        return snapshot(tenants);
    }

    /** @return totals per stage, sorted by stage name */
    public Map<String, UsageTotals> byStage() {
        return snapshot(stages);
    }

    /** @return totals per answering model, sorted by model id */
    public Map<String, UsageTotals> byModel() {
        return snapshot(models);
    }

    /** @return the prices costs are estimated from */
    public PriceTable prices() {
        return prices;
    }

    /** @return the per-run budget, or empty for none */
    public Optional<Budget> runBudget() {
        return Optional.ofNullable(runBudget);
    }

    private static Map<String, UsageTotals> snapshot(Map<String, Account> map) {
        Map<String, UsageTotals> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.totals()));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return "UsageLedger[" + total() + (runBudget == null ? "" : ", runBudget=" + runBudget) + "]";
    }

    /** Builds a {@link UsageLedger}; not thread-safe. */
    public static final class Builder {

        private PriceTable prices = PriceTable.EMPTY;
        private Budget runBudget;
        private Consumer<UsageRecord> onRecord;

        private Builder() {
        }

        /**
         * Sets the prices costs are estimated from; without it every model is unpriced.
         *
         * @param table the price table
         * @return this builder
         */
        public Builder prices(PriceTable table) {
            this.prices = Objects.requireNonNull(table, "prices");
            return this;
        }

        /**
         * Limits what each run may spend; the same limit applies to every run id separately.
         *
         * @param budget the limit
         * @return this builder
         * @throws IllegalStateException when a budget was already set
         */
        public Builder runBudget(Budget budget) {
            if (runBudget != null) {
                throw new IllegalStateException("UsageLedger.runBudget is already " + runBudget + "; set it once");
            }
            this.runBudget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /**
         * Hands every record to a consumer, on the calling thread, after the sums are updated;
         * for logs or exports. It must be thread-safe; an exception it throws is logged and ignored.
         *
         * @param consumer the consumer
         * @return this builder
         */
        public Builder onRecord(Consumer<UsageRecord> consumer) {
            this.onRecord = Objects.requireNonNull(consumer, "onRecord");
            return this;
        }

        /**
         * Builds the ledger.
         *
         * @return the ledger, empty
         */
        public UsageLedger build() {
            return new UsageLedger(this);
        }
    }
}
