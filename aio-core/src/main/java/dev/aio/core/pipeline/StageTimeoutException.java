package dev.aio.core.pipeline;

import dev.aio.core.RetriableException;
import java.time.Duration;

/** An attempt ran past its {@linkplain StepPolicy#timeout(Duration) per-attempt timeout} and was interrupted. */
public final class StageTimeoutException extends RetriableException {

    /**
     * @param stage the stage's name
     * @param timeout the limit that was exceeded
     */
    public StageTimeoutException(String stage, Duration timeout) {
        super("stage '" + stage + "' attempt did not finish within " + timeout
                + "; raise the policy's timeout or make the call faster");
    }
}
