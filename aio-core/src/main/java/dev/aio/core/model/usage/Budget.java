package dev.aio.core.model.usage;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A hard limit on what one run may spend: total tokens (input plus output), money in the price
 * table's currency, or both. Immutable.
 *
 * <pre>{@code
 * Budget b = Budget.ofTokens(2_000_000).andCost(new BigDecimal("5.00"));
 * }</pre>
 *
 * @see UsageLedger.Builder#runBudget(Budget)
 */
public final class Budget {

    private final long maxTokens;
    private final long maxCostNanos;

    private Budget(long maxTokens, long maxCostNanos) {
        this.maxTokens = maxTokens;
        this.maxCostNanos = maxCostNanos;
    }

    /**
     * A budget of tokens.
     *
     * @param maxTokens the most tokens a run may spend, input and output together; at least 1
     * @return the budget
     * @throws IllegalArgumentException when {@code maxTokens < 1}
     */
    public static Budget ofTokens(long maxTokens) {
        return new Budget(requireTokens(maxTokens), -1);
    }

    /**
     * A budget of money.
     *
     * @param maxCost the most a run may spend, positive, in the price table's currency
     * @return the budget
     * @throws IllegalArgumentException when not positive
     */
    public static Budget ofCost(BigDecimal maxCost) {
        return new Budget(-1, requireCost(maxCost));
    }

    /**
     * This budget with a token limit too.
     *
     * @param maxTokens at least 1
     * @return a new budget
     * @throws IllegalStateException when this budget already limits tokens
     */
    public Budget andTokens(long maxTokens) {
        if (this.maxTokens >= 0) {
            throw new IllegalStateException("Budget already limits tokens to " + this.maxTokens + "; set it once");
        }
        return new Budget(requireTokens(maxTokens), maxCostNanos);
    }

    /**
     * This budget with a cost limit too.
     *
     * @param maxCost positive
     * @return a new budget
     * @throws IllegalStateException when this budget already limits cost
     */
    public Budget andCost(BigDecimal maxCost) {
        if (maxCostNanos >= 0) {
            throw new IllegalStateException("Budget already limits cost to " + Money.fromNanos(maxCostNanos)
                    + "; set it once");
        }
        return new Budget(maxTokens, requireCost(maxCost));
    }

    /** @return the token limit, or empty when tokens are not limited */
    public OptionalLong maxTokens() {
        return maxTokens < 0 ? OptionalLong.empty() : OptionalLong.of(maxTokens);
    }

    /** @return the cost limit, or empty when cost is not limited */
    public Optional<BigDecimal> maxCost() {
        return maxCostNanos < 0 ? Optional.empty() : Optional.of(Money.fromNanos(maxCostNanos));
    }

    boolean limitsCost() {
        return maxCostNanos >= 0;
    }

    /** Whether spending this much is over the limit (spending exactly the limit is allowed). */
    boolean isExceededBy(long tokens, long costNanos) {
        return (maxTokens >= 0 && tokens > maxTokens) || (maxCostNanos >= 0 && costNanos > maxCostNanos);
    }

    /** Whether any further call would go over: a limit is reached exactly or passed. */
    boolean isSpentBy(long tokens, long costNanos) {
        return (maxTokens >= 0 && tokens >= maxTokens) || (maxCostNanos >= 0 && costNanos >= maxCostNanos);
    }

    private static long requireTokens(long maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("Budget token limit must be at least 1, got " + maxTokens);
        }
        return maxTokens;
    }

    private static long requireCost(BigDecimal maxCost) {
        Objects.requireNonNull(maxCost, "maxCost");
        if (maxCost.signum() <= 0) {
            throw new IllegalArgumentException("Budget cost limit must be positive, got " + maxCost);
        }
        return Money.toNanos(maxCost);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Budget b && b.maxTokens == maxTokens && b.maxCostNanos == maxCostNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(maxTokens) * 31 + Long.hashCode(maxCostNanos);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Budget[");
        if (maxTokens >= 0) {
            s.append(maxTokens).append(" tokens");
        }
        if (maxCostNanos >= 0) {
            s.append(maxTokens >= 0 ? ", " : "").append("cost ").append(Money.fromNanos(maxCostNanos).toPlainString());
        }
        return s.append(']').toString();
    }
}
