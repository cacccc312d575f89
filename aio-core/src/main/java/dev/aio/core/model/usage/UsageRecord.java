package dev.aio.core.model.usage;

import dev.aio.core.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model call as the ledger saw it.
 *
 * @param scope whom the call is charged to
 * @param modelId the model that answered
 * @param usage the tokens it consumed, as the provider reported them
 * @param cost the estimated cost in the price table's currency; zero when the model is unpriced
 * @param priced whether the price table had a price for the model
 */
public record UsageRecord(UsageScope scope, String modelId, TokenUsage usage, BigDecimal cost, boolean priced) {

    /** Validates that no component is null. */
    public UsageRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
    }
}
