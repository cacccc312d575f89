package dev.aio.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.AioException;
import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.ByteRange;
import dev.aio.core.storage.ConflictException;
import dev.aio.core.storage.Encryption;
import dev.aio.core.storage.InvalidObjectNameException;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectPage;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.ObjectWatcher;
import dev.aio.core.storage.PutOptions;
import dev.aio.core.storage.PutResult;
import dev.aio.core.storage.StorageRequestException;
import dev.aio.core.storage.StoreCapability;
import dev.aio.core.storage.UnsupportedCapabilityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ObjectStore} must show. A store's test subclasses this and returns
 * the store from {@link #store()}; each test gets a fresh bucket.
 *
 * <p>Shipped in aio-storage's test jar so that stores in other modules run the same suite.
 */
public abstract class ObjectStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    /** The bucket this test may use; created before and emptied after each test. */
    protected String bucket;

    /** @return the store under test, shared by the tests of the subclass */
    protected abstract ObjectStore store();

    @BeforeEach
    void createBucket() {
        bucket = "contract-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        assertThat(store().ensureBucket(bucket)).isTrue();
    }

    @AfterEach
    void dropBucket() {
        if (!store().bucketExists(bucket)) {
            return;
        }
        List<String> keys;
        do {
            keys = store().listPage(bucket, ListOptions.recursive("").withPageSize(1000), null).objects().stream()
                    .map(ObjectInfo::key).toList();
            if (!keys.isEmpty()) {
                assertThat(store().deleteAll(bucket, keys)).isEmpty();
            }
        } while (!keys.isEmpty());
        store().deleteBucket(bucket);
    }

    // ---- buckets ---------------------------------------------------------------------------

    @Test
    void ensuringABucketTwiceCreatesItOnceAndListsIt() {
        assertThat(store().ensureBucket(bucket)).isFalse();
        assertThat(store().bucketExists(bucket)).isTrue();
        assertThat(store().listBuckets()).contains(bucket);
    }

    @Test
    void deletingABucketThatHoldsObjectsIsAConflictAndDeletingAnEmptyOneWorks() {
        store().put(bucket, "a.txt", bytes("a"));
        assertThatThrownBy(() -> store().deleteBucket(bucket)).isInstanceOf(ConflictException.class)
                .hasMessageContaining(bucket);
        store().delete(bucket, "a.txt");
        store().deleteBucket(bucket);
        assertThat(store().bucketExists(bucket)).isFalse();
    }

    @Test
    void everyOperationOnAMissingBucketFailsAsBucketNotFoundNamingTheBucket() {
        String missing = bucket + "-missing";
        assertThat(store().bucketExists(missing)).isFalse();
        assertThatThrownBy(() -> store().put(missing, "k", bytes("x"))).isInstanceOf(BucketNotFoundException.class)
                .hasMessageContaining(missing).matches(e -> !((AioException) e).isRetriable());
        assertThatThrownBy(() -> store().get(missing, "k")).isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> store().stat(missing, "k")).isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> store().listPage(missing, ListOptions.recursive(""), null))
                .isInstanceOf(BucketNotFoundException.class);
        assertThatThrownBy(() -> store().deleteBucket(missing)).isInstanceOf(BucketNotFoundException.class);
    }

    // ---- objects ---------------------------------------------------------------------------

    @Test
    void aMissingKeyFailsAsObjectNotFoundNamingBucketAndKey() {
        assertThatThrownBy(() -> store().stat(bucket, "no/such key.txt")).isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(bucket).hasMessageContaining("no/such key.txt")
                .matches(e -> !((AioException) e).isRetriable());
        assertThatThrownBy(() -> store().get(bucket, "no/such key.txt")).isInstanceOf(ObjectNotFoundException.class)
                .isNotInstanceOf(BucketNotFoundException.class);
        assertThat(store().exists(bucket, "no/such key.txt")).isFalse();
    }

    @Test
    void bytesContentTypeAndMetadataRoundTrip() throws IOException {
        PutOptions options = PutOptions.builder().contentType("text/markdown; charset=utf-8")
                .metadata("source", "crawler-7").metadata("lang", "en").build();
        PutResult put = store().put(bucket, "docs/intro.md", bytes("# Hello"), options);

        ObjectInfo info = store().stat(bucket, "docs/intro.md");
        assertThat(info.size()).isEqualTo(7).isEqualTo(put.size());
        assertThat(info.contentType()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(info.metadata()).isEqualTo(Map.of("source", "crawler-7", "lang", "en"));
        assertThat(info.etag()).isEqualTo(put.etag());
        assertThat(info.lastModified()).isNotNull();
        try (InputStream in = store().get(bucket, "docs/intro.md")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("# Hello");
        }
    }

    @Test
    void theEtagOfASinglePartUploadIsTheMd5HexOfTheBytes() {
        PutResult put = store().put(bucket, "e.bin", bytes("etag me"));
        assertThat(put.etag()).isEqualTo(md5("etag me".getBytes(StandardCharsets.UTF_8)));
        assertThat(store().stat(bucket, "e.bin").etag()).isEqualTo(put.etag());
    }

    @Test
    void anObjectWrittenWithoutAContentTypeIsOctetStream() {
        store().put(bucket, "raw", new byte[] {1, 2, 3});
        assertThat(store().stat(bucket, "raw").contentType()).isEqualTo(PutOptions.DEFAULT_CONTENT_TYPE);
    }

    @Test
    void overwritingAKeyReplacesItsBytesAndMetadata() {
        store().put(bucket, "k", bytes("one"), PutOptions.builder().metadata("v", "1").build());
        store().put(bucket, "k", bytes("second"), PutOptions.builder().metadata("w", "2").build());
        assertThat(store().getBytes(bucket, "k")).isEqualTo(bytes("second"));
        assertThat(store().stat(bucket, "k").metadata()).isEqualTo(Map.of("w", "2"));
    }

    @Test
    void anEmptyObjectRoundTrips() {
        store().put(bucket, "empty", new byte[0]);
        assertThat(store().getBytes(bucket, "empty")).isEmpty();
        assertThat(store().stat(bucket, "empty").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space.txt", "unicode/données/ファイル-ü.txt", "percent%20sign%", "plus+sign+",
            "equals=sign&and?query", "deep/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/leaf.txt", "emoji-\uD83D\uDE00.txt",
            "semi;colon,comma'quote\"", "tilde~and(parens)[brackets]{braces}", ".hidden/.dotfile"})
    void trickyKeysRoundTripAndListExactlyAsWritten(String key) {
        store().put(bucket, key, bytes("body of " + key));
        assertThat(store().getBytes(bucket, key)).isEqualTo(bytes("body of " + key));
        assertThat(store().stat(bucket, key).key()).isEqualTo(key);
        try (Stream<ObjectInfo> listed = store().list(bucket, "")) {
            assertThat(listed.map(ObjectInfo::key)).containsExactly(key);
        }
        assertThat(store().list(bucket, key).map(ObjectInfo::key)).containsExactly(key);
        store().delete(bucket, key);
        assertThat(store().exists(bucket, key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/../../escape", "/absolute", "a/./b", "nul\u0000byte", "new\nline"})
    void keysThatCouldNameAnotherObjectAreRefusedBeforeAnythingIsWritten(String key) {
        assertThatThrownBy(() -> store().put(bucket, key, bytes("x"))).isInstanceOf(InvalidObjectNameException.class)
                .hasMessageContaining("key");
        assertThat(store().list(bucket, "")).isEmpty();
    }

    @Test
    void aTwelveMebibyteObjectRoundTripsFromAStreamOfKnownAndOfUnknownLength() throws IOException {
        byte[] big = new byte[12 << 20];
        new Random(42).nextBytes(big);
        PutResult known = store().put(bucket, "big/known.bin", new ByteArrayInputStream(big), big.length,
                PutOptions.defaults());
        PutResult unknown = store().put(bucket, "big/unknown.bin", new ByteArrayInputStream(big), -1,
                PutOptions.defaults());
        assertThat(known.size()).isEqualTo(big.length);
        assertThat(unknown.size()).isEqualTo(big.length);
        for (String key : List.of("big/known.bin", "big/unknown.bin")) {
            assertThat(store().stat(bucket, key).size()).isEqualTo(big.length);
            try (InputStream in = store().get(bucket, key)) {
                assertThat(md5(in.readAllBytes())).isEqualTo(md5(big));
            }
        }
        try (InputStream in = store().get(bucket, "big/known.bin", ByteRange.of((6 << 20) - 3, 7))) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(big, (6 << 20) - 3, (6 << 20) + 4));
        }
    }

    @Test
    void aStreamShorterThanItsDeclaredLengthStoresNothing() {
        assertThatThrownBy(() -> store().put(bucket, "short", new ByteArrayInputStream(bytes("abc")), 10,
                PutOptions.defaults())).isInstanceOf(StorageRequestException.class).hasMessageContaining("short");
        assertThat(store().exists(bucket, "short")).isFalse();
    }

    @Test
    void rangeReadsReturnExactlyTheRequestedBytes() throws IOException {
        store().put(bucket, "digits", bytes("0123456789"));
        assertThat(read(ByteRange.of(2, 3))).isEqualTo("234");
        assertThat(read(ByteRange.from(7))).isEqualTo("789");
        assertThat(read(ByteRange.of(0, 1))).isEqualTo("0");
        assertThat(read(ByteRange.of(8, 100))).isEqualTo("89");
        assertThat(read(ByteRange.of(10, 5))).isEmpty();
        assertThat(read(ByteRange.from(50))).isEmpty();
    }

    private String read(ByteRange range) throws IOException {
        try (InputStream in = store().get(bucket, "digits", range)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void copyCarriesBytesContentTypeAndMetadata() {
        store().put(bucket, "src/a.json", bytes("{}"),
                PutOptions.builder().contentType("application/json").metadata("owner", "team-a").build());
        PutResult copy = store().copy(bucket, "src/a.json", bucket, "dst/b.json");
        assertThat(copy.size()).isEqualTo(2);
        ObjectInfo info = store().stat(bucket, "dst/b.json");
        assertThat(info.contentType()).isEqualTo("application/json");
        assertThat(info.metadata()).containsEntry("owner", "team-a");
        assertThat(store().getBytes(bucket, "dst/b.json")).isEqualTo(bytes("{}"));
        assertThatThrownBy(() -> store().copy(bucket, "src/missing", bucket, "dst/c"))
                .isInstanceOf(ObjectNotFoundException.class).hasMessageContaining("src/missing");
        assertThatThrownBy(() -> store().copy(bucket, "src/a.json", bucket + "-absent", "dst/c"))
                .isInstanceOf(BucketNotFoundException.class).hasMessageContaining(bucket + "-absent");
    }

    @Test
    void deletingRemovesTheObjectAndDeletingAMissingKeySucceeds() {
        store().put(bucket, "gone/soon.txt", bytes("x"));
        store().delete(bucket, "gone/soon.txt");
        store().delete(bucket, "gone/soon.txt");
        assertThat(store().exists(bucket, "gone/soon.txt")).isFalse();
        assertThat(store().listPage(bucket, ListOptions.delimited(""), null).prefixes()).isEmpty();
    }

    @Test
    void deletingManyKeysRemovesEveryOneAndReportsNoFailures() {
        List<String> keys = IntStream.range(0, 25).mapToObj(i -> "many/" + i).toList();
        keys.forEach(k -> store().put(bucket, k, bytes(k)));
        List<String> withMissing = new ArrayList<>(keys);
        withMissing.add("many/never-written");
        assertThat(store().deleteAll(bucket, withMissing)).isEmpty();
        assertThat(store().list(bucket, "many/")).isEmpty();
    }

    // ---- listing ---------------------------------------------------------------------------

    @Test
    void listingTenThousandKeysPagesThroughEveryKeyInOrder() throws Exception {
        List<String> keys = IntStream.range(0, 10_000)
                .mapToObj(i -> String.format("bulk/%02d/item-%05d.txt", i % 17, i)).toList();
        putAll(keys);

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectPage page = store().listPage(bucket, ListOptions.recursive("bulk/").withPageSize(1000), token);
            assertThat(page.objects()).hasSizeLessThanOrEqualTo(1000);
            page.objects().forEach(o -> paged.add(o.key()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        List<String> sorted = keys.stream().sorted().toList();
        assertThat(paged).containsExactlyElementsOf(sorted);
        assertThat(pages).isBetween(10, 11);

        try (Stream<ObjectInfo> lazy = store().list(bucket, ListOptions.recursive("bulk/").withPageSize(700))) {
            assertThat(lazy.map(ObjectInfo::key).toList()).containsExactlyElementsOf(sorted);
        }
        try (Stream<ObjectInfo> one = store().list(bucket, ListOptions.recursive("bulk/03/"))) {
            assertThat(one.count()).isEqualTo(keys.stream().filter(k -> k.startsWith("bulk/03/")).count());
        }
    }

    @Test
    void aDelimitedListingGroupsDeeperKeysIntoPrefixes() {
        for (String key : List.of("top.txt", "a/1.txt", "a/2.txt", "a/deep/3.txt", "b/4.txt", "a-sibling.txt")) {
            store().put(bucket, key, bytes(key));
        }
        ObjectPage root = store().listPage(bucket, ListOptions.delimited(""), null);
        assertThat(root.objects()).extracting(ObjectInfo::key).containsExactly("a-sibling.txt", "top.txt");
        assertThat(root.prefixes()).containsExactly("a/", "b/");
        assertThat(root.hasMore()).isFalse();

        ObjectPage a = store().listPage(bucket, ListOptions.delimited("a/"), null);
        assertThat(a.objects()).extracting(ObjectInfo::key).containsExactly("a/1.txt", "a/2.txt");
        assertThat(a.prefixes()).containsExactly("a/deep/");
    }

    @Test
    void aDelimitedListingPagesAcrossPrefixesWithoutRepeatingThem() {
        for (String key : List.of("a/1", "a/2", "b/1", "c", "d/1", "e")) {
            store().put(bucket, key, bytes(key));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            ObjectPage page = store().listPage(bucket, ListOptions.delimited("").withPageSize(2), token);
            assertThat(page.objects().size() + page.prefixes().size()).isLessThanOrEqualTo(2);
            seen.addAll(page.prefixes());
            page.objects().forEach(o -> seen.add(o.key()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).containsExactlyInAnyOrder("a/", "b/", "c", "d/", "e");
    }

    @Test
    void aPrefixThatEndsMidSegmentMatchesKeysAndFoldersStartingWithIt() {
        for (String key : List.of("logs/app-1.txt", "logs/app-2/x.txt", "logs/web.txt", "logsX")) {
            store().put(bucket, key, bytes(key));
        }
        assertThat(store().list(bucket, "logs/app").map(ObjectInfo::key))
                .containsExactly("logs/app-1.txt", "logs/app-2/x.txt");
        ObjectPage page = store().listPage(bucket, ListOptions.delimited("logs/app"), null);
        assertThat(page.objects()).extracting(ObjectInfo::key).containsExactly("logs/app-1.txt");
        assertThat(page.prefixes()).containsExactly("logs/app-2/");
        assertThat(store().list(bucket, "nothing/").count()).isZero();
    }

    @Test
    void listedObjectsCarrySizeEtagAndLastModified() {
        PutResult put = store().put(bucket, "l/one", bytes("12345"));
        ObjectInfo listed = store().list(bucket, "l/").findFirst().orElseThrow();
        assertThat(listed.size()).isEqualTo(5);
        assertThat(listed.etag()).isEqualTo(put.etag());
        assertThat(listed.lastModified()).isNotNull();
    }

    @Test
    void aPollingWatcherSeesCreationsOverwritesAndRemovalsUnderItsPrefix() {
        store().put(bucket, "watch/a", bytes("a"));
        ObjectWatcher watcher = ObjectWatcher.polling(store(), bucket, "watch/");
        assertThat(watcher.poll()).extracting(ObjectEvent::key).containsExactly("watch/a");
        assertThat(watcher.poll()).isEmpty();

        store().put(bucket, "watch/a", bytes("a, changed"));
        store().put(bucket, "watch/b", bytes("b"));
        store().put(bucket, "elsewhere", bytes("x"));
        List<ObjectEvent> changes = watcher.poll();
        assertThat(changes).extracting(ObjectEvent::type).containsOnly(ObjectEvent.Type.CREATED);
        assertThat(changes).extracting(ObjectEvent::key).containsExactly("watch/a", "watch/b");
        assertThat(changes.get(0).etag()).isEqualTo(store().stat(bucket, "watch/a").etag());

        store().delete(bucket, "watch/b");
        assertThat(watcher.poll()).extracting(ObjectEvent::type, ObjectEvent::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.REMOVED, "watch/b"));
    }

    // ---- capabilities ----------------------------------------------------------------------

    @Test
    void presignedUrlsWorkWhereTheStoreHasThemAndAreRefusedWhereItDoesNot() throws Exception {
        store().put(bucket, "shared/doc.txt", bytes("shared"));
        if (!store().capabilities().contains(StoreCapability.PRESIGNED_URLS)) {
            assertThatThrownBy(() -> store().presignGet(bucket, "shared/doc.txt", Duration.ofMinutes(5)))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("PRESIGNED_URLS");
            return;
        }
        URI url = store().presignGet(bucket, "shared/doc.txt", Duration.ofMinutes(5));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("shared");

        URI upload = store().presignPut(bucket, "shared/upload.txt", Duration.ofMinutes(5));
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(upload)
                .PUT(HttpRequest.BodyPublishers.ofString("uploaded")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(store().getBytes(bucket, "shared/upload.txt")).asString().isEqualTo("uploaded");
    }

    @Test
    void encryptionIsRefusedByAStoreWithoutServerSideEncryption() {
        if (store().capabilities().contains(StoreCapability.SERVER_SIDE_ENCRYPTION)) {
            return;
        }
        assertThatThrownBy(() -> store().put(bucket, "x", bytes("x"),
                PutOptions.builder().encryption(Encryption.s3()).build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SERVER_SIDE_ENCRYPTION");
        assertThat(store().exists(bucket, "x")).isFalse();
    }

    @Test
    void theHealthCheckPassesAgainstAWorkingStore() {
        assertThat(store().checkHealth()).isPositive();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Writes many small objects on a few threads (the listing test needs 10,000). */
    protected void putAll(List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> slice : keys.stream().collect(Collectors.groupingBy(k -> Math.floorMod(k.hashCode(), 8)))
                    .values()) {
                done.add(pool.submit(() -> slice.forEach(k -> store().put(bucket, k, bytes(k)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    protected static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
