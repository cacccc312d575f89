package dev.aio.core.model.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.pipeline.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A {@link LanguageModel} that answers a request it has seen before from memory. The cache is
 * exact: the key covers the wrapped model's id, the prompt's template name and version, its
 * tenant (tenants never share answers), its task, and the whole prompt with every setting.
 *
 * <p>Only complete answers are kept ({@link FinishReason#STOP} and {@link FinishReason#LENGTH});
 * filtered, tool-call and unexplained ones are asked again. A hit returns the kept text, finish
 * reason and answering model with {@link TokenUsage#NONE} as its usage, because a hit consumes no
 * tokens; usage accounting around this cache therefore charges nothing for it. A streamed hit
 * hands the whole text to the consumer at once.
 *
 * <p>A cache keyed on the exact prompt serves the same answer to a request with a temperature
 * above zero; that is the point of it (stable, cheap answers), but wrap only where that is
 * wanted. Thread-safe. Closing it closes the wrapped model.
 */
public final class CachingLanguageModel implements LanguageModel {

    /** Responses kept when no size is given: 1,000. */
    public static final long DEFAULT_MAXIMUM_ENTRIES = 1_000;

    private final LanguageModel delegate;
    private final Cache<String, Generation> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private CachingLanguageModel(LanguageModel delegate, Cache<String, Generation> cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /**
     * Starts a response cache around a model.
     *
     * @param model the model whose answers to cache
     * @return a builder
     */
    public static Builder builder(LanguageModel model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    @Override
    public Generation generate(Prompt prompt) {
        String key = PromptKey.of(delegate.modelId(), Objects.requireNonNull(prompt, "prompt"));
        Generation kept = cache.getIfPresent(key);
        if (kept != null) {
            hits.increment();
            return asHit(kept);
        }
        misses.increment();
        return keep(key, delegate.generate(prompt));
    }

    @Override
    public Generation stream(Prompt prompt, Consumer<String> onToken) {
        Objects.requireNonNull(onToken, "onToken");
        String key = PromptKey.of(delegate.modelId(), Objects.requireNonNull(prompt, "prompt"));
        Generation kept = cache.getIfPresent(key);
        if (kept != null) {
            hits.increment();
            if (!kept.text().isEmpty()) {
                onToken.accept(kept.text());
            }
            return asHit(kept);
        }
        misses.increment();
        return keep(key, delegate.stream(prompt, onToken));
    }

    private Generation keep(String key, Generation g) {
        if (g.finishReason() == FinishReason.STOP || g.finishReason() == FinishReason.LENGTH) {
            cache.put(key, g);
        }
        return g;
    }

    private static Generation asHit(Generation kept) {
        return new Generation(kept.text(), kept.finishReason(), TokenUsage.NONE, kept.modelId());
    }

    /** @return hits and misses since this cache was built (disk counts are always 0) */
    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), 0, 0);
    }

    /** Forgets every kept response. */
    public void clear() {
        cache.invalidateAll();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CachingLanguageModel[" + delegate.modelId() + ", " + stats() + "]";
    }

    /** Builds a {@link CachingLanguageModel}. Not thread-safe; each option may be set once. */
    public static final class Builder {

        private final LanguageModel delegate;
        private long maximumEntries = -1;
        private Duration ttl;
        private TimeSource time;

        private Builder(LanguageModel delegate) {
            this.delegate = delegate;
        }

        /**
         * Bounds the cache; the least useful responses are evicted beyond it.
         *
         * @param entries at least 1
         * @return this builder
         */
        public Builder maximumEntries(long entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("CachingLanguageModel.maximumEntries must be at least 1, got "
                        + entries);
            }
            if (maximumEntries >= 0) {
                throw new IllegalStateException("CachingLanguageModel.maximumEntries is already " + maximumEntries
                        + "; set it once");
            }
            this.maximumEntries = entries;
            return this;
        }

        /**
         * Forgets a response this long after it was kept; kept until evicted when not set.
         *
         * @param ttl positive
         * @return this builder
         */
        public Builder expireAfterWrite(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("CachingLanguageModel.expireAfterWrite must be positive, got " + ttl);
            }
            if (this.ttl != null) {
                throw new IllegalStateException("CachingLanguageModel.expireAfterWrite is already " + this.ttl
                        + "; set it once");
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Sets the clock expiry reads; {@link TimeSource#SYSTEM} when not set.
         *
         * @param timeSource the clock; tests pass a manual one
         * @return this builder
         */
        public Builder timeSource(TimeSource timeSource) {
            if (time != null) {
                throw new IllegalStateException("CachingLanguageModel.timeSource is already " + time + "; set it once");
            }
            this.time = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /**
         * Builds the cache.
         *
         * @return the caching model, empty
         */
        public CachingLanguageModel build() {
            Caffeine<Object, Object> b = Caffeine.newBuilder()
                    .maximumSize(maximumEntries < 0 ? DEFAULT_MAXIMUM_ENTRIES : maximumEntries);
            if (ttl != null) {
                TimeSource clock = time == null ? TimeSource.SYSTEM : time;
                b.expireAfterWrite(ttl).ticker(clock::nanoTime);
            }
            return new CachingLanguageModel(delegate, b.build());
        }
    }
}
