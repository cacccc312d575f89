package dev.aio.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.testing.InMemoryObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectSourceTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    @Test
    void aSourceYieldsEveryObjectUnderThePrefixFromTheListingAloneWithoutDownloadingAny() {
        store.ensureBucket("docs");
        IntStream.range(0, 2500).forEach(i -> store.put("docs", String.format("in/%04d.txt", i), bytes("doc " + i)));
        store.put("docs", "out/other.txt", bytes("not listed"));

        ConcurrentLinkedQueue<StoredObject> seen = new ConcurrentLinkedQueue<>();
        try (Pipeline<StoredObject, Void> pipeline = Pipeline.from(StoredObject.class)
                .sink("collect", seen::add).build()) {
            RunReport report = pipeline.run(ObjectSource.of(store, "docs", ListOptions.recursive("in/").withPageSize(100)));
            assertThat(report.read()).isEqualTo(2500);
        }
        assertThat(seen).hasSize(2500).allSatisfy(o -> {
            assertThat(o.key()).startsWith("in/");
            assertThat(o.info().size()).isPositive();
            assertThat(o.etag()).hasSize(32);
        });
        assertThat(store.gets()).isZero();
    }

    @Test
    void bodiesAreOpenedOnlyByTheStagesThatReadThem() {
        store.ensureBucket("docs");
        store.put("docs", "a.txt", bytes("alpha"));
        store.put("docs", "b.txt", bytes("beta"));
        try (Pipeline<StoredObject, String> read = Pipeline.from(StoredObject.class)
                .filter("only a", o -> o.key().startsWith("a"))
                .map("read", ObjectSourceTest::text).build()) {
            List<String> texts = ObjectSource.of(store, "docs", "").stream().map(read::call)
                    .filter(t -> t != null).toList();
            assertThat(texts).containsExactly("alpha");
        }
        assertThat(store.gets()).isEqualTo(1);
    }

    @Test
    void eachIterationListsAfreshAndAMissingBucketFailsWhenRead() {
        store.ensureBucket("docs");
        ObjectSource source = ObjectSource.of(store, "docs", "");
        assertThat(source).isEmpty();
        store.put("docs", "new", bytes("x"));
        assertThat(source).extracting(StoredObject::key).containsExactly("new");
        assertThatThrownBy(() -> ObjectSource.of(store, "absent", "").iterator().hasNext())
                .isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> ObjectSource.of(store, "Bad_Bucket", "")).isInstanceOf(InvalidObjectNameException.class);
    }

    @Test
    void aStoredObjectOpensARangeAndRendersWithoutItsBytes() throws IOException {
        store.ensureBucket("docs");
        store.put("docs", "r.txt", bytes("0123456789"));
        StoredObject object = ObjectSource.of(store, "docs", "").iterator().next();
        try (InputStream in = object.open(ByteRange.of(3, 2))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("34");
        }
        assertThat(object.toString()).contains("docs/r.txt").contains(object.etag()).doesNotContain("0123456789");
    }

    private static String text(StoredObject object) {
        try (InputStream in = object.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
