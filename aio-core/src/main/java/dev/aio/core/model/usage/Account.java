package dev.aio.core.model.usage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running sums for one key (a run, a tenant, a stage or a model). Atomic longs, so each sum is
 * exact under any number of threads, and {@link #add} returns the new totals a budget check needs.
 */
final class Account {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong input = new AtomicLong();
    private final AtomicLong output = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong costNanos = new AtomicLong();
    private final AtomicLong unpriced = new AtomicLong();

    /** Adds a call; returns {tokens, costNanos} after it. */
    long[] add(long in, long out, long cost, boolean priced) {
        calls.incrementAndGet();
        input.addAndGet(in);
        output.addAndGet(out);
        long t = tokens.addAndGet(in + out);
        long c = costNanos.addAndGet(cost);
        if (!priced) {
            unpriced.incrementAndGet();
        }
        return new long[] {t, c};
    }

    long tokens() {
        return tokens.get();
    }

    long costNanos() {
        return costNanos.get();
    }

    UsageTotals totals() {
        return new UsageTotals(calls.get(), input.get(), output.get(), Money.fromNanos(costNanos.get()), unpriced.get());
    }
}
