package dev.aio.llm.langchain4j;

import dev.aio.core.storage.ObjectNames;

/**
 * The part of an object store that one {@link dev.aio.core.retrieval.AccessContext} may read
 * through {@link AioTools}: one bucket, and the keys under one prefix. Object stores have no
 * tenants of their own, so the host maps each tenant to its scope (say bucket {@code docs},
 * prefix {@code acme/}).
 *
 * @param bucket the bucket, a valid bucket name
 * @param prefix the key prefix every readable key starts with; empty for the whole bucket,
 *     which should only be given to a single-tenant deployment; otherwise it ends with {@code /}
 */
public record ObjectScope(String bucket, String prefix) {

    /** @throws IllegalArgumentException for an invalid bucket or prefix */
    public ObjectScope {
        ObjectNames.requireValidBucket(bucket);
        ObjectNames.requireValidPrefix(bucket, prefix);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            // "acme" would also cover "acme-rival/..."; a scope ends at a folder boundary.
            throw new IllegalArgumentException("ObjectScope prefix must be empty or end with '/', was '" + prefix
                    + "'; use '" + prefix + "/'");
        }
    }

    /**
     * @param key a full object key
     * @return whether the key is inside this scope
     */
    public boolean contains(String key) {
        return key.startsWith(prefix);
    }
}
