package dev.aio.core.model.cache;

/**
 * Hit and miss counts of a model cache since it was built.
 *
 * @param hits lookups answered from the cache, memory or disk (for embedders, texts not sent to
 *     the model, including repeats within one batch)
 * @param misses lookups the model had to answer
 * @param diskHits the part of {@code hits} answered from the disk tier; 0 without one
 * @param corruptEntries disk entries that could not be read back (truncated, altered, or written
 *     for another key) and were treated as misses; 0 without a disk tier
 */
public record CacheStats(long hits, long misses, long diskHits, long corruptEntries) {

    /**
     * The share of lookups answered from the cache.
     *
     * @return from 0 to 1; 0 before any lookup
     */
    public double hitRate() {
        long all = hits + misses;
        return all == 0 ? 0 : (double) hits / all;
    }
}
