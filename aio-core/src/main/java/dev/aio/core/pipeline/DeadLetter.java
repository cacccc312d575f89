package dev.aio.core.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * An item that a stage could not process after its policy gave up, with everything needed to
 * understand and replay it.
 *
 * @param runId the run that produced it
 * @param stage the stage that failed
 * @param item the stage's input (for a batch stage's successor, the whole batch)
 * @param errorClass the failure's class name
 * @param errorMessage the failure's message, possibly empty
 * @param attempts attempts made, including the first
 * @param time when the item was given up on
 * @param error the failure itself; not serialised
 */
public record DeadLetter(String runId, String stage, Object item, String errorClass, String errorMessage,
        int attempts, Instant time, @JsonIgnore Throwable error) {

    /** Checks the fields. */
    public DeadLetter {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorClass, "errorClass");
        errorMessage = errorMessage == null ? "" : errorMessage;
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String toString() {
        String text = String.valueOf(item);
        if (text.length() > 200) {
            text = text.substring(0, 200) + "...";
        }
        return "DeadLetter[stage=" + stage + ", attempts=" + attempts + ", error=" + errorClass
                + (errorMessage.isEmpty() ? "" : ": " + errorMessage) + ", item=" + text + "]";
    }
}
