package dev.aio.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.storage.ConflictException;
import dev.aio.core.storage.InvalidObjectNameException;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.PutOptions;
import dev.aio.storage.ObjectStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filesystem store passes the contract, and keeps its files safe and consistent. */
class FileSystemObjectStoreTest extends ObjectStoreContract {

    @TempDir
    static Path root;

    private static FileSystemObjectStore store;

    @BeforeAll
    static void open() {
        store = FileSystemObjectStore.at(root);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    private Path bucketDir() {
        return store.root().resolve(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"back\\slash", "..\\..\\escape", "double//slash", "trailing/", "x.aio-meta",
            "dir.aio-meta/y", "C:/windows"})
    void keysAFilesystemCannotHoldSafelyAreRefusedWithTheReason(String key) {
        assertThatThrownBy(() -> store.put(bucket, key, bytes("x"))).isInstanceOf(InvalidObjectNameException.class)
                .hasMessageContaining("filesystem store cannot hold key");
        assertThat(store.list(bucket, "")).isEmpty();
    }

    @Test
    void aKeySegmentTooLongForTheFilesystemIsRefused() {
        assertThatThrownBy(() -> store.put(bucket, "a".repeat(250), bytes("x")))
                .isInstanceOf(InvalidObjectNameException.class).hasMessageContaining("longer than");
    }

    @Test
    void sidecarsSitBesideObjectsButAreNeverListedAndNoTemporaryFileIsLeft() throws IOException {
        store.put(bucket, "docs/a.txt", bytes("a"), PutOptions.contentType("text/plain"));
        assertThat(Files.exists(bucketDir().resolve("docs/a.txt.aio-meta"))).isTrue();
        assertThat(store.list(bucket, "").map(ObjectInfo::key)).containsExactly("docs/a.txt");
        try (Stream<Path> temp = Files.list(store.root().resolve(".aio-tmp"))) {
            assertThat(temp).isEmpty();
        }
        assertThat(store.listBuckets()).doesNotContain(".aio-tmp");
    }

    @Test
    void concurrentWritersToOneKeyEndWithOneCompleteVersionWhoseEtagMatchesItsBytes() throws Exception {
        int writers = 8;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            bodies.add(("writer " + i + " ").repeat(20_000 + i).getBytes());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (byte[] body : bodies) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return store.put(bucket, "contended", body);
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] stored = store.getBytes(bucket, "contended");
        assertThat(bodies).anySatisfy(b -> assertThat(b).isEqualTo(stored));
        assertThat(store.stat(bucket, "contended").etag()).isEqualTo(md5(stored));
        assertThat(store.stat(bucket, "contended").size()).isEqualTo(stored.length);
    }

    @Test
    void aFilePutInTheBucketByHandIsAnObjectWithItsMd5AsEtag() throws IOException {
        Files.createDirectories(bucketDir().resolve("manual"));
        Files.write(bucketDir().resolve("manual/note.txt"), bytes("by hand"));
        ObjectInfo info = store.stat(bucket, "manual/note.txt");
        assertThat(info.etag()).isEqualTo(md5(bytes("by hand")));
        assertThat(info.contentType()).isEqualTo(PutOptions.DEFAULT_CONTENT_TYPE);
        assertThat(store.list(bucket, "manual/").map(ObjectInfo::etag)).containsExactly(md5(bytes("by hand")));
    }

    @Test
    void aSidecarLeftStaleByACrashBetweenTheTwoRenamesIsIgnored() throws IOException {
        store.put(bucket, "crash.txt", bytes("old"), PutOptions.builder().metadata("v", "old").build());
        // The data file's rename happened, the sidecar's did not.
        Path data = bucketDir().resolve("crash.txt");
        Files.write(data, bytes("newer bytes"));
        ObjectInfo info = store.stat(bucket, "crash.txt");
        assertThat(info.etag()).isEqualTo(md5(bytes("newer bytes")));
        assertThat(info.size()).isEqualTo(11);
        assertThat(info.metadata()).isEmpty();
    }

    @Test
    void aKeyCannotAlsoBeAFolderOfOtherKeys() {
        store.put(bucket, "a/b", bytes("x"));
        assertThatThrownBy(() -> store.put(bucket, "a", bytes("y"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'a'");
        store.put(bucket, "file", bytes("x"));
        assertThatThrownBy(() -> store.put(bucket, "file/child", bytes("y"))).isInstanceOf(ConflictException.class);
        assertThat(store.exists(bucket, "a")).isFalse();
    }

    @Test
    void deletingTheLastObjectOfAFolderRemovesTheEmptyFolders() {
        store.put(bucket, "x/y/z/leaf", bytes("x"));
        store.delete(bucket, "x/y/z/leaf");
        assertThat(Files.exists(bucketDir().resolve("x"))).isFalse();
        assertThat(Files.isDirectory(bucketDir())).isTrue();
    }

    @Test
    void listingSkipsEmptyFoldersLeftBehindAndKeepsUtf8Order() throws IOException {
        Files.createDirectories(bucketDir().resolve("empty/inner"));
        for (String key : List.of("z", "\u00e9", "\uD83D\uDE00", "a/b", "a-b", "a0")) {
            store.put(bucket, key, bytes(key));
        }
        assertThat(store.list(bucket, "").map(ObjectInfo::key))
                .containsExactly("a-b", "a/b", "a0", "z", "\u00e9", "\uD83D\uDE00");
        assertThat(store.listPage(bucket, ListOptions.delimited(""), null).prefixes()).containsExactly("a/");
    }

    @Test
    void theStoreIsNamedForItsRootAndHasNoCapabilities() {
        assertThat(store.name()).isEqualTo("fs:" + root.toAbsolutePath().normalize());
        assertThat(store.capabilities()).isEmpty();
    }
}
