package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageFunction;

/** Template of a map stage's link; {@link LinkChain} gives each stage its own copy of this class. */
final class MapLink extends Link {

    private final StageRuntime stage;
    private final StageFunction<Object, Object> fn;
    private final Link next;

    @SuppressWarnings("unchecked")
    MapLink(StageRuntime stage, Link next) {
        this.stage = stage;
        this.fn = (StageFunction<Object, Object>) stage.def.fn;
        this.next = next;
    }

    @Override
    Object apply(Object item) {
        Object out;
        try {
            out = fn.apply(item);
        } catch (Exception e) {
            throw stage.callFailure(e);
        }
        if (out == null) {
            throw stage.nullFromMap();
        }
        return next.apply(out);
    }
}
