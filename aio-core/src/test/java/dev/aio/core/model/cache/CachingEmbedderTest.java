package dev.aio.core.model.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.model.Embedder;
import dev.aio.core.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {

    @TempDir
    Path dir;

    private static void assertVectors(List<float[]> actual, List<String> texts, float seed) {
        assertThat(actual).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(actual.get(i)).as("vector of '%s'", texts.get(i))
                    .containsExactly(CountingEmbedder.vectorOf(texts.get(i), seed));
        }
    }

    @Test
    void aBatchEmbedsOnlyItsDistinctMissesAndReturnsVectorsInInputOrder() {
        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).build();
        cached.embed(List.of("beta", "delta"));

        List<String> texts = List.of("alpha", "beta", "gamma", "alpha", "delta", "gamma", "epsilon");
        List<float[]> vectors = cached.embed(texts);

        assertVectors(vectors, texts, 1);
        assertThat(model.batches.get(1)).containsExactly("alpha", "gamma", "epsilon");
        // hits: beta, delta, and the second alpha and gamma; misses: the 2 + 3 texts embedded
        assertThat(cached.stats()).isEqualTo(new CacheStats(4, 5, 0, 0));
    }

    @Test
    void aFullyCachedBatchNeverCallsTheModelAndTheCallerOwnsItsArrays() {
        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).build();
        float[] first = cached.embed("same");
        first[0] = -99; // the caller scribbles on its copy
        float[] again = cached.embed("same");
        assertThat(again).containsExactly(CountingEmbedder.vectorOf("same", 1));
        assertThat(model.batches).hasSize(1);
        assertThat(cached.embed(List.of())).isEmpty();
        assertThat(model.batches).hasSize(1);
    }

    @Test
    void cachingDoesNotChangeTheEmbeddersIdentitySoPipelineFingerprintsStayTheSame() {
        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).build();
        assertThat(cached.fingerprint()).isEqualTo("fp-1");
        assertThat(cached.describe()).isEqualTo(model.describe());
        cached.close();
        assertThat(model.closed).isTrue();
    }

    @Test
    void theDiskTierSurvivesARestart() {
        CountingEmbedder before = new CountingEmbedder("fp-1", 1);
        CachingEmbedder.builder(before).diskTier(dir).build().embed(List.of("one", "two"));

        CountingEmbedder after = new CountingEmbedder("fp-1", 1);
        CachingEmbedder restarted = CachingEmbedder.builder(after).diskTier(dir).build();
        List<String> texts = List.of("two", "three", "one");
        assertVectors(restarted.embed(texts), texts, 1);
        assertThat(after.batches).containsExactly(List.of("three"));
        assertThat(restarted.stats()).isEqualTo(new CacheStats(2, 1, 2, 0));
    }

    @Test
    void anotherFingerprintNeverSeesTheVectorsOfTheFirst() {
        CachingEmbedder.builder(new CountingEmbedder("fp-1", 1)).diskTier(dir).build().embed(List.of("one"));
        CountingEmbedder other = new CountingEmbedder("fp-2", 2);
        List<float[]> vectors = CachingEmbedder.builder(other).diskTier(dir).build().embed(List.of("one"));
        assertVectors(vectors, List.of("one"), 2);
        assertThat(other.textsEmbedded()).isEqualTo(1);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".vec")).sorted().toList();
        }
    }

    @Test
    void aCorruptDiskEntryIsAMissAndIsRewrittenNeverWrongData() throws IOException {
        CachingEmbedder.builder(new CountingEmbedder("fp-1", 1)).diskTier(dir).build().embed(List.of("one", "two"));
        List<Path> files = entries();
        assertThat(files).hasSize(2);
        // One file torn short, as a power loss before the data reached the disk may leave it.
        byte[] whole = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(whole, whole.length - 5));
        // The other with one flipped bit inside a float.
        byte[] other = Files.readAllBytes(files.get(1));
        other[other.length - 12] ^= 0x10;
        Files.write(files.get(1), other);

        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).diskTier(dir).build();
        assertVectors(cached.embed(List.of("one", "two")), List.of("one", "two"), 1);
        assertThat(model.textsEmbedded()).isEqualTo(2);
        assertThat(cached.stats().corruptEntries()).isEqualTo(2);

        // Rewritten: a third process reads them whole.
        CountingEmbedder third = new CountingEmbedder("fp-1", 1);
        assertVectors(CachingEmbedder.builder(third).diskTier(dir).build().embed(List.of("one", "two")),
                List.of("one", "two"), 1);
        assertThat(third.textsEmbedded()).isZero();
    }

    @Test
    void anEntryWrittenForAnotherTextIsAMissNotItsVector() throws IOException {
        CachingEmbedder.builder(new CountingEmbedder("fp-1", 1)).diskTier(dir).build().embed(List.of("one", "two"));
        List<Path> files = entries();
        // A whole, valid file under the wrong name: its checksum holds but its key does not.
        Files.copy(files.get(0), files.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).diskTier(dir).build();
        assertVectors(cached.embed(List.of("one", "two")), List.of("one", "two"), 1);
        assertThat(model.textsEmbedded()).isEqualTo(1);
        assertThat(cached.stats().corruptEntries()).isEqualTo(1);
    }

    @Test
    void anUnwritableDiskTierLeavesTheCacheWorkingInMemory() throws IOException {
        Path blocked = dir.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the cache wants a directory");
        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        CachingEmbedder cached = CachingEmbedder.builder(model).diskTier(blocked).build();
        assertVectors(cached.embed(List.of("one")), List.of("one"), 1);
        assertVectors(cached.embed(List.of("one")), List.of("one"), 1);
        assertThat(model.textsEmbedded()).isEqualTo(1);
    }

    @Test
    void anEmbedderThatLosesVectorsIsReportedNotMisaligned() {
        Embedder lossy = new CountingEmbedder("fp-1", 1) {
            @Override
            public List<float[]> embed(List<String> texts) {
                List<float[]> all = new ArrayList<>(super.embed(texts));
                all.remove(0);
                return all;
            }
        };
        CachingEmbedder cached = CachingEmbedder.builder(lossy).build();
        assertThatThrownBy(() -> cached.embed(List.of("a", "b")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("returned 1 vectors for 2 texts");
    }

    @Test
    void theBuilderExplainsWhatItRefuses() {
        CountingEmbedder model = new CountingEmbedder("fp-1", 1);
        assertThatThrownBy(() -> CachingEmbedder.builder(model).maximumEntries(0))
                .hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> CachingEmbedder.builder(model).maximumEntries(5).maximumEntries(6))
                .hasMessageContaining("already 5");
        assertThatThrownBy(() -> CachingEmbedder.builder(model).build().embed((List<String>) null)).isInstanceOf(NullPointerException.class);
    }
}
