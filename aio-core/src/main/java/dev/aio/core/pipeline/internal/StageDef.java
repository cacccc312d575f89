package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.CacheSpec;
import dev.aio.core.pipeline.StageKind;
import dev.aio.core.pipeline.StepPolicy;
import java.time.Duration;
import java.util.function.Function;

/**
 * The immutable description of one stage, as the builder accumulates it. Settings left at
 * {@code 0}/{@code null} were not set by the user; {@link #effectiveConcurrency()} and friends
 * apply the defaults.
 */
public final class StageDef {

    /** Queue capacity in front of a stage that gets its own queue without saying how big. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    final String name;
    final StageKind kind;
    final Object fn;
    final int concurrency;
    final Boolean ordered;
    final boolean io;
    final StepPolicy policy;
    final Function<Object, ?> cacheKey;
    final CacheSpec cacheSpec;
    final int queueCapacity;
    final int batchSize;
    final Duration batchMaxWait;

    private StageDef(String name, StageKind kind, Object fn, int concurrency, Boolean ordered, boolean io,
            StepPolicy policy, Function<Object, ?> cacheKey, CacheSpec cacheSpec, int queueCapacity, int batchSize,
            Duration batchMaxWait) {
        this.name = name;
        this.kind = kind;
        this.fn = fn;
        this.concurrency = concurrency;
        this.ordered = ordered;
        this.io = io;
        this.policy = policy;
        this.cacheKey = cacheKey;
        this.cacheSpec = cacheSpec;
        this.queueCapacity = queueCapacity;
        this.batchSize = batchSize;
        this.batchMaxWait = batchMaxWait;
    }

    public static StageDef of(String name, StageKind kind, Object fn) {
        return new StageDef(name, kind, fn, 0, null, false, null, null, null, 0, 0, null);
    }

    public static StageDef batch(String name, int size, Duration maxWait) {
        return new StageDef(name, StageKind.BATCH, null, 0, null, false, null, null, null, 0, size, maxWait);
    }

    public String name() {
        return name;
    }

    public StageKind kind() {
        return kind;
    }

    public int concurrency() {
        return concurrency;
    }

    public Boolean ordered() {
        return ordered;
    }

    public boolean io() {
        return io;
    }

    public StepPolicy policy() {
        return policy;
    }

    public CacheSpec cacheSpec() {
        return cacheSpec;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration batchMaxWait() {
        return batchMaxWait;
    }

    public Object function() {
        return fn;
    }

    int effectiveConcurrency() {
        return concurrency == 0 ? 1 : concurrency;
    }

    boolean effectiveOrdered() {
        return ordered == null || ordered;
    }

    public StageDef withConcurrency(int value) {
        return new StageDef(name, kind, fn, value, ordered, io, policy, cacheKey, cacheSpec, queueCapacity, batchSize,
                batchMaxWait);
    }

    public StageDef withOrdered(boolean value) {
        return new StageDef(name, kind, fn, concurrency, value, io, policy, cacheKey, cacheSpec, queueCapacity,
                batchSize, batchMaxWait);
    }

    public StageDef withIo() {
        return new StageDef(name, kind, fn, concurrency, ordered, true, policy, cacheKey, cacheSpec, queueCapacity,
                batchSize, batchMaxWait);
    }

    public StageDef withPolicy(StepPolicy value) {
        return new StageDef(name, kind, fn, concurrency, ordered, io, value, cacheKey, cacheSpec, queueCapacity,
                batchSize, batchMaxWait);
    }

    public StageDef withCache(Function<Object, ?> key, CacheSpec spec) {
        return new StageDef(name, kind, fn, concurrency, ordered, io, policy, key, spec, queueCapacity, batchSize,
                batchMaxWait);
    }

    public StageDef withQueueCapacity(int value) {
        return new StageDef(name, kind, fn, concurrency, ordered, io, policy, cacheKey, cacheSpec, value, batchSize,
                batchMaxWait);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
