package dev.aio.core.ingest.internal;

import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.pipeline.PipelineListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutable state of one ingestion run: its id (the pipeline's, learnt when the run starts)
 * and the outcome of each object, recorded from worker threads. Thread-safe.
 */
public final class RunState implements PipelineListener {

    private volatile String runId;
    private final Map<String, ObjectOutcome> outcomes = new ConcurrentHashMap<>();

    @Override
    public void onRunStart(String pipeline, String id) {
        this.runId = id;
    }

    /** @return the run's id; set before the first item flows */
    public String runId() {
        String id = runId;
        if (id == null) {
            throw new IllegalStateException("the ingestion run has not started");
        }
        return id;
    }

    /** @return whether the run started (the pipeline announced its id) */
    public boolean started() {
        return runId != null;
    }

    /**
     * Records an object's outcome; a later outcome for the same object replaces an earlier one.
     *
     * @param outcome the outcome
     */
    public void record(ObjectOutcome outcome) {
        outcomes.put(outcome.bucket() + "\u0000" + outcome.key(), outcome);
    }

    /** @return every outcome, by bucket then key */
    public List<ObjectOutcome> outcomes() {
        List<ObjectOutcome> list = new ArrayList<>(outcomes.values());
        list.sort((a, b) -> a.bucket().equals(b.bucket()) ? a.key().compareTo(b.key())
                : a.bucket().compareTo(b.bucket()));
        return list;
    }
}
