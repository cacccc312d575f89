package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageConsumer;
import dev.aio.core.pipeline.StageKind;

/**
 * Template of a peek or sink stage's link; {@link LinkChain} gives each stage its own copy of
 * this class. A sink ends the chain and returns {@code null}.
 */
final class ConsumerLink extends Link {

    private final StageRuntime stage;
    private final StageConsumer<Object> consumer;
    private final Link next;
    private final boolean sink;

    @SuppressWarnings("unchecked")
    ConsumerLink(StageRuntime stage, Link next) {
        this.stage = stage;
        this.consumer = (StageConsumer<Object>) stage.def.fn;
        this.next = next;
        this.sink = stage.kind == StageKind.SINK;
    }

    @Override
    Object apply(Object item) {
        try {
            consumer.accept(item);
        } catch (Exception e) {
            throw stage.callFailure(e);
        }
        return sink ? null : next.apply(item);
    }
}
