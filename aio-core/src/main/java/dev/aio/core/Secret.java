package dev.aio.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A credential (API key, secret key, password) that never shows its value by accident.
 *
 * <p>{@link #toString()}, logging and Jackson serialisation all render {@value #REDACTED};
 * the value is reachable only through {@link #reveal()} or {@link #withValue(Function)}, so a
 * grep for those finds every place a secret is used. Equality compares values in constant
 * time. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Secret key = Secret.fromEnv("OPENAI_API_KEY");
 * log.info("using {}", key);              // using ****
 * http.header("Authorization", "Bearer " + key.reveal());
 * }</pre>
 */
public final class Secret {

    /** What every rendering of a secret shows instead of its value. */
    public static final String REDACTED = "****";

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret; must not be null or empty
     * @return the secret
     * @throws IllegalArgumentException if the value is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a Secret needs a non-empty value");
        }
        return new Secret(value.toCharArray());
    }

    /**
     * Reads a secret from an environment variable.
     *
     * @param variable the variable's name
     * @return the secret
     * @throws IllegalArgumentException naming the variable (never its value) if it is unset or empty
     */
    public static Secret fromEnv(String variable) {
        Objects.requireNonNull(variable, "variable");
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(
                    "environment variable " + variable + " is not set or empty; set it to the secret's value");
        }
        return new Secret(value.toCharArray());
    }

    /**
     * Returns the value. Call it only where the value is handed to the system that needs it.
     *
     * @return the secret's value
     */
    public String reveal() {
        return new String(value);
    }

    /**
     * Applies a function to the value without making a {@code String} of it.
     *
     * @param use receives a copy of the value, wiped after the call returns
     * @param <R> the function's result type
     * @return what the function returned
     */
    public <R> R withValue(Function<char[], R> use) {
        char[] copy = value.clone();
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    /**
     * A URL made fit for an error message or a log line: user info ({@code user:password@}) and
     * the query (where API keys and signatures travel) are replaced by {@value #REDACTED}. Works
     * on text that does not parse as a URL too, which is exactly when builders quote it back.
     *
     * @param url the URL as given, possibly malformed; may be null
     * @return the text with what could be a credential masked, or {@code "null"}
     */
    public static String redactUrl(String url) {
        if (url == null) {
            return "null";
        }
        int scheme = url.indexOf("://");
        int authorityStart = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(c, authorityStart);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        String head = url.substring(0, authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        String rest = url.substring(authorityEnd);
        int userInfoEnd = authority.lastIndexOf('@');
        if (userInfoEnd >= 0) {
            authority = REDACTED + authority.substring(userInfoEnd);
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query + 1) + REDACTED;
        }
        return head + authority + rest;
    }

    /** Returns {@value #REDACTED}; also what Jackson writes for a secret. */
    @JsonValue
    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Secret)) {
            return false;
        }
        char[] theirs = ((Secret) other).value;
        // Constant time in the length of the longer value, and no String copies of either.
        int length = Math.max(value.length, theirs.length);
        int difference = value.length ^ theirs.length;
        for (int i = 0; i < length; i++) {
            char a = i < value.length ? value[i] : 0;
            char b = i < theirs.length ? theirs[i] : 0;
            difference |= a ^ b;
        }
        return difference == 0;
    }

    @Override
    public int hashCode() {
        // A constant: a value-derived hash would leak information about the secret.
        return 0x5ec12e7;
    }
}
