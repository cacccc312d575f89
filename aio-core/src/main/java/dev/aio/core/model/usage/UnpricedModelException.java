package dev.aio.core.model.usage;

import dev.aio.core.NonRetriableException;
import dev.aio.core.pipeline.FatalFailure;

/**
 * A run has a cost {@link Budget}, but a model it called has no price in the ledger's
 * {@link PriceTable}, so its spend cannot be counted against the budget. The call's tokens are
 * recorded; the run stops rather than spend money it cannot count. Not retriable, and
 * {@linkplain FatalFailure fatal to a pipeline run}.
 */
public class UnpricedModelException extends NonRetriableException implements FatalFailure {

    private final String modelId;

    /**
     * @param runId the run with a cost budget
     * @param modelId the model without a price
     * @param prices the table that lacks it
     */
    public UnpricedModelException(String runId, String modelId, PriceTable prices) {
        super("run '" + runId + "' has a cost budget but model '" + modelId + "' has no price in " + prices
                + "; add it with PriceTable.Builder.price(\"" + modelId + "\", input, output) or set a defaultPrice");
        this.modelId = modelId;
    }

    /** @return the model without a price */
    public String modelId() {
        return modelId;
    }
}
