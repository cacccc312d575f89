package dev.aio.core.pipeline;

import dev.aio.core.NonRetriableException;

/**
 * A stage function broke the engine's contract: a map returned {@code null}, a flatMap returned
 * {@code null} or an iterable holding {@code null}, an unbatch stage received an item that is not
 * iterable. The item fails at once (repeating the call would break the contract again).
 */
public final class StageContractException extends NonRetriableException {

    /**
     * @param stage the stage's name
     * @param problem what the function did wrong and how to fix it
     */
    public StageContractException(String stage, String problem) {
        super("stage '" + stage + "': " + problem);
    }
}
