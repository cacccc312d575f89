package dev.aio.core.pipeline.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.aio.core.pipeline.ErrorClassifier;
import dev.aio.core.pipeline.StageConsumer;
import dev.aio.core.pipeline.StageContractException;
import dev.aio.core.pipeline.StageFunction;
import dev.aio.core.pipeline.StageKind;
import dev.aio.core.pipeline.StagePredicate;
import dev.aio.core.pipeline.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A stage ready to run: its function, its policy runtime and its cache. Shared by every run and
 * call of the pipeline; holds no per-run state.
 */
final class StageRuntime {

    private static final String NULL_FROM_MAP =
            "the map function returned null; return a value, or use filter(...) to drop items";

    final int index;
    final String pipeline;
    final StageDef def;
    final String name;
    final StageKind kind;
    private final Object fn;
    private final PolicyRuntime policy;
    private final Cache<Object, Object> cache;
    private final Function<Object, ?> cacheKey;
    private final TimeSource time;
    /** No policy and no cache: the function is called directly. */
    final boolean plain;

    StageRuntime(int index, String pipeline, StageDef def, PolicyRuntime policy, Cache<Object, Object> cache,
            TimeSource time) {
        this.index = index;
        this.pipeline = pipeline;
        this.def = def;
        this.name = def.name;
        this.kind = def.kind;
        this.fn = def.fn;
        this.policy = policy;
        this.cache = cache;
        this.cacheKey = def.cacheKey;
        this.time = time;
        this.plain = policy == null && cache == null;
    }

    /**
     * Runs the stage on one input, with cache, policy and listener events.
     *
     * @param counters the run's counters for this stage, or {@code null} in {@code call()}
     * @return the map's output, {@code Boolean} for a filter, a {@code List} for flatMap and
     *     unbatch, the input for peek and sink
     */
    Object invoke(Object input, StageCounters counters, SafeListener listener)
            throws ItemFailure, InterruptedException {
        boolean listen = listener.active();
        long start = 0;
        if (listen) {
            start = time.nanoTime();
            listener.onItemStart(name, input);
        }
        Object key = null;
        if (cache != null) {
            key = cacheKeyOf(input);
            Object hit = cache.getIfPresent(key);
            if (hit != null) {
                if (counters != null) {
                    counters.cacheHits.increment();
                }
                if (listen) {
                    listener.onItemEnd(name, input, time.nanoTime() - start);
                }
                return hit;
            }
            if (counters != null) {
                counters.cacheMisses.increment();
            }
        }
        Object result;
        if (policy == null) {
            result = callOnce(input, listener);
        } else {
            result = policy.execute(this, input, counters, listener);
        }
        if (cache != null) {
            cache.put(key, result);
        }
        if (listen) {
            listener.onItemEnd(name, input, time.nanoTime() - start);
        }
        return result;
    }

    private Object callOnce(Object input, SafeListener listener) throws ItemFailure, InterruptedException {
        try {
            return callUser(input);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable t) {
            Throwable cause = PolicyRuntime.unwrap(t);
            if (listener.active()) {
                listener.onItemError(name, input, cause, 1, false);
            }
            throw new ItemFailure(cause, 1, ErrorClassifier.DEFAULT.isRetriable(cause));
        }
    }

    private Object cacheKeyOf(Object input) throws ItemFailure {
        Object key;
        try {
            key = cacheKey.apply(input);
        } catch (RuntimeException e) {
            throw new ItemFailure(e, 1, false);
        }
        if (key == null) {
            throw new ItemFailure(new StageContractException(name, "the cache key function returned null for an "
                    + "item; return a non-null key"), 1, false);
        }
        return key;
    }

    /** Calls the user's function once, enforcing the engine's contract on what it returns. */
    @SuppressWarnings("unchecked")
    Object callUser(Object input) throws Exception {
        switch (kind) {
            case MAP: {
                Object out = ((StageFunction<Object, Object>) fn).apply(input);
                if (out == null) {
                    throw new StageContractException(name, NULL_FROM_MAP);
                }
                return out;
            }
            case FILTER:
                return ((StagePredicate<Object>) fn).test(input) ? Boolean.TRUE : Boolean.FALSE;
            case PEEK:
            case SINK:
                ((StageConsumer<Object>) fn).accept(input);
                return input;
            case FLAT_MAP:
                return materialize(((StageFunction<Object, Iterable<?>>) fn).apply(input), "the flatMap function");
            case UNBATCH:
                if (!(input instanceof Iterable)) {
                    throw new StageContractException(name, "unbatch needs an Iterable item, got "
                            + input.getClass().getName() + "; put it after a batch or a map that returns a list");
                }
                return materialize((Iterable<?>) input, "the item");
            default:
                throw new IllegalStateException("stage '" + name + "' of kind " + kind + " is not called per item");
        }
    }

    private List<Object> materialize(Iterable<?> items, String what) {
        if (items == null) {
            throw new StageContractException(name, what + " returned null; return an empty list for no output");
        }
        List<Object> out = items instanceof java.util.Collection
                ? new ArrayList<>(((java.util.Collection<?>) items).size()) : new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                throw new StageContractException(name, what + " produced a null element; leave it out instead");
            }
            out.add(item);
        }
        return out;
    }

    void invalidateCache() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** A failure of the function in {@code call()}, which has no policy: one attempt, classified by default. */
    dev.aio.core.pipeline.StageFailedException callFailure(Exception e) {
        Throwable cause = PolicyRuntime.unwrap(e);
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return failed(pipeline, new ItemFailure(cause, 1, ErrorClassifier.DEFAULT.isRetriable(cause)));
    }

    dev.aio.core.pipeline.StageFailedException nullFromMap() {
        return failed(pipeline, new ItemFailure(new StageContractException(name, NULL_FROM_MAP), 1, false));
    }

    /** Wraps a failure for {@code call()}. */
    dev.aio.core.pipeline.StageFailedException failed(String pipeline, ItemFailure failure) {
        return new dev.aio.core.pipeline.StageFailedException(pipeline, name, failure.attempts, failure.retriable,
                failure.getCause());
    }
}
