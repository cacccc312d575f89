package dev.aio.core.pipeline.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Counts the live items derived from one source item (or, for a batch, from several), so the
 * run knows when a source item is completely done: flatMap adds to the count, and every item
 * that leaves the pipeline (written, filtered, dead-lettered) takes one away.
 */
final class Tracker {

    private static final AtomicIntegerFieldUpdater<Tracker> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(Tracker.class, "pending");

    private final StreamingRun run;
    private final Tracker[] parts;
    @SuppressWarnings("unused") // updated through PENDING
    private volatile int pending = 1;

    /** A tracker for one item read from the source. */
    Tracker(StreamingRun run) {
        this.run = run;
        this.parts = null;
    }

    /** A tracker for a batch: when the batch is done, so is each of its items. */
    Tracker(List<Tracker> parts) {
        this.run = null;
        this.parts = parts.toArray(new Tracker[0]);
    }

    /** One item became {@code 1 + extra} items. */
    void retain(int extra) {
        PENDING.addAndGet(this, extra);
    }

    /** One derived item left the pipeline. */
    void release() {
        if (PENDING.decrementAndGet(this) == 0) {
            if (parts == null) {
                run.sourceItemDone();
            } else {
                for (Tracker part : parts) {
                    part.release();
                }
            }
        }
    }
}
