package dev.aio.vector.weaviate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader for the subset of GraphQL that Weaviate's Get and Aggregate queries use: nested
 * fields with arguments, and input values (strings, numbers, booleans, enums, lists, objects).
 * Part of {@link WeaviateStubServer}. Enum values read as their names, strings as strings.
 */
final class StubGraphQl {

    /** A field: its name, its arguments, and its sub-selection (empty for a leaf). */
    record Field(String name, Map<String, Object> args, List<Field> selection) {
        Field child(String childName) {
            for (Field f : selection) {
                if (f.name.equals(childName)) {
                    return f;
                }
            }
            return null;
        }
    }

    private final String text;
    private int pos;

    private StubGraphQl(String text) {
        this.text = text;
    }

    /** @param query a GraphQL document with one anonymous query @return its top-level fields */
    static List<Field> parse(String query) {
        StubGraphQl p = new StubGraphQl(query);
        List<Field> fields = p.selection();
        p.skip();
        if (p.pos != p.text.length()) {
            throw p.error("trailing text");
        }
        return fields;
    }

    private List<Field> selection() {
        expect('{');
        List<Field> out = new ArrayList<>();
        while (peek() != '}') {
            out.add(field());
        }
        expect('}');
        return out;
    }

    private Field field() {
        String name = name();
        Map<String, Object> args = new LinkedHashMap<>();
        if (peek() == '(') {
            expect('(');
            while (peek() != ')') {
                String arg = name();
                expect(':');
                args.put(arg, value());
            }
            expect(')');
        }
        List<Field> sub = peek() == '{' ? selection() : List.of();
        return new Field(name, args, sub);
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            expect('[');
            List<Object> list = new ArrayList<>();
            while (peek() != ']') {
                list.add(value());
            }
            expect(']');
            return list;
        }
        if (c == '{') {
            expect('{');
            Map<String, Object> map = new LinkedHashMap<>();
            while (peek() != '}') {
                String key = name();
                expect(':');
                map.put(key, value());
            }
            expect('}');
            return map;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }
        String word = name();
        if (word.equals("true") || word.equals("false")) {
            return Boolean.parseBoolean(word);
        }
        if (word.equals("null")) {
            return null;
        }
        return word;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'u':
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default: out.append(e);
            }
        }
    }

    private String name() {
        skip();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    // Commas are insignificant in GraphQL, like white space.
    private void skip() {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }

    private char peek() {
        skip();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("GraphQL syntax error at " + pos + ": " + what + " in " + text);
    }
}
