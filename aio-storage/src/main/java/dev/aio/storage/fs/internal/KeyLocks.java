package dev.aio.storage.fs.internal;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Striped read-write locks by bucket and key. Writers hold the write lock only for the two
 * renames that publish an object and its sidecar; readers hold the read lock only while they
 * open the data file and read the sidecar, so a reader never pairs one version's bytes with
 * another's metadata.
 */
public final class KeyLocks {

    private final ReadWriteLock[] stripes;

    /** @param stripes the number of stripes; a power of two */
    public KeyLocks(int stripes) {
        this.stripes = new ReadWriteLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantReadWriteLock();
        }
    }

    /**
     * @param bucket the bucket
     * @param key the key
     * @return the lock guarding that key
     */
    public ReadWriteLock of(String bucket, String key) {
        int h = bucket.hashCode() * 31 + key.hashCode();
        h ^= h >>> 16;
        return stripes[h & (stripes.length - 1)];
    }
}
