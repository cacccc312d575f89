package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StagePredicate;

/** Template of a filter stage's link; {@link LinkChain} gives each stage its own copy of this class. */
final class FilterLink extends Link {

    private final StageRuntime stage;
    private final StagePredicate<Object> predicate;
    private final Link next;

    @SuppressWarnings("unchecked")
    FilterLink(StageRuntime stage, Link next) {
        this.stage = stage;
        this.predicate = (StagePredicate<Object>) stage.def.fn;
        this.next = next;
    }

    @Override
    Object apply(Object item) {
        boolean keep;
        try {
            keep = predicate.test(item);
        } catch (Exception e) {
            throw stage.callFailure(e);
        }
        return keep ? next.apply(item) : null;
    }
}
