package dev.aio.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Map<String, Object> DOC = Map.of(
            "tenant", "acme", "year", 2021L, "score", 0.75, "draft", false,
            "tags", List.of("Java", "search"), "title", "Vector Search in Practice");

    @Test
    void comparisonsMatchStringsLongsDoublesAndBooleans() {
        assertThat(Filter.eq("tenant", "acme").test(DOC)).isTrue();
        assertThat(Filter.eq("tenant", "other").test(DOC)).isFalse();
        assertThat(Filter.eq("year", 2021).test(DOC)).isTrue();
        assertThat(Filter.eq("draft", false).test(DOC)).isTrue();
        assertThat(Filter.gt("year", 2020).test(DOC)).isTrue();
        assertThat(Filter.gte("year", 2021).test(DOC)).isTrue();
        assertThat(Filter.lt("year", 2021).test(DOC)).isFalse();
        assertThat(Filter.lte("score", 0.75).test(DOC)).isTrue();
        assertThat(Filter.gt("tenant", "abc").test(DOC)).isTrue();
    }

    @Test
    void numbersCompareAcrossLongAndDouble() {
        assertThat(Filter.eq("year", 2021.0).test(DOC)).isTrue();
        assertThat(Filter.lt("score", 1).test(DOC)).isTrue();
    }

    @Test
    void aStringNeverEqualsOrOrdersAgainstANumber() {
        assertThat(Filter.eq("year", "2021").test(DOC)).isFalse();
        assertThat(Filter.gt("tenant", 1).test(DOC)).isFalse();
        assertThat(Filter.lt("tenant", 1).test(DOC)).isFalse();
    }

    @Test
    void notEqualAndNotInAlsoMatchRecordsWithoutTheKey() {
        assertThat(Filter.ne("missing", "x").test(DOC)).isTrue();
        assertThat(Filter.notIn("missing", "x").test(DOC)).isTrue();
        assertThat(Filter.eq("missing", "x").test(DOC)).isFalse();
        assertThat(Filter.gt("missing", 1).test(DOC)).isFalse();
    }

    @Test
    void aStringListMatchesWhenAnyElementDoes() {
        assertThat(Filter.eq("tags", "search").test(DOC)).isTrue();
        assertThat(Filter.ne("tags", "search").test(DOC)).isFalse();
        assertThat(Filter.in("tags", "go", "Java").test(DOC)).isTrue();
        assertThat(Filter.notIn("tags", "go", "rust").test(DOC)).isTrue();
        assertThat(Filter.containsText("tags", "JAV").test(DOC)).isTrue();
    }

    @Test
    void containsTextIgnoresCase() {
        assertThat(Filter.containsText("title", "vector search").test(DOC)).isTrue();
        assertThat(Filter.containsText("title", "lucene").test(DOC)).isFalse();
        assertThat(Filter.containsText("year", "20").test(DOC)).isFalse();
    }

    @Test
    void existsAndLogicCombine() {
        Filter f = Filter.and(Filter.exists("draft"), Filter.or(Filter.eq("tenant", "acme"), Filter.eq("tenant", "x")));
        assertThat(f.test(DOC)).isTrue();
        assertThat(f.negate().test(DOC)).isFalse();
        assertThat(Filter.not(Filter.exists("missing")).test(DOC)).isTrue();
    }

    @Test
    void nestedConjunctionsAreFlattened() {
        Filter f = Filter.and(Filter.and(Filter.exists("a"), Filter.exists("b")), Filter.exists("c"));
        assertThat(f).isInstanceOf(AndFilter.class);
        assertThat(((AndFilter) f).operands()).hasSize(3);
        assertThat(Filter.and(Filter.exists("a"))).isEqualTo(Filter.exists("a"));
    }

    @Test
    void operatorsListsEveryOperatorInTheTree() {
        Filter f = Filter.parse("!(a == 1 || b in [2]) && c contains 'x'");
        assertThat(f.operators()).isEqualTo(EnumSet.of(FilterOperator.AND, FilterOperator.NOT, FilterOperator.OR,
                FilterOperator.EQ, FilterOperator.IN, FilterOperator.CONTAINS_TEXT));
    }

    @Test
    void toStringIsTheReadableTextSyntax() {
        Filter f = Filter.and(Filter.eq("tenant", "acme"), Filter.or(Filter.gte("year", 2020), Filter.not(
                Filter.in("lang", "en", "de"))), Filter.exists("title"));
        assertThat(f).hasToString("tenant == 'acme' && (year >= 2020 || !(lang in ['en', 'de'])) && exists(title)");
        assertThat(Filter.eq("it's", "a 'b'")).hasToString("`it's` == 'a \\'b\\''");
        assertThat(Filter.eq("ratio", 0.5)).hasToString("ratio == 0.5");
    }

    @Test
    void filtersAreValuesThatCompareEqual() {
        assertThat(Filter.eq("year", 2020)).isEqualTo(Filter.eq("year", 2020L));
        assertThat(Filter.in("k", List.of(1, 2))).isEqualTo(Filter.in("k", List.of(1L, 2L)));
    }

    @Test
    void invalidFiltersAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> Filter.in("k", List.of())).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Filter.eq(" ", "x")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Filter.eq("k", Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ComparisonFilter(FilterOperator.GT, "k", true))
                .hasMessageContaining("booleans support only == and !=");
        assertThatThrownBy(() -> Filter.in("k", List.of(new Object()))).hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> Filter.containsText("k", "")).hasMessageContaining("non-empty");
    }
}
