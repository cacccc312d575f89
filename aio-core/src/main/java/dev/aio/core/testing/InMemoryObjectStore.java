package dev.aio.core.testing;

import dev.aio.core.storage.AbstractObjectStore;
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
import dev.aio.core.storage.StorageUnavailableException;
import dev.aio.core.storage.StoreCapability;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link dev.aio.core.storage.ObjectStore} in memory, for tests: S3 semantics (ETag = MD5
 * hex, key order by UTF-8 bytes, delimited listings), all validation from
 * {@link AbstractObjectStore}, no capabilities. It counts {@linkplain #gets() body reads}, so a
 * test can prove that a pipeline skipped downloads. Thread-safe.
 */
public final class InMemoryObjectStore extends AbstractObjectStore {

    private record Entry(byte[] bytes, ObjectInfo info) {
    }

    private final Map<String, ConcurrentSkipListMap<String, Entry>> buckets = new ConcurrentHashMap<>();
    private final AtomicLong gets = new AtomicLong();

    /** An empty store with no buckets. */
    public InMemoryObjectStore() {
    }

    /** @return how many times an object's bytes were opened ({@code get}) */
    public long gets() {
        return gets.get();
    }

    @Override
    public String name() {
        return "memory:" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return Set.of();
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    @Override
    protected Duration doCheckHealth() {
        return Duration.ofNanos(1);
    }

    @Override
    protected boolean doBucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    @Override
    protected boolean doEnsureBucket(String bucket) {
        return buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>(ObjectNames::compareKeys)) == null;
    }

    @Override
    protected List<String> doListBuckets() {
        return List.copyOf(buckets.keySet());
    }

    @Override
    protected void doDeleteBucket(String bucket) {
        if (!bucket(bucket).isEmpty()) {
            throw new ConflictException(name(), bucket, null, "the bucket is not empty; delete its objects first", null);
        }
        buckets.remove(bucket);
    }

    @Override
    protected PutResult doPut(String bucket, String key, InputStream content, long length, PutOptions options) {
        ConcurrentSkipListMap<String, Entry> objects = bucket(bucket);
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new StorageUnavailableException(name(), bucket, key, "reading the content failed", e);
        }
        String etag = md5(bytes);
        objects.put(key, new Entry(bytes, new ObjectInfo(bucket, key, bytes.length, etag, Instant.now(), null,
                options.contentType(), options.metadata())));
        return new PutResult(bucket, key, etag, null, bytes.length);
    }

    @Override
    protected InputStream doGet(String bucket, String key, GetOptions options) {
        Entry entry = entry(bucket, key);
        gets.incrementAndGet();
        ByteRange range = options.range();
        if (range == null) {
            return new ByteArrayInputStream(entry.bytes);
        }
        int start = (int) Math.min(range.offset(), entry.bytes.length);
        int end = range.toEnd() ? entry.bytes.length : (int) Math.min(entry.bytes.length, range.offset() + range.length());
        return new ByteArrayInputStream(Arrays.copyOfRange(entry.bytes, start, Math.max(start, end)));
    }

    @Override
    protected ObjectInfo doStat(String bucket, String key) {
        return entry(bucket, key).info;
    }

    @Override
    protected ObjectPage doListPage(String bucket, ListOptions options, String continuationToken) {
        ConcurrentSkipListMap<String, Entry> objects = bucket(bucket);
        String after = continuationToken == null ? null
                : new String(Base64.getUrlDecoder().decode(continuationToken), StandardCharsets.UTF_8);
        String prefix = options.prefix();
        List<ObjectInfo> found = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, Entry> e : (after == null ? objects.tailMap(prefix, true) : objects.tailMap(after, false))
                .entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                if (ObjectNames.compareKeys(key, prefix) > 0) {
                    break;
                }
                continue;
            }
            String entry = key;
            if (!options.recursive()) {
                int slash = key.indexOf('/', prefix.length());
                if (slash >= 0) {
                    entry = key.substring(0, slash + 1);
                }
            }
            if (after != null && (ObjectNames.compareKeys(entry, after) <= 0 || entry.equals(after))) {
                continue;
            }
            if (entry.equals(last)) {
                continue; // another key under the same prefix
            }
            if (found.size() + prefixes.size() == options.pageSize()) {
                more = true;
                break;
            }
            if (entry.equals(key)) {
                found.add(e.getValue().info);
            } else {
                prefixes.add(entry);
            }
            last = entry;
        }
        String next = more ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8))
                : null;
        return new ObjectPage(found, prefixes, next);
    }

    @Override
    protected void doDelete(String bucket, String key) {
        bucket(bucket).remove(key);
    }

    @Override
    protected PutResult doCopy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
        Entry source = entry(sourceBucket, sourceKey);
        PutOptions options = PutOptions.builder().contentType(source.info.contentType())
                .metadata(source.info.metadata()).build();
        return doPut(targetBucket, targetKey, new ByteArrayInputStream(source.bytes), source.bytes.length, options);
    }

    private ConcurrentSkipListMap<String, Entry> bucket(String bucket) {
        ConcurrentSkipListMap<String, Entry> objects = buckets.get(bucket);
        if (objects == null) {
            throw new BucketNotFoundException(name(), bucket, null, "the bucket does not exist; create it with ensureBucket",
                    null);
        }
        return objects;
    }

    private Entry entry(String bucket, String key) {
        Entry entry = bucket(bucket).get(key);
        if (entry == null) {
            throw new ObjectNotFoundException(name(), bucket, key,
                    "no such object; check the key, or list the bucket to see what it holds", null);
        }
        return entry;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
