package dev.aio.core.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs runs through SLF4J under the logger {@code dev.aio.pipeline}: run start, end and progress
 * at INFO, given-up items at WARN, retried attempts at DEBUG, per-item events at TRACE. Items
 * are shown by their {@code toString()}, cut to 120 characters.
 */
public final class Slf4jPipelineListener implements PipelineListener {

    private final Logger log;

    /** A listener logging to {@code dev.aio.pipeline}. */
    public Slf4jPipelineListener() {
        this(LoggerFactory.getLogger("dev.aio.pipeline"));
    }

    /**
     * A listener logging to a logger of the caller's choice.
     *
     * @param log the logger
     */
    public Slf4jPipelineListener(Logger log) {
        this.log = java.util.Objects.requireNonNull(log, "log");
    }

    @Override
    public void onRunStart(String pipeline, String runId) {
        log.info("pipeline '{}' run {} started", pipeline, runId);
    }

    @Override
    public void onRunEnd(RunReport report) {
        log.info("{}", report);
    }

    @Override
    public void onItemStart(String stage, Object item) {
        if (log.isTraceEnabled()) {
            log.trace("stage '{}' started {}", stage, shorten(item));
        }
    }

    @Override
    public void onItemEnd(String stage, Object item, long nanos) {
        if (log.isTraceEnabled()) {
            log.trace("stage '{}' finished {} in {} us", stage, shorten(item), nanos / 1_000);
        }
    }

    @Override
    public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
        if (willRetry) {
            log.debug("stage '{}' attempt {} failed on {}, retrying: {}", stage, attempt, shorten(item),
                    StageFailedException.describe(error));
        } else {
            log.warn("stage '{}' gave up on {} after {} attempt(s): {}", stage, shorten(item), attempt,
                    StageFailedException.describe(error));
        }
    }

    @Override
    public void onBatchFlushed(String stage, int size, boolean byTime) {
        log.debug("stage '{}' flushed a batch of {} ({})", stage, size, byTime ? "max wait" : "full");
    }

    @Override
    public void onProgress(Progress progress) {
        log.info("run {}: {}", progress.runId(), progress);
    }

    static String shorten(Object item) {
        String text = String.valueOf(item);
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
