package dev.aio.core.model.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aio.core.model.Embedder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Builds a {@link CachingEmbedder}. Not thread-safe; each option may be set once.
 */
public final class CachingEmbedderBuilder {

    /** Vectors kept in memory when no size is given: 10,000 (about 15 MB at 384 dimensions). */
    public static final long DEFAULT_MAXIMUM_ENTRIES = 10_000;

    private final Embedder delegate;
    private long maximumEntries = -1;
    private Path diskDir;

    CachingEmbedderBuilder(Embedder delegate) {
        this.delegate = delegate;
    }

    /**
     * Bounds the memory tier; the least useful entries are evicted beyond it.
     *
     * @param entries at least 1
     * @return this builder
     */
    public CachingEmbedderBuilder maximumEntries(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("CachingEmbedder.maximumEntries must be at least 1, got " + entries);
        }
        if (maximumEntries >= 0) {
            throw new IllegalStateException("CachingEmbedder.maximumEntries is already " + maximumEntries
                    + "; set it once");
        }
        this.maximumEntries = entries;
        return this;
    }

    /**
     * Adds a disk tier under a directory (created when missing), shared safely by every process
     * that points at it. Entries are never evicted from disk; delete the directory to reclaim it.
     *
     * @param directory the directory
     * @return this builder
     */
    public CachingEmbedderBuilder diskTier(Path directory) {
        if (diskDir != null) {
            throw new IllegalStateException("CachingEmbedder.diskTier is already " + diskDir + "; set it once");
        }
        this.diskDir = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * Builds the caching embedder.
     *
     * @return the embedder, ready to use
     */
    public CachingEmbedder build() {
        long size = maximumEntries < 0 ? DEFAULT_MAXIMUM_ENTRIES : maximumEntries;
        return new CachingEmbedder(delegate, Caffeine.newBuilder().maximumSize(size).build(), diskDir);
    }
}
