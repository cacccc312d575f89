package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.vector.AndFilter;
import dev.aio.core.vector.ComparisonFilter;
import dev.aio.core.vector.ExistsFilter;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.InFilter;
import dev.aio.core.vector.NotFilter;
import dev.aio.core.vector.OrFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates an aio {@link Filter} into Weaviate's where filter, so that Weaviate selects exactly
 * what {@link Filter#test} selects.
 *
 * <ul>
 *   <li>{@code ==}, {@code >}, {@code >=}, {@code <}, {@code <=} become {@code Equal},
 *       {@code GreaterThan}, ... on the key's property; on a {@code text[]} property Weaviate
 *       matches when any element does, as aio does for lists.</li>
 *   <li>{@code !=}, {@code not in} and {@code !} become Weaviate's {@code Not} (1.33+) around
 *       the positive form. Weaviate's {@code NotEqual} is not used: it would not match records
 *       that lack the key, while aio's {@code !=} does.</li>
 *   <li>{@code in} becomes an {@code Or} of {@code Equal}s, which works for every property type
 *       ({@code ContainsAny} takes only text and arrays).</li>
 *   <li>{@code exists} becomes {@code IsNull false}; the class indexes null state.</li>
 * </ul>
 *
 * <p>A comparison that can never match, because the key has no property yet or its property
 * holds another kind (a string never equals a number), is folded to a constant before anything
 * is sent: Weaviate would refuse a filter on an unknown property or a value of the wrong type.
 * The result is then "everything", "nothing", or a where filter.
 */
public final class WhereFilters {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A translated filter: always true, always false, or a Weaviate where object. */
    public static final class Where {
        /** Matches every record: send no where filter. */
        public static final Where ALL = new Where(null);
        /** Matches no record: do not ask Weaviate at all. */
        public static final Where NONE = new Where(null);

        private final ObjectNode node;

        private Where(ObjectNode node) {
            this.node = node;
        }

        /** @return the where object, or {@code null} for {@link #ALL} and {@link #NONE} */
        public ObjectNode node() {
            return node;
        }
    }

    private WhereFilters() {
    }

    /**
     * @param filter the filter, or {@code null} for every record
     * @param kinds the kind of each key's property, {@code null} for keys without one
     * @return the translation
     */
    public static Where translate(Filter filter, Function<String, PropertyKind> kinds) {
        return filter == null ? Where.ALL : walk(filter, kinds);
    }

    /** @param filter a filter @return every metadata key it reads */
    public static Set<String> keys(Filter filter) {
        Set<String> out = new LinkedHashSet<>();
        collect(filter, out);
        return out;
    }

    private static void collect(Filter f, Set<String> out) {
        if (f instanceof ComparisonFilter) {
            out.add(((ComparisonFilter) f).key());
        } else if (f instanceof InFilter) {
            out.add(((InFilter) f).key());
        } else if (f instanceof ExistsFilter) {
            out.add(((ExistsFilter) f).key());
        } else if (f instanceof AndFilter) {
            ((AndFilter) f).operands().forEach(o -> collect(o, out));
        } else if (f instanceof OrFilter) {
            ((OrFilter) f).operands().forEach(o -> collect(o, out));
        } else if (f instanceof NotFilter) {
            collect(((NotFilter) f).operand(), out);
        }
    }

    private static Where walk(Filter f, Function<String, PropertyKind> kinds) {
        switch (f.operator()) {
            case EQ:
            case GT:
            case GTE:
            case LT:
            case LTE: {
                ComparisonFilter c = (ComparisonFilter) f;
                return compare(OPERATORS[c.operator().ordinal()], c.key(), c.value(), kinds);
            }
            case NE: {
                ComparisonFilter c = (ComparisonFilter) f;
                return not(compare("Equal", c.key(), c.value(), kinds));
            }
            case IN:
            case NOT_IN: {
                InFilter in = (InFilter) f;
                List<Where> any = new ArrayList<>();
                for (Object v : in.values()) {
                    any.add(compare("Equal", in.key(), v, kinds));
                }
                Where w = combine("Or", any);
                return in.negated() ? not(w) : w;
            }
            case EXISTS: {
                String key = ((ExistsFilter) f).key();
                if (kinds.apply(key) == null) {
                    return Where.NONE;
                }
                ObjectNode n = leaf("IsNull", key);
                n.put("valueBoolean", false);
                return new Where(n);
            }
            case AND:
                return combine("And", map(((AndFilter) f).operands(), kinds));
            case OR:
                return combine("Or", map(((OrFilter) f).operands(), kinds));
            case NOT:
                return not(walk(((NotFilter) f).operand(), kinds));
            default:
                // CONTAINS_TEXT: not declared, so AbstractVectorStore refuses it before it gets here.
                throw new IllegalStateException("no Weaviate translation for " + f.operator());
        }
    }

    // Indexed by FilterOperator ordinal: EQ, NE, GT, GTE, LT, LTE.
    private static final String[] OPERATORS = {"Equal", null, "GreaterThan", "GreaterThanEqual", "LessThan",
        "LessThanEqual"};

    private static Where compare(String operator, String key, Object value, Function<String, PropertyKind> kinds) {
        PropertyKind kind = kinds.apply(key);
        if (kind == null || !kind.accepts(value)) {
            return Where.NONE;
        }
        ObjectNode n = leaf(operator, key);
        if (value instanceof String) {
            n.put(kind.valueKey(), (String) value);
        } else if (value instanceof Boolean) {
            n.put(kind.valueKey(), (Boolean) value);
        } else if (value instanceof Long) {
            n.put(kind.valueKey(), (Long) value);
        } else {
            n.put(kind.valueKey(), (Double) value);
        }
        return new Where(n);
    }

    private static List<Where> map(List<Filter> operands, Function<String, PropertyKind> kinds) {
        List<Where> out = new ArrayList<>(operands.size());
        for (Filter o : operands) {
            out.add(walk(o, kinds));
        }
        return out;
    }

    private static Where combine(String operator, List<Where> operands) {
        boolean and = operator.equals("And");
        Where absorbing = and ? Where.NONE : Where.ALL;
        List<ObjectNode> kept = new ArrayList<>();
        for (Where w : operands) {
            if (w == absorbing) {
                return absorbing;
            }
            if (w.node != null) {
                kept.add(w.node);
            }
        }
        if (kept.isEmpty()) {
            return and ? Where.ALL : Where.NONE;
        }
        if (kept.size() == 1) {
            return new Where(kept.get(0));
        }
        ObjectNode n = JSON.objectNode();
        n.put("operator", operator);
        ArrayNode list = n.putArray("operands");
        kept.forEach(list::add);
        return new Where(n);
    }

    private static Where not(Where w) {
        if (w == Where.ALL) {
            return Where.NONE;
        }
        if (w == Where.NONE) {
            return Where.ALL;
        }
        ObjectNode n = JSON.objectNode();
        n.put("operator", "Not");
        n.putArray("operands").add(w.node);
        return new Where(n);
    }

    private static ObjectNode leaf(String operator, String key) {
        ObjectNode n = JSON.objectNode();
        n.put("operator", operator);
        n.putArray("path").add(PropertyNames.of(key));
        return n;
    }

    /**
     * @param ids Weaviate object UUIDs, at least one
     * @return a where filter matching those objects
     */
    public static ObjectNode idsIn(List<String> ids) {
        ObjectNode n = JSON.objectNode();
        n.put("operator", "ContainsAny");
        n.putArray("path").add("id");
        ArrayNode values = n.putArray("valueTextArray");
        ids.forEach(values::add);
        return n;
    }

    /** @return a where filter matching every object, for batch deletes (which require one) */
    public static ObjectNode everything() {
        ObjectNode n = JSON.objectNode();
        n.put("operator", "Like");
        n.putArray("path").add("id");
        n.put("valueText", "*");
        return n;
    }
}
