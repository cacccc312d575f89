package dev.aio.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @Test
    void parsesTheExampleFromTheDocs() {
        assertThat(Filter.parse("tenant == 'acme' && year >= 2020"))
                .isEqualTo(Filter.and(Filter.eq("tenant", "acme"), Filter.gte("year", 2020)));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        assertThat(Filter.parse("a == 1 || b == 2 && c == 3")).isEqualTo(
                Filter.or(Filter.eq("a", 1), Filter.and(Filter.eq("b", 2), Filter.eq("c", 3))));
        assertThat(Filter.parse("(a == 1 || b == 2) && c == 3")).isEqualTo(
                Filter.and(Filter.or(Filter.eq("a", 1), Filter.eq("b", 2)), Filter.eq("c", 3)));
    }

    @Test
    void readsEveryValueType() {
        assertThat(Filter.parse("k == \"dq\"")).isEqualTo(Filter.eq("k", "dq"));
        assertThat(Filter.parse("k == -42")).isEqualTo(Filter.eq("k", -42));
        assertThat(Filter.parse("k < 1.5e3")).isEqualTo(Filter.lt("k", 1500.0));
        assertThat(Filter.parse("k != true")).isEqualTo(Filter.ne("k", true));
        assertThat(Filter.parse("k in ['a', 2, 3.5, false]"))
                .isEqualTo(Filter.in("k", List.of("a", 2L, 3.5, false)));
        assertThat(Filter.parse("k not in ['a']")).isEqualTo(Filter.notIn("k", "a"));
        assertThat(Filter.parse("k contains 'x y'")).isEqualTo(Filter.containsText("k", "x y"));
        assertThat(Filter.parse("!exists(meta.k-1)")).isEqualTo(Filter.not(Filter.exists("meta.k-1")));
        assertThat(Filter.parse("`odd key` == 'it\\'s'")).isEqualTo(Filter.eq("odd key", "it's"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tenant == 'acme' && year >= 2020",
        "a == 1 || b == 2 && !(c in ['x', 'y'])",
        "(a == 1 || b == 2) && c not in [1, 2.5] && exists(`in`)",
        "t contains 'O\\'Brien' || !exists(x) || r <= -Infinity",
        "!!exists(a)",
        "flag != false && ratio > 1.0E-5"
    })
    void toStringParsesBackToAnEqualFilter(String text) {
        Filter f = Filter.parse(text);
        assertThat(Filter.parse(f.toString())).isEqualTo(f);
    }

    @Test
    void errorsPointAtThePosition() {
        assertThatThrownBy(() -> Filter.parse("tenant == 'acme' && year >= "))
                .isInstanceOfSatisfying(FilterParseException.class, e -> {
                    assertThat(e.position()).isEqualTo(28);
                    assertThat(e.getMessage()).contains("expected a value after '>='")
                            .contains("tenant == 'acme' && year >= \n").endsWith(" ".repeat(30) + "^");
                    assertThat(e.isRetriable()).isFalse();
                });
        assertThat(position("a == 1 b == 2")).isEqualTo(7);
        assertThat(position("a ~ 1")).isEqualTo(2);
        assertThat(position("a == 'open")).isEqualTo(5);
        assertThat(position("(a == 1")).isEqualTo(7);
        assertThat(position("a in []")).isEqualTo(6);
        assertThat(position("a > true")).isEqualTo(2);
        assertThat(position("")).isEqualTo(0);
        assertThat(position("a not 1")).isEqualTo(6);
    }

    private static int position(String text) {
        try {
            Filter.parse(text);
        } catch (FilterParseException e) {
            return e.position();
        }
        throw new AssertionError("parsed: " + text);
    }
}
