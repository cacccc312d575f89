package dev.aio.core.retrieval;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who a retrieval is made for: a principal, the tenant it belongs to and the groups it is in.
 * A {@link Retriever} built in multi-tenant mode requires one on every request and turns it into
 * a filter the caller cannot remove or widen (see {@link Retriever}).
 *
 * <p>Access labels are opaque strings matched exactly against a chunk's
 * {@link dev.aio.core.ingest.Lineage#ACL} labels. The principal and the groups share one name
 * space, so give them distinct prefixes (say {@code user:alice} and {@code group:hr}) unless a
 * principal and a group of the same name are meant to be the same. A chunk labelled
 * {@value #EVERYONE} is readable by every principal of its tenant.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccessContext {

    /** The label that grants every principal of the tenant access. */
    public static final String EVERYONE = "*";

    private final String principal;
    private final String tenant;
    private final Set<String> groups;

    private AccessContext(String principal, String tenant, Set<String> groups) {
        this.principal = requireLabel("principal", principal);
        this.tenant = requireLabel("tenant", tenant);
        this.groups = groups;
    }

    /**
     * @param principal the caller's identity, non-blank, not {@value #EVERYONE}
     * @param tenant the caller's tenant, non-blank
     * @param groups the caller's groups, none blank or {@value #EVERYONE}; copied
     * @return the context
     * @throws IllegalArgumentException naming the rejected value
     */
    public static AccessContext of(String principal, String tenant, Collection<String> groups) {
        Objects.requireNonNull(groups, "groups");
        Set<String> copy = new LinkedHashSet<>();
        for (String g : groups) {
            copy.add(requireLabel("group", g));
        }
        return new AccessContext(principal, tenant, Set.copyOf(copy));
    }

    /**
     * @param principal the caller's identity
     * @param tenant the caller's tenant
     * @param groups the caller's groups
     * @return the context
     */
    public static AccessContext of(String principal, String tenant, String... groups) {
        return of(principal, tenant, java.util.Arrays.asList(groups));
    }

    private static String requireLabel(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AccessContext " + what + " must be non-blank, got '" + value + "'");
        }
        if (EVERYONE.equals(value)) {
            throw new IllegalArgumentException("AccessContext " + what + " may not be '" + EVERYONE
                    + "', the label that grants everyone access");
        }
        return value;
    }

    /** @return the principal */
    public String principal() {
        return principal;
    }

    /** @return the tenant */
    public String tenant() {
        return tenant;
    }

    /** @return the groups, unmodifiable */
    public Set<String> groups() {
        return groups;
    }

    /** @return every label that grants this context access: the principal, the groups and {@value #EVERYONE} */
    public Set<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        labels.add(principal);
        labels.addAll(groups);
        labels.add(EVERYONE);
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessContext && ((AccessContext) o).principal.equals(principal)
                && ((AccessContext) o).tenant.equals(tenant) && ((AccessContext) o).groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(principal, tenant, groups);
    }

    @Override
    public String toString() {
        return "AccessContext{principal=" + principal + ", tenant=" + tenant + ", groups=" + groups + "}";
    }
}
