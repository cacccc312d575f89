package dev.aio.core.retrieval;

import dev.aio.core.ingest.Lineage;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import java.util.List;
import java.util.Objects;

/**
 * The access part of one request: the tenant to search in (when the store isolates tenants),
 * the filter that is ANDed to the caller's, and the check every returned hit must pass.
 */
final class AccessGuard {

    private final AccessContext access;
    private final String namespace;
    private final Filter enforced;

    private AccessGuard(AccessContext access, String namespace, Filter enforced) {
        this.access = access;
        this.namespace = namespace;
        this.enforced = enforced;
    }

    /** No access context in a single-tenant retriever: no restriction. */
    static AccessGuard open() {
        return new AccessGuard(null, null, null);
    }

    /**
     * @param access whom the request is for
     * @param storeIsolatesTenants whether the store keeps tenants apart itself
     * @return the guard
     */
    static AccessGuard of(AccessContext access, boolean storeIsolatesTenants) {
        Filter acl = Filter.in(Lineage.ACL, List.copyOf(access.labels()));
        if (storeIsolatesTenants) {
            return new AccessGuard(access, access.tenant(), acl);
        }
        return new AccessGuard(access, null, Filter.and(Filter.eq(Retriever.TENANT_KEY, access.tenant()), acl));
    }

    /** @return the store tenant to search in, or {@code null} */
    String namespace() {
        return namespace;
    }

    /**
     * ANDs the enforced filter to the caller's, so nothing the caller writes (an {@code ||}, a
     * negation, a condition on {@code tenant} or {@code acl}) can widen it: a record must meet
     * both.
     *
     * @param caller the caller's filter, or {@code null}
     * @return the filter to search with, or {@code null} for none
     */
    Filter combine(Filter caller) {
        if (enforced == null) {
            return caller;
        }
        return caller == null ? enforced : Filter.and(enforced, caller);
    }

    /**
     * @param hits what a component returned
     * @param component its name, for the message
     * @throws AccessViolationException for a hit outside the tenant or the enforced filter
     */
    void check(List<SearchHit> hits, String component) {
        if (enforced == null) {
            return;
        }
        for (SearchHit hit : hits) {
            boolean inTenant = Objects.equals(hit.record().tenant(), namespace);
            if (!inTenant || !enforced.test(hit.metadata())) {
                throw new AccessViolationException(component + " returned chunk '" + hit.id() + "' (tenant "
                        + hit.record().tenant() + ") that the access filter " + enforced + " for " + access
                        + " excludes; the request is refused. The component ignores tenants or filters: fix it");
            }
        }
    }
}
