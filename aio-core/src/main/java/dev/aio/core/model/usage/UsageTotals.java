package dev.aio.core.model.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Summed usage of many calls.
 *
 * @param calls how many calls were recorded
 * @param inputTokens prompt tokens in all
 * @param outputTokens generated tokens in all
 * @param cost estimated cost in all, in the price table's currency
 * @param unpricedCalls calls whose model had no price, so their cost is missing from {@code cost}
 */
public record UsageTotals(long calls, long inputTokens, long outputTokens, BigDecimal cost, long unpricedCalls) {

    /** Nothing recorded. */
    public static final UsageTotals NONE = new UsageTotals(0, 0, 0, BigDecimal.ZERO, 0);

    /** Validates the cost is present. */
    public UsageTotals {
        Objects.requireNonNull(cost, "cost");
    }

    /** @return input and output tokens together */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
