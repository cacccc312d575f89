package dev.aio.core.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands a provider exactly {@code length} bytes of the caller's stream, and fails with
 * {@link StorageRequestException} when the stream ends early, so that every store treats a short
 * stream the same way (and none stores a truncated object). Does not close the caller's stream.
 */
final class ExactLengthInputStream extends FilterInputStream {

    private final long length;
    private final ObjectStore store;
    private final String bucket;
    private final String key;
    private long read;

    ExactLengthInputStream(InputStream in, long length, ObjectStore store, String bucket, String key) {
        super(in);
        this.length = length;
        this.store = store;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        if (read >= length) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw tooShort();
        }
        read++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (read >= length) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(count, length - read));
        if (n < 0) {
            throw tooShort();
        }
        read += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, length - read));
        read += skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), length - read);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The caller owns the stream.
    }

    private StorageRequestException tooShort() {
        return new StorageRequestException(store.name(), bucket, key, "the content stream ended after " + read
                + " bytes, but its length was given as " + length + "; nothing was stored", null);
    }
}
