package dev.aio.core.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A portable, immutable condition on a record's metadata, which every {@link VectorStore}
 * either evaluates exactly as {@link #test(Map)} does or refuses with an
 * {@link dev.aio.core.UnsupportedCapabilityException}.
 *
 * <p>Values are strings, longs, doubles and booleans (ints and floats are widened). Metadata
 * values may also be lists of strings; a comparison, {@code in} or {@code contains} on a list
 * matches when any element does. Numbers compare numerically whatever their type; a string
 * never equals or orders against a number. {@code !=} and {@code not in} are the negations of
 * {@code ==} and {@code in}, so they match records without the key.
 *
 * <pre>{@code
 * Filter f = Filter.and(Filter.eq("tenant", "acme"), Filter.gte("year", 2020));
 * Filter same = Filter.parse("tenant == 'acme' && year >= 2020");
 * }</pre>
 *
 * <p>{@link #toString()} renders the filter in that text syntax, and {@link #parse(String)} reads
 * it back to an equal filter. Filters are thread-safe.
 */
public sealed interface Filter
        permits ComparisonFilter, InFilter, ContainsTextFilter, ExistsFilter, AndFilter, OrFilter, NotFilter {

    /** @return the operator at the root of this filter */
    FilterOperator operator();

    /**
     * Evaluates this filter against a record's metadata; the reference semantics every store
     * follows.
     *
     * @param metadata the record's metadata, values typed as on {@link VectorRecord}; not null
     * @return whether the record matches
     */
    boolean test(Map<String, ?> metadata);

    /** @return every operator used in this filter, the root and all nested ones */
    default Set<FilterOperator> operators() {
        Set<FilterOperator> out = EnumSet.noneOf(FilterOperator.class);
        collectOperators(this, out);
        return out;
    }

    private static void collectOperators(Filter f, Set<FilterOperator> out) {
        out.add(f.operator());
        if (f instanceof AndFilter) {
            ((AndFilter) f).operands().forEach(o -> collectOperators(o, out));
        } else if (f instanceof OrFilter) {
            ((OrFilter) f).operands().forEach(o -> collectOperators(o, out));
        } else if (f instanceof NotFilter) {
            collectOperators(((NotFilter) f).operand(), out);
        }
    }

    /** @return a filter matching exactly what this one does not */
    default Filter negate() {
        return new NotFilter(this);
    }

    // ---- factories -------------------------------------------------------------------------

    /** @param key a metadata key @param value the value @return {@code key == value} */
    static Filter eq(String key, String value) {
        return new ComparisonFilter(FilterOperator.EQ, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key == value} */
    static Filter eq(String key, long value) {
        return new ComparisonFilter(FilterOperator.EQ, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key == value} */
    static Filter eq(String key, double value) {
        return new ComparisonFilter(FilterOperator.EQ, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key == value} */
    static Filter eq(String key, boolean value) {
        return new ComparisonFilter(FilterOperator.EQ, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key != value} */
    static Filter ne(String key, String value) {
        return new ComparisonFilter(FilterOperator.NE, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key != value} */
    static Filter ne(String key, long value) {
        return new ComparisonFilter(FilterOperator.NE, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key != value} */
    static Filter ne(String key, double value) {
        return new ComparisonFilter(FilterOperator.NE, key, value);
    }

    /** @param key a metadata key @param value the value @return {@code key != value} */
    static Filter ne(String key, boolean value) {
        return new ComparisonFilter(FilterOperator.NE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key > value} */
    static Filter gt(String key, long value) {
        return new ComparisonFilter(FilterOperator.GT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key > value} */
    static Filter gt(String key, double value) {
        return new ComparisonFilter(FilterOperator.GT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key > value}, lexicographic */
    static Filter gt(String key, String value) {
        return new ComparisonFilter(FilterOperator.GT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key >= value} */
    static Filter gte(String key, long value) {
        return new ComparisonFilter(FilterOperator.GTE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key >= value} */
    static Filter gte(String key, double value) {
        return new ComparisonFilter(FilterOperator.GTE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key >= value}, lexicographic */
    static Filter gte(String key, String value) {
        return new ComparisonFilter(FilterOperator.GTE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key < value} */
    static Filter lt(String key, long value) {
        return new ComparisonFilter(FilterOperator.LT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key < value} */
    static Filter lt(String key, double value) {
        return new ComparisonFilter(FilterOperator.LT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key < value}, lexicographic */
    static Filter lt(String key, String value) {
        return new ComparisonFilter(FilterOperator.LT, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key <= value} */
    static Filter lte(String key, long value) {
        return new ComparisonFilter(FilterOperator.LTE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key <= value} */
    static Filter lte(String key, double value) {
        return new ComparisonFilter(FilterOperator.LTE, key, value);
    }

    /** @param key a metadata key @param value the bound @return {@code key <= value}, lexicographic */
    static Filter lte(String key, String value) {
        return new ComparisonFilter(FilterOperator.LTE, key, value);
    }

    /**
     * @param key a metadata key
     * @param values one or more strings, longs, doubles or booleans
     * @return {@code key in [values]}
     */
    static Filter in(String key, Collection<?> values) {
        return new InFilter(key, List.copyOf(values), false);
    }

    /** @param key a metadata key @param values one or more strings @return {@code key in [values]} */
    static Filter in(String key, String... values) {
        return in(key, Arrays.asList(values));
    }

    /**
     * @param key a metadata key
     * @param values one or more strings, longs, doubles or booleans
     * @return {@code key not in [values]}
     */
    static Filter notIn(String key, Collection<?> values) {
        return new InFilter(key, List.copyOf(values), true);
    }

    /** @param key a metadata key @param values one or more strings @return {@code key not in [values]} */
    static Filter notIn(String key, String... values) {
        return notIn(key, Arrays.asList(values));
    }

    /**
     * @param key a metadata key
     * @param text a non-empty text
     * @return {@code key contains 'text'}, ignoring case
     */
    static Filter containsText(String key, String text) {
        return new ContainsTextFilter(key, text);
    }

    /** @param key a metadata key @return {@code exists(key)} */
    static Filter exists(String key) {
        return new ExistsFilter(key);
    }

    /**
     * @param filters one or more filters; nested conjunctions are flattened
     * @return a filter matching when all match (the filter itself when only one is given)
     */
    static Filter and(Filter... filters) {
        List<Filter> flat = new ArrayList<>();
        for (Filter f : filters) {
            if (f instanceof AndFilter) {
                flat.addAll(((AndFilter) f).operands());
            } else {
                flat.add(java.util.Objects.requireNonNull(f, "filter"));
            }
        }
        return flat.size() == 1 ? flat.get(0) : new AndFilter(flat);
    }

    /**
     * @param filters one or more filters; nested disjunctions are flattened
     * @return a filter matching when any matches (the filter itself when only one is given)
     */
    static Filter or(Filter... filters) {
        List<Filter> flat = new ArrayList<>();
        for (Filter f : filters) {
            if (f instanceof OrFilter) {
                flat.addAll(((OrFilter) f).operands());
            } else {
                flat.add(java.util.Objects.requireNonNull(f, "filter"));
            }
        }
        return flat.size() == 1 ? flat.get(0) : new OrFilter(flat);
    }

    /** @param filter a filter @return its negation */
    static Filter not(Filter filter) {
        return new NotFilter(filter);
    }

    /**
     * Parses the text syntax: comparisons {@code == != > >= < <=}, {@code key in [..]},
     * {@code key not in [..]}, {@code key contains '..'}, {@code exists(key)}, combined with
     * {@code &&}, {@code ||}, {@code !} and parentheses ({@code &&} binds tighter than
     * {@code ||}). Strings are quoted with {@code '} or {@code "} (backslash escapes); integers
     * are longs, numbers with a point or exponent are doubles; {@code true}/{@code false} are
     * booleans. Keys that are not plain identifiers are quoted with backticks.
     *
     * @param text the filter text
     * @return the filter
     * @throws FilterParseException naming the position of the first error
     */
    static Filter parse(String text) {
        return new FilterParser(text).parse();
    }
}
