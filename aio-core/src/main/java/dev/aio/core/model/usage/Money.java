package dev.aio.core.model.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as a count of nano-units (10<sup>-9</sup> of the price table's currency), so sums kept in
 * atomic longs are exact however many threads add to them. A long holds about 9.2 billion units.
 */
final class Money {

    static final int SCALE = 9;

    private Money() {
    }

    /** Rounds half up to whole nano-units; prices per million tokens with up to 3 decimals stay exact per token. */
    static long toNanos(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    static BigDecimal fromNanos(long nanos) {
        return BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
    }
}
