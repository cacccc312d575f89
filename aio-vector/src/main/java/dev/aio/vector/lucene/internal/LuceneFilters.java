package dev.aio.vector.lucene.internal;

import dev.aio.core.vector.AndFilter;
import dev.aio.core.vector.ComparisonFilter;
import dev.aio.core.vector.ContainsTextFilter;
import dev.aio.core.vector.ExistsFilter;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.InFilter;
import dev.aio.core.vector.NotFilter;
import dev.aio.core.vector.OrFilter;
import java.util.Locale;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Translates a {@link Filter} into a Lucene query that selects exactly what {@link Filter#test}
 * selects, given the layout of {@link LuceneFields}. Numbers compare as doubles (exact for
 * longs up to 2^53).
 */
public final class LuceneFilters {

    private LuceneFilters() {
    }

    /**
     * @param tenant the tenant or null
     * @param filter the filter or null
     * @return a query for the tenant's records that match
     */
    public static Query scope(String tenant, Filter filter) {
        Query tenantQuery = new TermQuery(new Term(LuceneFields.TENANT, LuceneFields.tenant(tenant)));
        if (filter == null) {
            return tenantQuery;
        }
        return new BooleanQuery.Builder().add(tenantQuery, BooleanClause.Occur.FILTER)
                .add(toQuery(filter), BooleanClause.Occur.FILTER).build();
    }

    /** @param filter a filter @return the matching query */
    public static Query toQuery(Filter filter) {
        if (filter instanceof ComparisonFilter) {
            return comparison((ComparisonFilter) filter);
        }
        if (filter instanceof InFilter) {
            InFilter in = (InFilter) filter;
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Object v : in.values()) {
                any.add(equal(in.key(), v), BooleanClause.Occur.SHOULD);
            }
            return in.negated() ? not(any.build()) : any.build();
        }
        if (filter instanceof ContainsTextFilter) {
            ContainsTextFilter c = (ContainsTextFilter) filter;
            String needle = c.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("*", "\\*")
                    .replace("?", "\\?");
            return new WildcardQuery(new Term(LuceneFields.lowerField(c.key()), "*" + needle + "*"));
        }
        if (filter instanceof ExistsFilter) {
            return new TermQuery(new Term(LuceneFields.KEYS, ((ExistsFilter) filter).key()));
        }
        if (filter instanceof AndFilter) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            ((AndFilter) filter).operands().forEach(f -> all.add(toQuery(f), BooleanClause.Occur.FILTER));
            return all.build();
        }
        if (filter instanceof OrFilter) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            ((OrFilter) filter).operands().forEach(f -> any.add(toQuery(f), BooleanClause.Occur.SHOULD));
            return any.build();
        }
        return not(toQuery(((NotFilter) filter).operand()));
    }

    private static Query not(Query q) {
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(q, BooleanClause.Occur.MUST_NOT).build();
    }

    private static Query equal(String key, Object value) {
        if (value instanceof String) {
            return new TermQuery(new Term(LuceneFields.stringField(key), (String) value));
        }
        if (value instanceof Boolean) {
            return new TermQuery(new Term(LuceneFields.booleanField(key), value.toString()));
        }
        return DoublePoint.newExactQuery(LuceneFields.numberField(key), ((Number) value).doubleValue());
    }

    private static Query comparison(ComparisonFilter c) {
        String key = c.key();
        Object v = c.value();
        switch (c.operator()) {
            case EQ:
                return equal(key, v);
            case NE:
                return not(equal(key, v));
            default:
                break;
        }
        boolean lower = c.operator().name().startsWith("G");
        boolean inclusive = c.operator().name().endsWith("E");
        if (v instanceof String) {
            String field = LuceneFields.stringField(key);
            return lower ? new TermRangeQuery(field, new org.apache.lucene.util.BytesRef((String) v), null, inclusive, true)
                    : new TermRangeQuery(field, null, new org.apache.lucene.util.BytesRef((String) v), true, inclusive);
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            String field = LuceneFields.numberField(key);
            if (lower) {
                return DoublePoint.newRangeQuery(field, inclusive ? d : Math.nextUp(d), Double.POSITIVE_INFINITY);
            }
            return DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, inclusive ? d : Math.nextDown(d));
        }
        return new MatchNoDocsQuery("booleans have no order");
    }
}
