package dev.aio.core.retrieval;

import dev.aio.core.NonRetriableException;

/**
 * A retrieval was refused for access reasons: a multi-tenant {@link Retriever} got a request
 * without an {@link AccessContext}, or a store, keyword search or reranker returned a chunk that
 * the request's access filter excludes (a provider bug). Failing closed and loudly is the point:
 * no chunk of the request is returned.
 */
public class AccessViolationException extends NonRetriableException {

    /** @param message what was refused and why, naming the component */
    public AccessViolationException(String message) {
        super(message);
    }
}
