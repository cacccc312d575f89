package dev.aio.core.pipeline;

import dev.aio.core.pipeline.internal.PipelineDef;
import dev.aio.core.pipeline.internal.StageDef;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link PipelineBuilder} whose last stage is a {@code map}, which is the one kind of stage
 * that can {@linkplain #cached cache} its results. The stage's input type {@code S} is kept so
 * that the cache key function is type-checked.
 *
 * @param <I> the pipeline's input type
 * @param <S> the map stage's input type
 * @param <T> the map stage's output type
 */
public final class MapStageBuilder<I, S, T> extends PipelineBuilder<I, T> {

    MapStageBuilder(PipelineDef def) {
        super(def);
    }

    @Override
    MapStageBuilder<I, S, T> next(PipelineDef newDef) {
        return new MapStageBuilder<>(newDef);
    }

    /**
     * Caches the map stage's results (in Caffeine) under a key derived from each input: an item
     * whose key is cached skips the function, its policy included. Hits and misses are counted in
     * the {@link StageReport}. The cache belongs to the built pipeline and lives across runs and
     * calls until the pipeline is closed.
     *
     * @param key derives the cache key from the input; keys need {@code equals} and {@code hashCode}
     * @param spec the cache's size and expiry
     * @return a new builder
     */
    @SuppressWarnings("unchecked")
    public MapStageBuilder<I, S, T> cached(Function<? super S, ?> key, CacheSpec spec) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(spec, "spec");
        StageDef last = def.last();
        if (last.cacheSpec() != null) {
            throw new IllegalStateException("stage '" + last.name() + "' is already cached (" + last.cacheSpec()
                    + "); set the cache once");
        }
        return next(def.withLast(last.withCache((Function<Object, ?>) key, spec)));
    }

    @Override
    @SuppressWarnings("unchecked") // next() makes a MapStageBuilder; the static type is the superclass's
    public MapStageBuilder<I, S, T> concurrency(int workers) {
        return (MapStageBuilder<I, S, T>) super.concurrency(workers);
    }

    @Override
    @SuppressWarnings("unchecked") // next() makes a MapStageBuilder; the static type is the superclass's
    public MapStageBuilder<I, S, T> unordered() {
        return (MapStageBuilder<I, S, T>) super.unordered();
    }

    @Override
    @SuppressWarnings("unchecked") // next() makes a MapStageBuilder; the static type is the superclass's
    public MapStageBuilder<I, S, T> io() {
        return (MapStageBuilder<I, S, T>) super.io();
    }

    @Override
    @SuppressWarnings("unchecked") // next() makes a MapStageBuilder; the static type is the superclass's
    public MapStageBuilder<I, S, T> policy(StepPolicy policy) {
        return (MapStageBuilder<I, S, T>) super.policy(policy);
    }

    @Override
    @SuppressWarnings("unchecked") // next() makes a MapStageBuilder; the static type is the superclass's
    public MapStageBuilder<I, S, T> queueCapacity(int capacity) {
        return (MapStageBuilder<I, S, T>) super.queueCapacity(capacity);
    }
}
