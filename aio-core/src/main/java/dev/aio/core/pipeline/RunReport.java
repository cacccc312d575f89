package dev.aio.core.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The account of one streaming run: what each stage did, every dead letter, and how the run
 * ended. Immutable.
 *
 * @param runId a unique id for the run
 * @param pipeline the pipeline's name
 * @param status how the run ended
 * @param started when the run started
 * @param ended when the run ended
 * @param read items read from the source
 * @param done source items fully processed (see {@link Progress})
 * @param stages one report per stage, in pipeline order
 * @param deadLetters the first {@link #MAX_KEPT_DEAD_LETTERS} dead letters
 * @param deadLetterCount how many dead letters there were in all
 * @param failure what stopped a {@link RunStatus#FAILED} run, else {@code null}
 */
public record RunReport(String runId, String pipeline, RunStatus status, Instant started, Instant ended, long read,
        long done, List<StageReport> stages, List<DeadLetter> deadLetters, long deadLetterCount, Throwable failure) {

    /** How many dead letters a report keeps; the count stays exact beyond it, and sinks see them all. */
    public static final int MAX_KEPT_DEAD_LETTERS = 1_000;

    /** Copies the lists. */
    public RunReport {
        stages = List.copyOf(stages);
        deadLetters = List.copyOf(deadLetters);
    }

    /** @return the run's wall-clock duration */
    public Duration duration() {
        return Duration.between(started, ended);
    }

    /**
     * Finds a stage's report by name.
     *
     * @param name the stage's name
     * @return its report
     * @throws IllegalArgumentException listing the stage names if there is no such stage
     */
    public StageReport stage(String name) {
        for (StageReport stage : stages) {
            if (stage.name().equals(name)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("no stage named '" + name + "' in pipeline '" + pipeline + "'; stages are "
                + stages.stream().map(StageReport::name).toList());
    }

    /** @return what stopped the run, if it failed */
    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(failure);
    }

    /** @return whether the run completed with no dead letters */
    public boolean isClean() {
        return status == RunStatus.COMPLETED && deadLetterCount == 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("run ").append(runId).append(" of '").append(pipeline).append("' ")
                .append(status).append(" in ").append(duration().toMillis()).append(" ms: read=").append(read)
                .append(" done=").append(done).append(" deadLetters=").append(deadLetterCount);
        for (StageReport stage : stages) {
            s.append("\n  ").append(stage);
        }
        if (failure != null) {
            s.append("\n  failure: ").append(StageFailedException.describe(failure));
        }
        return s.toString();
    }
}
