package dev.aio.core.pipeline.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single worker of a batch stage: collects items in arrival order and flushes a batch when it
 * is full, when the max wait since its first item has passed (read from the run's time source),
 * or when the input ends.
 */
final class BatchWorker implements Runnable {

    private final StreamingRun run;
    private final SegmentPlan segment;
    private final StageRuntime stage;
    private final StageCounters counters;
    private final int size;
    private final long maxWaitNanos;
    private List<Object> items;
    private List<Tracker> trackers;
    private long deadline;

    BatchWorker(StreamingRun run, SegmentPlan segment) {
        this.run = run;
        this.segment = segment;
        this.stage = segment.stages[0];
        this.counters = run.counters[stage.index];
        this.size = stage.def.batchSize;
        this.maxWaitNanos = stage.def.batchMaxWait.toNanos();
        reset();
    }

    private void reset() {
        items = new ArrayList<>(Math.min(size, 1024));
        trackers = new ArrayList<>(Math.min(size, 1024));
    }

    @Override
    public void run() {
        BlockingQueue<Envelope> input = run.queues[segment.index];
        var time = run.engine.time;
        try {
            while (true) {
                Envelope envelope;
                if (items.isEmpty()) {
                    envelope = input.take();
                } else {
                    long remaining = deadline - time.nanoTime();
                    if (remaining <= 0) {
                        flush(true);
                        continue;
                    }
                    envelope = input.poll(Math.min(remaining, time.maxBlockNanos()), TimeUnit.NANOSECONDS);
                    if (envelope == null) {
                        continue;
                    }
                }
                if (envelope == Envelope.END) {
                    if (!items.isEmpty()) {
                        flush(false);
                    }
                    run.endOf(segment.index);
                    return;
                }
                counters.in.increment();
                if (items.isEmpty()) {
                    deadline = time.nanoTime() + maxWaitNanos;
                }
                items.add(envelope.value);
                trackers.add(envelope.tracker);
                if (items.size() >= size) {
                    flush(false);
                }
            }
        } catch (InterruptedException e) {
            if (!run.stopping()) {
                run.interruptedFromOutside();
            }
        }
    }

    private void flush(boolean byTime) throws InterruptedException {
        List<Object> batch = Collections.unmodifiableList(items);
        Tracker tracker = new Tracker(trackers);
        int n = batch.size();
        reset();
        counters.out.add(n);
        counters.emitted.increment();
        if (run.listener.active()) {
            run.listener.onBatchFlushed(stage.name, n, byTime);
        }
        run.emit(segment.index, new Envelope(batch, tracker));
    }
}
