package dev.aio.core.testing;

import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.Progress;
import dev.aio.core.pipeline.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PipelineListener} that records what it hears, for tests: every event as a line of
 * text in arrival order, plus the progress reports, the final run reports and the run ids.
 * Thread-safe; the accessors return snapshots.
 *
 * <p>Event lines: {@code run-start PIPELINE}, {@code run-end STATUS}, {@code start STAGE ITEM},
 * {@code end STAGE ITEM}, {@code error STAGE ITEM attempt=N retry=BOOL ERRORCLASS},
 * {@code batch STAGE size=N byTime=BOOL}.
 */
public class RecordingPipelineListener implements PipelineListener {

    private final List<String> events = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private final List<RunReport> reports = new ArrayList<>();
    private final List<String> runIds = new ArrayList<>();

    @Override
    public void onRunStart(String pipeline, String runId) {
        synchronized (this) {
            runIds.add(runId);
            events.add("run-start " + pipeline);
        }
    }

    @Override
    public void onRunEnd(RunReport report) {
        synchronized (this) {
            reports.add(report);
            events.add("run-end " + report.status());
        }
    }

    @Override
    public void onItemStart(String stage, Object item) {
        record("start " + stage + " " + item);
    }

    @Override
    public void onItemEnd(String stage, Object item, long nanos) {
        record("end " + stage + " " + item);
    }

    @Override
    public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
        record("error " + stage + " " + item + " attempt=" + attempt + " retry=" + willRetry + " "
                + error.getClass().getSimpleName());
    }

    @Override
    public void onBatchFlushed(String stage, int size, boolean byTime) {
        record("batch " + stage + " size=" + size + " byTime=" + byTime);
    }

    @Override
    public synchronized void onProgress(Progress report) {
        progress.add(report);
    }

    private synchronized void record(String line) {
        events.add(line);
    }

    /** @return every event line so far, in arrival order */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /**
     * @param prefix such as {@code "error "} or {@code "batch "}
     * @return the event lines that start with the prefix, in arrival order
     */
    public synchronized List<String> eventsStartingWith(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    /** @return every progress report so far */
    public synchronized List<Progress> progress() {
        return List.copyOf(progress);
    }

    /** @return the final report of every run that ended */
    public synchronized List<RunReport> reports() {
        return List.copyOf(reports);
    }

    /** @return the id of every run that started */
    public synchronized List<String> runIds() {
        return List.copyOf(runIds);
    }
}
