package dev.aio.spring.boot.internal;

import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.Progress;
import dev.aio.core.pipeline.RunReport;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event to several listeners, as the ingestor takes one. Each is isolated: one that
 * throws is logged and the others still hear the event (the engine's own guard would skip them).
 */
public final class CompositeListener implements PipelineListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);

    private final List<PipelineListener> listeners;

    /** @param listeners called in this order */
    public CompositeListener(List<PipelineListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * @param listeners the listeners
     * @return the only one, or a composite of several; null for none
     */
    public static PipelineListener of(List<PipelineListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> null;
            case 1 -> listeners.get(0);
            default -> new CompositeListener(listeners);
        };
    }

    private void each(String event, Consumer<PipelineListener> call) {
        for (PipelineListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("pipeline listener {} failed in {}; ignored", l.getClass().getName(), event, e);
            }
        }
    }

    @Override
    public void onRunStart(String pipeline, String runId) {
        each("onRunStart", l -> l.onRunStart(pipeline, runId));
    }

    @Override
    public void onRunEnd(RunReport report) {
        each("onRunEnd", l -> l.onRunEnd(report));
    }

    @Override
    public void onItemStart(String stage, Object item) {
        each("onItemStart", l -> l.onItemStart(stage, item));
    }

    @Override
    public void onItemEnd(String stage, Object item, long nanos) {
        each("onItemEnd", l -> l.onItemEnd(stage, item, nanos));
    }

    @Override
    public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
        each("onItemError", l -> l.onItemError(stage, item, error, attempt, willRetry));
    }

    @Override
    public void onBatchFlushed(String stage, int size, boolean byTime) {
        each("onBatchFlushed", l -> l.onBatchFlushed(stage, size, byTime));
    }

    @Override
    public void onProgress(Progress progress) {
        each("onProgress", l -> l.onProgress(progress));
    }
}
