package dev.aio.gpu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.gpu.EmbedderOverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {

    /** A device that returns each row's first token id as its vector and records batch sizes. */
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchRunning = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private DynamicBatcher batcher;

    private final Function<long[][], float[][]> gatedDevice = ids -> {
        batchSizes.add(ids.length);
        if (batchSizes.size() == 1) {
            firstBatchRunning.countDown();
            try {
                releaseFirstBatch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        float[][] out = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = new float[] {ids[i][0], ids[i].length};
        }
        return out;
    };

    @AfterEach
    void tearDown() {
        releaseFirstBatch.countDown();
        if (batcher != null) {
            batcher.close();
        }
        callers.shutdownNow();
    }

    private static long[][] texts(int first, int count) {
        long[][] ids = new long[count][];
        for (int i = 0; i < count; i++) {
            ids[i] = new long[] {first + i};
        }
        return ids;
    }

    private void awaitQueued(int texts) throws InterruptedException {
        // Waits for the callers to enqueue; it is their progress, not a timing, that the test needs.
        while (batcher.queuedTexts() < texts) {
            Thread.onSpinWait();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Test
    void concurrentCallersAreCoalescedIntoOneDeviceBatchAndEachGetsItsOwnRows() throws Exception {
        batcher = new DynamicBatcher(gatedDevice, 64, 0, 1024, TimeUnit.SECONDS.toNanos(10), "test");
        Future<float[][]> blocker = callers.submit(() -> batcher.embed(texts(1000, 1)));
        firstBatchRunning.await();
        List<Future<float[][]>> calls = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int first = c * 10;
            calls.add(callers.submit(() -> batcher.embed(texts(first, 3))));
        }
        awaitQueued(18);
        releaseFirstBatch.countDown();
        for (int c = 0; c < 6; c++) {
            float[][] rows = calls.get(c).get(10, TimeUnit.SECONDS);
            assertThat(rows).hasNumberOfRows(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rows[i][0]).isEqualTo(c * 10 + i);
            }
        }
        assertThat(blocker.get(10, TimeUnit.SECONDS)[0][0]).isEqualTo(1000f);
        assertThat(batchSizes).containsExactly(1, 18);
    }

    @Test
    void aBatchNeverExceedsTheMaximumAndALargeCallIsSplitAndReassembledInOrder() {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        batcher = new DynamicBatcher(ids -> {
            sizes.add(ids.length);
            return gatedDeviceIdentity(ids);
        }, 4, 0, 100, TimeUnit.SECONDS.toNanos(10), "test");
        long[][] ids = new long[10][];
        for (int i = 0; i < 10; i++) {
            ids[i] = new long[(i * 7) % 5 + 1]; // mixed lengths, so the call is sorted before splitting
            ids[i][0] = i;
        }
        float[][] out = batcher.embed(ids);
        for (int i = 0; i < 10; i++) {
            assertThat(out[i][0]).isEqualTo(i);
            assertThat(out[i][1]).isEqualTo(ids[i].length);
        }
        assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(4));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    private static float[][] gatedDeviceIdentity(long[][] ids) {
        float[][] out = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = new float[] {ids[i][0], ids[i].length};
        }
        return out;
    }

    @Test
    void aFullQueueRefusesNewTextsWithAClearOverloadError() throws Exception {
        batcher = new DynamicBatcher(gatedDevice, 8, 0, 8, 0, "test");
        callers.submit(() -> batcher.embed(texts(0, 1)));
        firstBatchRunning.await();
        Future<float[][]> queued = callers.submit(() -> batcher.embed(texts(10, 8)));
        awaitQueued(8);
        assertThatThrownBy(() -> batcher.embed(texts(20, 1))).isInstanceOf(EmbedderOverloadedException.class)
                .hasMessageContaining("8 of 8 texts queued").hasMessageContaining("queueCapacity");
        releaseFirstBatch.countDown();
        assertThat(queued.get(10, TimeUnit.SECONDS)).hasNumberOfRows(8);
        assertThat(batcher.embed(texts(30, 1))[0][0]).isEqualTo(30f);
    }

    @Test
    void aFailingDeviceBatchFailsEveryCallerInItAndTheNextBatchStillRuns() {
        List<Integer> calls = new CopyOnWriteArrayList<>();
        batcher = new DynamicBatcher(ids -> {
            calls.add(ids.length);
            if (calls.size() == 1) {
                throw new IllegalStateException("device fault");
            }
            return gatedDeviceIdentity(ids);
        }, 8, 0, 64, TimeUnit.SECONDS.toNanos(10), "test");
        assertThatThrownBy(() -> batcher.embed(texts(0, 2))).hasMessageContaining("device fault");
        assertThat(batcher.embed(texts(5, 2))[1][0]).isEqualTo(6f);
    }

    @Test
    void closingFailsQueuedCallersInsteadOfLeavingThemWaiting() throws Exception {
        batcher = new DynamicBatcher(gatedDevice, 1, 0, 16, TimeUnit.SECONDS.toNanos(10), "test");
        callers.submit(() -> batcher.embed(texts(0, 1)));
        firstBatchRunning.await();
        Future<float[][]> queued = callers.submit(() -> batcher.embed(texts(1, 1)));
        awaitQueued(1);
        Thread closer = new Thread(batcher::close);
        closer.start();
        // close() marks the batcher closed before it joins the worker: once the closer waits (or is
        // done, the interrupted worker having already stopped), the worker takes no more requests.
        while (closer.getState() != Thread.State.WAITING && closer.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        releaseFirstBatch.countDown();
        closer.join();
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> batcher.embed(texts(2, 1))).isInstanceOf(IllegalStateException.class);
        batcher = null;
    }
}
