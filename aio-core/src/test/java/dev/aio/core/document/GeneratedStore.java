package dev.aio.core.document;

import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.StoredObject;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store whose one object is generated as it is read, so a test can offer a 50 MB object
 * without holding it, and count how many bytes a reader took.
 */
final class GeneratedStore {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong opens = new AtomicLong();
    private final long length;
    private final byte fill;

    GeneratedStore(long length, byte fill) {
        this.length = length;
        this.fill = fill;
    }

    /** A reference to the object, listed with the given size (which may understate the truth). */
    StoredObject object(String key, long listedSize) {
        ObjectStore store = (ObjectStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "generated";
                    case "capabilities" -> Set.of();
                    case "get" -> open();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new StoredObject(store, new ObjectInfo("bucket", key, listedSize, "etag-1", Instant.EPOCH, null,
                "text/plain", Map.of()));
    }

    private InputStream open() {
        opens.incrementAndGet();
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                position++;
                bytesRead.incrementAndGet();
                return fill;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - position);
                java.util.Arrays.fill(b, off, off + n, fill);
                position += n;
                bytesRead.addAndGet(n);
                return n;
            }
        };
    }
}
