package dev.aio.gpu;

import dev.aio.core.RetriableException;

/**
 * A {@link DjlEmbedder}'s request queue stayed full for longer than its offer timeout: callers
 * submit texts faster than the device embeds them. Retriable: the same call may succeed once the
 * queue drains; a pipeline's retry policy with backoff is the intended answer, or a larger
 * {@link DjlEmbedderBuilder#queueCapacity(int) queue capacity}.
 */
public class EmbedderOverloadedException extends RetriableException {

    /** @param message what was full, how long the caller waited and what to change */
    public EmbedderOverloadedException(String message) {
        super(message);
    }
}
