package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.Progress;
import dev.aio.core.pipeline.RunReport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the user's listeners in order and keeps their failures away from the run: a listener
 * that throws is logged (once per listener and event) and the run goes on.
 */
final class SafeListener implements PipelineListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final PipelineListener[] listeners;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    SafeListener(List<PipelineListener> listeners) {
        this.listeners = listeners.toArray(new PipelineListener[0]);
    }

    /** Whether any listener is registered; when not, the engine skips event work entirely. */
    boolean active() {
        return listeners.length > 0;
    }

    private void failed(PipelineListener listener, String event, Throwable error) {
        if (error instanceof VirtualMachineError) {
            throw (VirtualMachineError) error; // out of memory or stack: not the listener's to hide
        }
        if (reported.add(listener.getClass().getName() + "#" + event)) {
            LOG.warn("pipeline listener {} threw from {}; the run goes on (further failures of this listener "
                    + "in {} are not logged)", listener.getClass().getName(), event, event, error);
        }
    }

    @Override
    public void onRunStart(String pipeline, String runId) {
        for (PipelineListener l : listeners) {
            try {
                l.onRunStart(pipeline, runId);
            } catch (Throwable e) {
                failed(l, "onRunStart", e);
            }
        }
    }

    @Override
    public void onRunEnd(RunReport report) {
        for (PipelineListener l : listeners) {
            try {
                l.onRunEnd(report);
            } catch (Throwable e) {
                failed(l, "onRunEnd", e);
            }
        }
    }

    @Override
    public void onItemStart(String stage, Object item) {
        for (PipelineListener l : listeners) {
            try {
                l.onItemStart(stage, item);
            } catch (Throwable e) {
                failed(l, "onItemStart", e);
            }
        }
    }

    @Override
    public void onItemEnd(String stage, Object item, long nanos) {
        for (PipelineListener l : listeners) {
            try {
                l.onItemEnd(stage, item, nanos);
            } catch (Throwable e) {
                failed(l, "onItemEnd", e);
            }
        }
    }

    @Override
    public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
        for (PipelineListener l : listeners) {
            try {
                l.onItemError(stage, item, error, attempt, willRetry);
            } catch (Throwable e) {
                failed(l, "onItemError", e);
            }
        }
    }

    @Override
    public void onBatchFlushed(String stage, int size, boolean byTime) {
        for (PipelineListener l : listeners) {
            try {
                l.onBatchFlushed(stage, size, byTime);
            } catch (Throwable e) {
                failed(l, "onBatchFlushed", e);
            }
        }
    }

    @Override
    public void onProgress(Progress progress) {
        for (PipelineListener l : listeners) {
            try {
                l.onProgress(progress);
            } catch (Throwable e) {
                failed(l, "onProgress", e);
            }
        }
    }
}
