package dev.aio.gpu.internal;

import dev.aio.core.RetriableException;
import dev.aio.gpu.EmbedderOverloadedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Coalesces the texts of concurrent callers into device batches: one worker thread takes the
 * oldest request, then keeps adding queued requests until the batch holds {@code maxBatch} texts
 * or {@code maxWait} has passed since it started, runs the batch, and hands each caller its own
 * rows. Many small calls thus become few large device batches, which is where a GPU's throughput
 * comes from.
 *
 * <p>The queue is bounded in texts: a caller whose texts do not fit waits up to
 * {@code offerTimeout} for room (backpressure) and then gets an
 * {@link EmbedderOverloadedException}. A call of more than {@code maxBatch} texts is sorted by
 * length and split, so each device batch pads to similar lengths. Thread-safe.
 */
public final class DynamicBatcher implements AutoCloseable {

    private record Request(long[][] tokens, CompletableFuture<float[][]> result) {
    }

    private final Function<long[][], float[][]> device;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final long offerTimeoutNanos;
    private final int capacity;
    private final Semaphore room;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    /** Texts in the queue (added, not yet taken), counted after each add so observers never run ahead. */
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;
    /** A request taken from the queue that did not fit the batch being built; worker-only. */
    private Request carried;

    /**
     * @param device runs one device batch: token ids in, one vector per row out
     * @param maxBatch the most texts in one device batch
     * @param maxWaitNanos how long a batch waits for more texts after its first one
     * @param capacity the most texts queued and not yet running
     * @param offerTimeoutNanos how long a caller waits for room in the queue
     * @param threadName the worker thread's name
     */
    public DynamicBatcher(Function<long[][], float[][]> device, int maxBatch, long maxWaitNanos, int capacity,
            long offerTimeoutNanos, String threadName) {
        this.device = device;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWaitNanos;
        this.capacity = capacity;
        this.room = new Semaphore(capacity, true);
        this.offerTimeoutNanos = offerTimeoutNanos;
        this.worker = new Thread(this::work, threadName);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Embeds token ids through the queue and waits for the vectors.
     *
     * @param tokens token ids per text, at least one text
     * @return one vector per text, in order
     * @throws EmbedderOverloadedException when the queue had no room within the offer timeout
     * @throws RetriableException when interrupted
     * @throws IllegalStateException when the batcher is closed
     */
    public float[][] embed(long[][] tokens) {
        Integer[] order = new Integer[tokens.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (tokens.length > maxBatch) {
            Arrays.sort(order, Comparator.comparingInt(i -> tokens[i].length));
        }
        List<CompletableFuture<float[][]>> parts = new ArrayList<>();
        for (int from = 0; from < order.length; from += maxBatch) {
            int to = Math.min(order.length, from + maxBatch);
            long[][] piece = new long[to - from][];
            for (int i = from; i < to; i++) {
                piece[i - from] = tokens[order[i]];
            }
            parts.add(offer(piece));
        }
        float[][] out = new float[tokens.length][];
        int next = 0;
        for (CompletableFuture<float[][]> part : parts) {
            for (float[] v : await(part)) {
                out[order[next++]] = v;
            }
        }
        return out;
    }

    private CompletableFuture<float[][]> offer(long[][] piece) {
        int n = piece.length;
        try {
            if (!room.tryAcquire(n, offerTimeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new EmbedderOverloadedException("DjlEmbedder: the request queue stayed full for "
                        + TimeUnit.NANOSECONDS.toMillis(offerTimeoutNanos) + " ms (" + queuedTexts() + " of " + capacity
                        + " texts queued, " + n + " more offered); the device cannot keep up. Retry with backoff, "
                        + "or raise queueCapacity/offerTimeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("DjlEmbedder: interrupted while waiting for room in the request queue", e);
        }
        Request r = new Request(piece, new CompletableFuture<>());
        if (closed) {
            room.release(n);
            throw new IllegalStateException("DjlEmbedder is closed; build a new one");
        }
        queue.add(r);
        queued.addAndGet(n);
        return r.result;
    }

    private static float[][] await(CompletableFuture<float[][]> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the batch is already on the device; its result is ours
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("DjlEmbedder: a device batch failed: " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return texts queued and not yet taken into a device batch */
    public int queuedTexts() {
        return Math.max(0, queued.get());
    }

    private void work() {
        while (!closed) {
            List<Request> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                break;
            }
            run(batch);
        }
        RuntimeException closedError = new IllegalStateException("DjlEmbedder was closed before this batch ran");
        if (carried != null) {
            carried.result.completeExceptionally(closedError);
        }
        for (Request r; (r = queue.poll()) != null; ) {
            r.result.completeExceptionally(closedError);
        }
    }

    private List<Request> nextBatch() throws InterruptedException {
        Request first = carried != null ? carried : queue.take();
        carried = null;
        List<Request> batch = new ArrayList<>();
        batch.add(first);
        int texts = first.tokens.length;
        long deadline = System.nanoTime() + maxWaitNanos;
        while (texts < maxBatch) {
            long wait = deadline - System.nanoTime();
            Request next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (texts + next.tokens.length > maxBatch) {
                carried = next;
                break;
            }
            batch.add(next);
            texts += next.tokens.length;
        }
        return batch;
    }

    private void run(List<Request> batch) {
        int texts = 0;
        for (Request r : batch) {
            texts += r.tokens.length;
        }
        room.release(texts);
        queued.addAndGet(-texts);
        long[][] all = new long[texts][];
        int at = 0;
        for (Request r : batch) {
            System.arraycopy(r.tokens, 0, all, at, r.tokens.length);
            at += r.tokens.length;
        }
        float[][] vectors;
        try {
            vectors = device.apply(all);
        } catch (Throwable t) {
            batch.forEach(r -> r.result.completeExceptionally(t));
            return;
        }
        at = 0;
        for (Request r : batch) {
            r.result.complete(Arrays.copyOfRange(vectors, at, at + r.tokens.length));
            at += r.tokens.length;
        }
    }

    /** Stops the worker after the batch it is running; queued requests fail with IllegalStateException. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
