package dev.aio.core.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive-descent parser of the filter text syntax (see {@link Filter#parse(String)}).
 *
 * <pre>
 * or      := and ('||' and)*
 * and     := unary ('&amp;&amp;' unary)*
 * unary   := '!' unary | '(' or ')' | 'exists' '(' key ')' | key rest
 * rest    := cmp value | 'in' list | 'not' 'in' list | 'contains' string
 * list    := '[' value (',' value)* ']'
 * </pre>
 */
final class FilterParser {

    private final String text;
    private int pos;

    FilterParser(String text) {
        this.text = Objects.requireNonNull(text, "filter text");
    }

    Filter parse() {
        skipSpace();
        if (pos == text.length()) {
            throw error("the filter is empty", 0);
        }
        Filter f = parseOr();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'; expected && or || or the end", pos);
        }
        return f;
    }

    private Filter parseOr() {
        List<Filter> operands = new ArrayList<>();
        operands.add(parseAnd());
        while (consume("||")) {
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : Filter.or(operands.toArray(Filter[]::new));
    }

    private Filter parseAnd() {
        List<Filter> operands = new ArrayList<>();
        operands.add(parseUnary());
        while (consume("&&")) {
            operands.add(parseUnary());
        }
        return operands.size() == 1 ? operands.get(0) : Filter.and(operands.toArray(Filter[]::new));
    }

    private Filter parseUnary() {
        skipSpace();
        if (peek('!') && !peekAt(pos + 1, '=')) {
            pos++;
            return new NotFilter(parseUnary());
        }
        if (consume("(")) {
            Filter inner = parseOr();
            expect(")", "expected ')'");
            return inner;
        }
        int keyStart = pos;
        String key = parseKey();
        if (key.equals("exists") && peekAfterSpace('(')) {
            expect("(", "expected '('");
            skipSpace();
            String existsKey = parseKey();
            expect(")", "expected ')' after the key of exists(");
            return Filter.exists(existsKey);
        }
        skipSpace();
        int opStart = pos;
        for (String op : new String[] {"==", "!=", ">=", "<=", ">", "<"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                Object value = parseValue("after '" + op + "'");
                return build(op, key, value, opStart);
            }
        }
        String word = peekWord();
        if (word.equals("in")) {
            pos += 2;
            return new InFilter(key, parseList(), false);
        }
        if (word.equals("not")) {
            pos += 3;
            skipSpace();
            if (!peekWord().equals("in")) {
                throw error("expected 'in' after 'not'", pos);
            }
            pos += 2;
            return new InFilter(key, parseList(), true);
        }
        if (word.equals("contains")) {
            pos += "contains".length();
            skipSpace();
            int at = pos;
            Object value = parseValue("after 'contains'");
            if (!(value instanceof String) || ((String) value).isEmpty()) {
                throw error("expected a non-empty quoted string after 'contains'", at);
            }
            return Filter.containsText(key, (String) value);
        }
        throw error("expected an operator (== != > >= < <= in, not in, contains) after '" + key + "'",
                pos == text.length() ? pos : Math.max(opStart, keyStart));
    }

    private Filter build(String op, String key, Object value, int at) {
        FilterOperator operator;
        switch (op) {
            case "==":
                operator = FilterOperator.EQ;
                break;
            case "!=":
                operator = FilterOperator.NE;
                break;
            case ">":
                operator = FilterOperator.GT;
                break;
            case ">=":
                operator = FilterOperator.GTE;
                break;
            case "<":
                operator = FilterOperator.LT;
                break;
            default:
                operator = FilterOperator.LTE;
                break;
        }
        try {
            return new ComparisonFilter(operator, key, value);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), at);
        }
    }

    private List<Object> parseList() {
        expect("[", "expected '[' to start the list");
        List<Object> values = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            throw error("the list is empty", pos);
        }
        do {
            values.add(parseValue("in the list"));
        } while (consume(","));
        expect("]", "expected ',' or ']' in the list");
        return values;
    }

    private String parseKey() {
        skipSpace();
        if (peek('`')) {
            return parseQuoted('`');
        }
        int start = pos;
        while (pos < text.length() && isKeyChar(text.charAt(pos), pos == start)) {
            pos++;
        }
        if (start == pos) {
            throw error(pos == text.length() ? "expected a key but the filter ended" : "expected a key", pos);
        }
        return text.substring(start, pos);
    }

    private Object parseValue(String where) {
        skipSpace();
        if (pos == text.length()) {
            throw error("expected a value " + where + " but the filter ended", pos);
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return parseQuoted(c);
        }
        int start = pos;
        String word = peekWord();
        if (word.equals("true") || word.equals("false")) {
            pos += word.length();
            return Boolean.valueOf(word);
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.' || word.equals("Infinity")) {
            if (c == '-' || c == '+') {
                pos++;
            }
            if (text.startsWith("Infinity", pos)) {
                pos += "Infinity".length();
                return c == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            boolean isDouble = false;
            while (pos < text.length()) {
                char d = text.charAt(pos);
                if (Character.isDigit(d)) {
                    pos++;
                } else if (d == '.' || d == 'e' || d == 'E') {
                    isDouble = true;
                    pos++;
                    if ((d == 'e' || d == 'E') && pos < text.length()
                            && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                        pos++;
                    }
                } else {
                    break;
                }
            }
            String number = text.substring(start, pos);
            try {
                return isDouble ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw error("'" + number + "' is not a number", start);
            }
        }
        throw error("expected a value " + where + " (a quoted string, number, true or false)", pos);
    }

    private String parseQuoted(char quote) {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                out.append(text.charAt(pos++));
            } else {
                out.append(c);
            }
        }
        throw error("unterminated " + quote + "-quoted text", start);
    }

    private static boolean isKeyChar(char c, boolean first) {
        return Character.isLetter(c) || c == '_' || (!first && (Character.isDigit(c) || c == '.' || c == '-'));
    }

    private String peekWord() {
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token, String message) {
        if (!consume(token)) {
            throw error(message + (pos == text.length() ? " but the filter ended" : ""), pos);
        }
    }

    private boolean peek(char c) {
        return peekAt(pos, c);
    }

    private boolean peekAt(int at, char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private boolean peekAfterSpace(char c) {
        int at = pos;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return peekAt(at, c);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FilterParseException error(String problem, int at) {
        return new FilterParseException(problem, text, at);
    }
}
