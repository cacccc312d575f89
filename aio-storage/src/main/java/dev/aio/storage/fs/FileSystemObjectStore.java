package dev.aio.storage.fs;

import dev.aio.core.storage.AbstractObjectStore;
import dev.aio.core.storage.AccessDeniedException;
import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.ByteRange;
import dev.aio.core.storage.ConflictException;
import dev.aio.core.storage.GetOptions;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectPage;
import dev.aio.core.storage.PutOptions;
import dev.aio.core.storage.PutResult;
import dev.aio.core.storage.StorageRequestException;
import dev.aio.core.storage.StorageUnavailableException;
import dev.aio.core.storage.StoreCapability;
import dev.aio.storage.fs.internal.BoundedInputStream;
import dev.aio.storage.fs.internal.DirectoryLister;
import dev.aio.storage.fs.internal.FileOps;
import dev.aio.storage.fs.internal.KeyLocks;
import dev.aio.storage.fs.internal.KeyPaths;
import dev.aio.storage.fs.internal.Publisher;
import dev.aio.storage.fs.internal.Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.stream.Stream;

/**
 * aio's embedded default object store: a directory per bucket under a root folder, one file per
 * object at its key's path, and a metadata sidecar ({@code <name>.aio-meta}, never listed as an
 * object) holding the ETag (MD5 hex, as S3 gives for single-part uploads), content type and user
 * metadata.
 *
 * <p>Writes go to a temporary file under {@code <root>/.aio-tmp} and are renamed into place, so a
 * crash never leaves a partial object visible, and concurrent writers to one key end with one
 * complete version whose sidecar matches its bytes. A sidecar left stale by a crash between the
 * two renames is recognised (it records the data file's size and time) and ignored: the ETag is
 * then computed from the bytes. Files put into a bucket directory by hand are objects too.
 *
 * <p>Keys S3 allows but a filesystem cannot hold are refused with
 * {@link dev.aio.core.storage.InvalidObjectNameException}: a backslash, an empty segment
 * ({@code //}), a trailing {@code /}, a segment ending in {@code .aio-meta} or longer than 246
 * bytes. A key that is also a "folder" of other keys ({@code a} and {@code a/b}) fails with
 * {@link ConflictException}. One process should own a root: locking is within this JVM.
 *
 * <p>Listing walks the folders in key order and holds at most a page of names per folder level;
 * each page rescans the folders on its path, so a single folder of very many objects lists in
 * time that grows with its size times the number of pages.
 *
 * <p>Thread-safe. No capabilities: no versions, presigned URLs or server-side encryption.
 */
public final class FileSystemObjectStore extends AbstractObjectStore {

    private static final String TMP = ".aio-tmp";

    private final Path root;
    private final Path tmp;
    private final String name;
    private final KeyLocks locks = new KeyLocks(256);

    private FileSystemObjectStore(Path root) {
        this.root = root;
        this.tmp = root.resolve(TMP);
        this.name = "fs:" + root;
    }

    /**
     * Opens (creating if needed) a store rooted at a directory.
     *
     * @param root the directory that holds one sub-directory per bucket
     * @return the store, ready to use
     * @throws StorageUnavailableException when the directory cannot be created
     * @throws AccessDeniedException when the directory cannot be written
     */
    public static FileSystemObjectStore at(Path root) {
        Objects.requireNonNull(root, "root");
        Path absolute = root.toAbsolutePath().normalize();
        FileSystemObjectStore store = new FileSystemObjectStore(absolute);
        try {
            Files.createDirectories(store.tmp);
        } catch (IOException e) {
            throw store.failure(null, null, "creating the store's root directory failed", e);
        }
        return store;
    }

    /** @return the root directory, absolute */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of();
    }

    @Override
    protected Duration doCheckHealth() {
        long start = System.nanoTime();
        try {
            Path probe = Files.createTempFile(tmp, "health", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw failure(null, null, "the store's root directory is not writable", e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // ---- buckets ---------------------------------------------------------------------------

    @Override
    protected boolean doBucketExists(String bucket) {
        return Files.isDirectory(root.resolve(bucket));
    }

    @Override
    protected boolean doEnsureBucket(String bucket) {
        Path dir = root.resolve(bucket);
        try {
            Files.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return false;
            }
            throw new ConflictException(name, bucket, null, "a file, not a directory, has the bucket's name", e);
        } catch (IOException e) {
            throw failure(bucket, null, "creating the bucket failed", e);
        }
    }

    @Override
    protected List<String> doListBuckets() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String candidate = dir.getFileName().toString();
                if (isBucketName(candidate)) {
                    names.add(candidate);
                }
            }
        } catch (IOException e) {
            throw failure(null, null, "listing buckets failed", e);
        }
        return names;
    }

    @Override
    protected void doDeleteBucket(String bucket) {
        Path dir = bucketDir(bucket);
        if (!Files.isDirectory(dir)) {
            throw bucketNotFound(bucket, null);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            if (all.anyMatch(p -> Files.isRegularFile(p) && !KeyPaths.isSidecar(p.getFileName().toString()))) {
                throw new ConflictException(name, bucket, null,
                        "the bucket is not empty; delete its objects first", null);
            }
        } catch (IOException | UncheckedIOException e) {
            throw failure(bucket, null, "checking that the bucket is empty failed", unwrap(e));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw failure(bucket, null, "deleting the bucket failed", e);
        }
    }

    // ---- writing ---------------------------------------------------------------------------

    @Override
    protected PutResult doPut(String bucket, String key, InputStream content, long length, PutOptions options) {
        Path bucketDir = bucketDir(bucket);
        Path file = KeyPaths.resolve(bucketDir, bucket, key);
        if (!Files.isDirectory(bucketDir)) {
            throw bucketNotFound(bucket, null);
        }
        Path data = tmp.resolve(UUID.randomUUID() + ".data");
        Path meta = tmp.resolve(UUID.randomUUID() + ".meta");
        try {
            MessageDigest md5 = FileOps.md5();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(data, StandardOpenOption.CREATE_NEW), md5)) {
                size = content.transferTo(out);
            }
            long millis = Instant.now().toEpochMilli();
            Files.setLastModifiedTime(data, FileTime.fromMillis(millis));
            String etag = HexFormat.of().formatHex(md5.digest());
            new Sidecar(etag, size, millis, options.contentType(), options.metadata()).write(meta);
            Publisher.publish(name, bucket, key, bucketDir, file, data, meta, locks.of(bucket, key).writeLock());
            return new PutResult(bucket, key, etag, null, size);
        } catch (IOException e) {
            throw failure(bucket, key, "writing the object failed; nothing was stored", e);
        } finally {
            FileOps.deleteQuietly(data);
            FileOps.deleteQuietly(meta);
        }
    }

    @Override
    protected PutResult doCopy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        Opened source = open(sourceBucket, sourceKey);
        try (InputStream in = Channels.newInputStream(source.channel)) {
            PutOptions options = PutOptions.builder().contentType(source.info.contentType())
                    .metadata(source.info.metadata()).build();
            return doPut(targetBucket, targetKey, in, source.info.size(), options);
        } catch (IOException e) {
            throw failure(sourceBucket, sourceKey, "copying the object failed", e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    @Override
    protected InputStream doGet(String bucket, String key, GetOptions options) {
        Opened opened = open(bucket, key);
        ByteRange range = options.range();
        try {
            if (range == null) {
                return Channels.newInputStream(opened.channel);
            }
            long size = opened.info.size();
            long start = Math.min(range.offset(), size);
            long count = range.toEnd() ? size - start : Math.min(range.length(), size - start);
            opened.channel.position(start);
            return new BoundedInputStream(Channels.newInputStream(opened.channel), count);
        } catch (IOException e) {
            FileOps.closeQuietly(opened.channel);
            throw failure(bucket, key, "reading the object failed", e);
        }
    }

    @Override
    protected ObjectInfo doStat(String bucket, String key) {
        Opened opened = open(bucket, key);
        FileOps.closeQuietly(opened.channel);
        return opened.info;
    }

    private record Opened(FileChannel channel, ObjectInfo info) {
    }

    /** Opens the data file and reads its sidecar as one consistent pair. */
    private Opened open(String bucket, String key) {
        Path bucketDir = bucketDir(bucket);
        Path file = KeyPaths.resolve(bucketDir, bucket, key);
        Lock lock = locks.of(bucket, key).readLock();
        FileChannel channel = null;
        try {
            Sidecar sidecar;
            BasicFileAttributes attributes;
            lock.lock();
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
                sidecar = Sidecar.read(KeyPaths.sidecarOf(file));
            } finally {
                lock.unlock();
            }
            if (!attributes.isRegularFile()) {
                throw notFound(bucket, key, null);
            }
            return new Opened(channel, info(bucket, key, file, attributes, sidecar, channel));
        } catch (NoSuchFileException | NotDirectoryException e) {
            FileOps.closeQuietly(channel);
            throw notFound(bucket, key, e);
        } catch (IOException e) {
            FileOps.closeQuietly(channel);
            if (Files.isDirectory(file)) {
                throw notFound(bucket, key, e);
            }
            throw failure(bucket, key, "opening the object failed", e);
        } catch (RuntimeException e) {
            FileOps.closeQuietly(channel);
            throw e;
        }
    }

    private ObjectInfo info(String bucket, String key, Path file, BasicFileAttributes attributes, Sidecar sidecar,
            FileChannel channel) throws IOException {
        long size = attributes.size();
        long millis = attributes.lastModifiedTime().toMillis();
        if (sidecar != null && sidecar.describes(size, millis)) {
            return new ObjectInfo(bucket, key, size, sidecar.etag(), Instant.ofEpochMilli(millis), null,
                    sidecar.contentType(), sidecar.metadata());
        }
        // No sidecar (a file put there by hand) or a stale one (a crash between the renames).
        String etag;
        if (channel != null) {
            long position = channel.position();
            etag = FileOps.md5Of(Channels.newInputStream(channel)); // not closed: the caller keeps the channel
            channel.position(position);
        } else {
            try (InputStream in = Files.newInputStream(file)) {
                etag = FileOps.md5Of(in);
            }
        }
        return new ObjectInfo(bucket, key, size, etag, Instant.ofEpochMilli(millis), null,
                PutOptions.DEFAULT_CONTENT_TYPE, Map.of());
    }

    // ---- listing ---------------------------------------------------------------------------

    @Override
    protected ObjectPage doListPage(String bucket, ListOptions options, String continuationToken) {
        Path bucketDir = bucketDir(bucket);
        if (!Files.isDirectory(bucketDir)) {
            throw bucketNotFound(bucket, null);
        }
        String startAfter;
        try {
            startAfter = continuationToken == null ? null : FileOps.decodeToken(continuationToken);
        } catch (IllegalArgumentException e) {
            throw new StorageRequestException(name, bucket, null,
                    "the continuation token is not one this store issued; pass a page's nextToken unchanged", e);
        }
        List<DirectoryLister.Entry> entries;
        try {
            entries = DirectoryLister.list(bucketDir, options.prefix(), options.recursive(), startAfter,
                    options.pageSize() + 1);
        } catch (IOException e) {
            throw failure(bucket, options.prefix(), "listing the bucket failed", e);
        }
        boolean more = entries.size() > options.pageSize();
        if (more) {
            entries = entries.subList(0, options.pageSize());
        }
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (DirectoryLister.Entry entry : entries) {
            if (entry.isPrefix()) {
                prefixes.add(entry.key());
            } else {
                ObjectInfo info = listed(bucket, entry);
                if (info != null) {
                    objects.add(info);
                }
            }
        }
        String next = more ? FileOps.encodeToken(entries.get(entries.size() - 1).key()) : null;
        return new ObjectPage(objects, prefixes, next);
    }

    private ObjectInfo listed(String bucket, DirectoryLister.Entry entry) {
        Lock lock = locks.of(bucket, entry.key()).readLock();
        try {
            BasicFileAttributes attributes;
            Sidecar sidecar;
            lock.lock();
            try {
                attributes = Files.readAttributes(entry.file(), BasicFileAttributes.class);
                sidecar = Sidecar.read(KeyPaths.sidecarOf(entry.file()));
            } finally {
                lock.unlock();
            }
            return info(bucket, entry.key(), entry.file(), attributes, sidecar, null);
        } catch (NoSuchFileException e) {
            return null; // deleted while listing
        } catch (IOException e) {
            throw failure(bucket, entry.key(), "reading the object's metadata while listing failed", e);
        }
    }

    // ---- deleting --------------------------------------------------------------------------

    @Override
    protected void doDelete(String bucket, String key) {
        Path bucketDir = bucketDir(bucket);
        if (!Files.isDirectory(bucketDir)) {
            throw bucketNotFound(bucket, null);
        }
        Path file = KeyPaths.resolve(bucketDir, bucket, key);
        Lock lock = locks.of(bucket, key).writeLock();
        lock.lock();
        try {
            if (!Files.isDirectory(file)) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(KeyPaths.sidecarOf(file));
            }
        } catch (NotDirectoryException e) {
            return; // a parent is an object, so this key cannot exist
        } catch (IOException e) {
            throw failure(bucket, key, "deleting the object failed", e);
        } finally {
            lock.unlock();
        }
        FileOps.removeEmptyParents(bucketDir, file.getParent());
    }

    @Override
    public void close() {
        // Nothing to release: every stream is the caller's, every lock is held only inside a call.
    }

    // ---- helpers ---------------------------------------------------------------------------

    private Path bucketDir(String bucket) {
        return root.resolve(bucket);
    }

    private static boolean isBucketName(String candidate) {
        try {
            ObjectNames.requireValidBucket(candidate);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private RuntimeException notFound(String bucket, String key, Throwable cause) {
        if (!Files.isDirectory(bucketDir(bucket))) {
            return bucketNotFound(bucket, cause);
        }
        return new ObjectNotFoundException(name, bucket, key,
                "no such object; check the key, or list the bucket to see what it holds", cause);
    }

    private BucketNotFoundException bucketNotFound(String bucket, Throwable cause) {
        return new BucketNotFoundException(name, bucket, null, "the bucket does not exist; create it with ensureBucket",
                cause);
    }

    private RuntimeException failure(String bucket, String key, String what, Throwable e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException(name, bucket, key, what + ": the process may not access "
                    + ((java.nio.file.AccessDeniedException) e).getFile() + "; check the directory's permissions", e);
        }
        return new StorageUnavailableException(name, bucket, key, what + " (" + e + ")", e);
    }

    private static Throwable unwrap(Exception e) {
        return e instanceof UncheckedIOException ? e.getCause() : e;
    }
}
