package dev.aio.core.vector;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link VectorStore} can do beyond plain top-k vector search. {@link
 * AbstractVectorStore} refuses anything not declared here before the store sees the call.
 * Immutable and thread-safe.
 */
public final class Capabilities {

    private final Set<FilterOperator> filterOperators;
    private final Set<HybridSearch.Fusion> hybridFusions;
    private final boolean tenants;
    private final boolean persistent;

    private Capabilities(Builder b) {
        this.filterOperators = Collections.unmodifiableSet(EnumSet.copyOf(b.filterOperators));
        this.hybridFusions = Collections.unmodifiableSet(b.hybridFusions.isEmpty()
                ? EnumSet.noneOf(HybridSearch.Fusion.class) : EnumSet.copyOf(b.hybridFusions));
        this.tenants = b.tenants;
        this.persistent = b.persistent;
    }

    /** @return a builder declaring nothing: no filters, no hybrid, no tenants, not persistent */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the filter operators the store evaluates exactly, unmodifiable */
    public Set<FilterOperator> filterOperators() {
        return filterOperators;
    }

    /** @param operator an operator @return whether the store evaluates it */
    public boolean supports(FilterOperator operator) {
        return filterOperators.contains(operator);
    }

    /** @return the hybrid fusions the store can do; empty when it has no keyword scoring */
    public Set<HybridSearch.Fusion> hybridFusions() {
        return hybridFusions;
    }

    /** @return whether the store can do some hybrid search */
    public boolean hybrid() {
        return !hybridFusions.isEmpty();
    }

    /** @return whether records and queries may name a tenant, isolated from the others */
    public boolean tenants() {
        return tenants;
    }

    /** @return whether a write that returned survives the process being killed */
    public boolean persistent() {
        return persistent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities && ((Capabilities) o).filterOperators.equals(filterOperators)
                && ((Capabilities) o).hybridFusions.equals(hybridFusions) && ((Capabilities) o).tenants == tenants
                && ((Capabilities) o).persistent == persistent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(filterOperators, hybridFusions, tenants, persistent);
    }

    @Override
    public String toString() {
        return "Capabilities{filterOperators=" + filterOperators + ", hybridFusions=" + hybridFusions + ", tenants="
                + tenants + ", persistent=" + persistent + "}";
    }

    /** Builds {@link Capabilities}. Not thread-safe. */
    public static final class Builder {
        private final Set<FilterOperator> filterOperators = EnumSet.noneOf(FilterOperator.class);
        private final Set<HybridSearch.Fusion> hybridFusions = EnumSet.noneOf(HybridSearch.Fusion.class);
        private boolean tenants;
        private boolean persistent;

        private Builder() {
        }

        /** @return this builder, declaring every {@link FilterOperator} */
        public Builder allFilterOperators() {
            filterOperators.addAll(EnumSet.allOf(FilterOperator.class));
            return this;
        }

        /** @param operators operators the store evaluates exactly @return this builder */
        public Builder filterOperators(FilterOperator... operators) {
            for (FilterOperator op : operators) {
                filterOperators.add(Objects.requireNonNull(op, "operator"));
            }
            return this;
        }

        /** @param fusions the hybrid fusions the store can do @return this builder */
        public Builder hybrid(HybridSearch.Fusion... fusions) {
            for (HybridSearch.Fusion f : fusions) {
                hybridFusions.add(Objects.requireNonNull(f, "fusion"));
            }
            return this;
        }

        /** @param tenants whether the store isolates tenants @return this builder */
        public Builder tenants(boolean tenants) {
            this.tenants = tenants;
            return this;
        }

        /** @param persistent whether returned writes survive a crash @return this builder */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        /** @return the capabilities */
        public Capabilities build() {
            return new Capabilities(this);
        }
    }
}
