package dev.aio.vector.langchain4j.internal;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.vector.ComparisonFilter;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.FilterOperator;
import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates langchain4j filters into aio {@link Filter}s with the same semantics (missing keys
 * match only the negations, as in langchain4j). {@link ContainsString} is case-sensitive in
 * langchain4j and aio's {@code contains} ignores case, so it is refused rather than approximated.
 */
public final class Langchain4jFilters {

    private Langchain4jFilters() {
    }

    /**
     * @param store the store's name, for the refusal message
     * @param filter a langchain4j filter
     * @return the aio filter
     * @throws UnsupportedCapabilityException for {@link ContainsString} or an unknown filter type
     */
    public static Filter toAio(String store, dev.langchain4j.store.embedding.filter.Filter filter) {
        if (filter instanceof IsEqualTo) {
            IsEqualTo f = (IsEqualTo) filter;
            return new ComparisonFilter(FilterOperator.EQ, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsNotEqualTo) {
            IsNotEqualTo f = (IsNotEqualTo) filter;
            return new ComparisonFilter(FilterOperator.NE, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsGreaterThan) {
            IsGreaterThan f = (IsGreaterThan) filter;
            return new ComparisonFilter(FilterOperator.GT, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsGreaterThanOrEqualTo) {
            IsGreaterThanOrEqualTo f = (IsGreaterThanOrEqualTo) filter;
            return new ComparisonFilter(FilterOperator.GTE, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsLessThan) {
            IsLessThan f = (IsLessThan) filter;
            return new ComparisonFilter(FilterOperator.LT, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsLessThanOrEqualTo) {
            IsLessThanOrEqualTo f = (IsLessThanOrEqualTo) filter;
            return new ComparisonFilter(FilterOperator.LTE, f.key(), Langchain4jMetadata.value(f.comparisonValue()));
        }
        if (filter instanceof IsIn) {
            IsIn f = (IsIn) filter;
            return Filter.in(f.key(), values(f.comparisonValues()));
        }
        if (filter instanceof IsNotIn) {
            IsNotIn f = (IsNotIn) filter;
            return Filter.notIn(f.key(), values(f.comparisonValues()));
        }
        if (filter instanceof And) {
            And f = (And) filter;
            return Filter.and(toAio(store, f.left()), toAio(store, f.right()));
        }
        if (filter instanceof Or) {
            Or f = (Or) filter;
            return Filter.or(toAio(store, f.left()), toAio(store, f.right()));
        }
        if (filter instanceof Not) {
            return Filter.not(toAio(store, ((Not) filter).expression()));
        }
        throw new UnsupportedCapabilityException(store, "the langchain4j filter " + filter.getClass().getSimpleName()
                + (filter instanceof ContainsString ? " (case-sensitive; aio's contains ignores case)" : ""),
                "use equality, comparison, in/not in, and/or/not");
    }

    private static List<Object> values(java.util.Collection<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(Langchain4jMetadata.value(v)));
        return out;
    }
}
