package dev.aio.core.model.usage;

import dev.aio.core.model.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one model charges, per million tokens, in the price table's currency.
 *
 * @param inputPerMillion the price of a million prompt tokens, zero or more
 * @param outputPerMillion the price of a million generated tokens, zero or more
 */
public record ModelPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * Validates the prices.
     *
     * @throws IllegalArgumentException when a price is negative, naming it
     */
    public ModelPrice {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("a model price must not be negative, got input " + inputPerMillion
                    + " and output " + outputPerMillion + " per million tokens");
        }
    }

    /**
     * Prices from decimal strings, such as {@code of("0.15", "0.60")}.
     *
     * @param inputPerMillion the input price per million tokens
     * @param outputPerMillion the output price per million tokens
     * @return the price
     * @throws NumberFormatException when a string is not a decimal number
     */
    public static ModelPrice of(String inputPerMillion, String outputPerMillion) {
        return new ModelPrice(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    /**
     * The cost of a call's usage.
     *
     * @param usage the tokens consumed
     * @return the cost, exact
     */
    public BigDecimal costOf(TokenUsage usage) {
        return inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .divide(MILLION);
    }

    /**
     * The cost of a number of tokens, for estimates before a call.
     *
     * @param inputTokens prompt tokens
     * @param outputTokens generated tokens
     * @return the cost, exact
     */
    public BigDecimal costOf(long inputTokens, long outputTokens) {
        return costOf(new TokenUsage(inputTokens, outputTokens));
    }
}
