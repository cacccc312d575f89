package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageKind;
import dev.aio.core.pipeline.StageReport;
import java.util.concurrent.atomic.LongAdder;

/** One stage's counts during one streaming run; updated by many workers at once. */
final class StageCounters {

    final LongAdder in = new LongAdder();
    final LongAdder out = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    /** Counted only by flatMap, batch and unbatch; derived for the other kinds. */
    final LongAdder emitted = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder cacheMisses = new LongAdder();

    StageReport report(String name, StageKind kind) {
        // Read the outcome counters before "in", so a stage still running never shows more
        // outcomes than inputs.
        long o = out.sum();
        long f = filtered.sum();
        long d = deadLettered.sum();
        // One-to-one stages emit what they finish and a sink emits nothing; only fan-in and
        // fan-out stages count emissions separately (one counter fewer on the hot path).
        long e;
        switch (kind) {
            case MAP:
            case FILTER:
            case PEEK:
                e = o;
                break;
            case SINK:
                e = 0;
                break;
            default:
                e = emitted.sum();
        }
        return new StageReport(name, kind, in.sum(), o, f, d, e, retries.sum(), cacheHits.sum(), cacheMisses.sum());
    }
}
