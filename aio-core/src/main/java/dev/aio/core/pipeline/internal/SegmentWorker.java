package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One worker of a fused segment: takes an item from the segment's queue, runs it through the
 * segment's stages by plain calls, and hands the results to the next segment, in input order
 * when the segment is ordered. The last worker of a segment to see the end marker passes it on.
 */
final class SegmentWorker implements Runnable {

    /** Per-segment state shared by its workers. */
    private static final class Shared {
        final AtomicInteger live;
        final ReentrantLock takeLock = new ReentrantLock();
        final Turnstile turnstile = new Turnstile();
        long nextSequence;

        Shared(int workers) {
            live = new AtomicInteger(workers);
        }
    }

    private final StreamingRun run;
    private final SegmentPlan segment;
    private final Shared shared;
    private final BlockingQueue<Envelope> input;
    private final List<Envelope> outputs = new ArrayList<>();

    SegmentWorker(StreamingRun run, SegmentPlan segment) {
        this.run = run;
        this.segment = segment;
        this.shared = sharedFor(run, segment);
        this.input = run.queues[segment.index];
    }

    private static Shared sharedFor(StreamingRun run, SegmentPlan segment) {
        synchronized (run) {
            Object existing = run.segmentState(segment.index);
            if (existing == null) {
                existing = new Shared(segment.workers);
                run.segmentState(segment.index, existing);
            }
            return (Shared) existing;
        }
    }

    @Override
    public void run() {
        boolean sequenced = segment.sequenced();
        boolean sawEnd = false;
        try {
            while (true) {
                Envelope envelope;
                long sequence = 0;
                if (sequenced) {
                    shared.takeLock.lockInterruptibly();
                    try {
                        envelope = input.take();
                        if (envelope != Envelope.END) {
                            sequence = shared.nextSequence++;
                        }
                    } finally {
                        shared.takeLock.unlock();
                    }
                } else {
                    envelope = input.take();
                }
                if (envelope == Envelope.END) {
                    // Leave the marker for this segment's other workers.
                    input.put(Envelope.END);
                    sawEnd = true;
                    break;
                }
                processOne(envelope);
                if (sequenced) {
                    shared.turnstile.await(sequence);
                }
                try {
                    for (Envelope out : outputs) {
                        run.emit(segment.index, out);
                    }
                } finally {
                    outputs.clear();
                    if (sequenced) {
                        shared.turnstile.advance();
                    }
                }
            }
        } catch (InterruptedException e) {
            if (!run.stopping()) {
                run.interruptedFromOutside();
            }
        } finally {
            if (shared.live.decrementAndGet() == 0 && sawEnd && !run.stopping()) {
                try {
                    run.endOf(segment.index);
                } catch (InterruptedException e) {
                    run.interruptedFromOutside();
                }
            }
        }
    }

    private void processOne(Envelope envelope) throws InterruptedException {
        java.util.concurrent.Semaphore permits = segment.io ? null : run.cpuPermits;
        if (permits != null) {
            permits.acquire();
        }
        try {
            process(0, envelope.value, envelope.tracker);
        } finally {
            if (permits != null) {
                permits.release();
            }
        }
    }

    /** Runs one value through the segment's stages from {@code from} on, depth first. */
    private void process(int from, Object value, Tracker tracker) throws InterruptedException {
        StageRuntime[] stages = segment.stages;
        for (int i = from; i < stages.length; i++) {
            StageRuntime stage = stages[i];
            StageCounters counters = run.counters[stage.index];
            counters.in.increment();
            Object result;
            try {
                result = stage.invoke(value, counters, run.listener);
            } catch (ItemFailure failure) {
                run.deadLetter(stage, value, failure);
                tracker.release();
                return;
            } catch (InterruptedException e) {
                if (run.stopping()) {
                    throw e;
                }
                // The user's function was interrupted by something other than the run: that item fails.
                run.deadLetter(stage, value, new ItemFailure(e, 1, false));
                tracker.release();
                return;
            }
            StageKind kind = stage.kind;
            if (kind == StageKind.MAP) {
                counters.out.increment();
                value = result;
            } else if (kind == StageKind.FILTER) {
                if (result != Boolean.TRUE) {
                    counters.filtered.increment();
                    tracker.release();
                    return;
                }
                counters.out.increment();
            } else if (kind == StageKind.PEEK) {
                counters.out.increment();
            } else if (kind == StageKind.SINK) {
                counters.out.increment();
                tracker.release();
                return;
            } else { // FLAT_MAP, UNBATCH
                List<?> children = (List<?>) result;
                counters.out.increment();
                counters.emitted.add(children.size());
                if (children.isEmpty()) {
                    tracker.release();
                    return;
                }
                tracker.retain(children.size() - 1);
                for (Object child : children) {
                    process(i + 1, child, tracker);
                }
                return;
            }
        }
        outputs.add(new Envelope(value, tracker));
    }
}
