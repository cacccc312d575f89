package dev.aio.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aio.core.vector.Filter;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many calls leave the process's resident memory flat: every native array a call creates is
 * freed when it returns. The bounds are generous for a noisy machine (allocator caches, JIT,
 * GC timing) yet far below what one leaked array per call would add.
 */
class NativeMemoryTest {

    private static final Path STATUS = Path.of("/proc/self/status");

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Files.isReadable(STATUS), "reads VmRSS from /proc/self/status");
    }

    private static long residentMegabytes() {
        System.gc();
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in " + STATUS);
    }

    @Test
    void tenThousandSearchesLeaveResidentMemoryFlat() {
        int n = 4000;
        Random random = new Random(3);
        try (TensorVectorIndex index = TensorVectorIndex.builder().device(DeviceChoice.CPU).build()) {
            List<VectorRecord> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] v = new float[384];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) random.nextGaussian();
                }
                records.add(VectorRecord.of("r" + i, v, null, Map.of("even", i % 2 == 0)));
            }
            index.upsert(records);
            VectorQuery plain = VectorQuery.of(records.get(1).vector(), 10);
            VectorQuery filtered = VectorQuery.builder(records.get(2).vector()).topK(10)
                    .filter(Filter.eq("even", true)).build();
            for (int i = 0; i < 1000; i++) {
                index.search(i % 2 == 0 ? plain : filtered);
            }
            long before = residentMegabytes();
            for (int i = 0; i < 10_000; i++) {
                assertThat(index.search(i % 2 == 0 ? plain : filtered)).hasSize(10);
            }
            long growth = residentMegabytes() - before;
            // A leaked score vector alone (16 KB a call) would add about 160 MB.
            assertThat(growth).as("resident memory growth in MB over 10,000 searches").isLessThan(48);
        }
    }

    @Test
    void aThousandEmbeddingsOnThePytorchEngineLeaveResidentMemoryFlat() {
        try (DjlEmbedder embedder = DjlEmbedder.builder().device(DeviceChoice.CPU).backend(Backend.PYTORCH).build()) {
            List<String> texts = List.of("a short text", "another short text about vectors");
            for (int i = 0; i < 300; i++) {
                embedder.embed(texts);
            }
            long before = residentMegabytes();
            for (int i = 0; i < 1000; i++) {
                assertThat(embedder.embed(texts)).hasSize(2);
            }
            long growth = residentMegabytes() - before;
            // One forward pass allocates several hundred KB of intermediates; leaking them would add
            // far more than the bound over 1,000 calls.
            assertThat(growth).as("resident memory growth in MB over 1,000 embedding calls").isLessThan(48);
        }
    }
}
