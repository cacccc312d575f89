package dev.aio.core.model.usage;

import dev.aio.core.NonRetriableException;
import dev.aio.core.pipeline.FatalFailure;
import java.math.BigDecimal;

/**
 * A run spent its {@link Budget}. Thrown by the call that went over (which is still recorded:
 * it was paid for) and by every later call of the run, before the model is asked. Not retriable,
 * and {@linkplain FatalFailure fatal to a pipeline run}: the engine stops the run at the first
 * one instead of dead-lettering every remaining item.
 */
public class BudgetExceededException extends NonRetriableException implements FatalFailure {

    private final String runId;
    private final transient Budget budget;
    private final long spentTokens;
    private final BigDecimal spentCost;

    /**
     * @param runId the run whose budget is spent
     * @param budget its budget
     * @param spentTokens tokens recorded for the run so far
     * @param spentCost cost recorded for the run so far
     * @param what which call met the limit, in words
     */
    public BudgetExceededException(String runId, Budget budget, long spentTokens, BigDecimal spentCost,
            String what) {
        super("usage budget of run '" + runId + "' is spent: " + spentTokens + " tokens and cost "
                + spentCost.toPlainString() + " recorded against " + budget + "; " + what
                + ". The run stops; raise the budget (UsageLedger.Builder.runBudget) or reduce the work.");
        this.runId = runId;
        this.budget = budget;
        this.spentTokens = spentTokens;
        this.spentCost = spentCost;
    }

    /** @return the run whose budget is spent */
    public String runId() {
        return runId;
    }

    /** @return the budget that was spent */
    public Budget budget() {
        return budget;
    }

    /** @return tokens recorded for the run when this was thrown */
    public long spentTokens() {
        return spentTokens;
    }

    /** @return cost recorded for the run when this was thrown */
    public BigDecimal spentCost() {
        return spentCost;
    }
}
