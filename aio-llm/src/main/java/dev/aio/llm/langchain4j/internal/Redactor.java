package dev.aio.llm.langchain4j.internal;

import dev.aio.core.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Masks known secret values in text and in exception chains, so that no message, no
 * {@code toString()} and no stack trace printed from an aio error contains a key, even when a
 * provider echoes it back in an error body. Immutable and thread-safe.
 */
public final class Redactor {

    /** Values shorter than this are not masked: masking "a" would mangle every message. */
    private static final int MIN_LENGTH = 4;

    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> values;

    private Redactor(List<String> values) {
        this.values = values;
    }

    /** @return a redactor that knows no secrets */
    public static Redactor none() {
        return NONE;
    }

    /**
     * A redactor for secrets.
     *
     * @param secrets the secrets to mask
     * @return the redactor
     */
    public static Redactor of(Collection<Secret> secrets) {
        List<String> values = new ArrayList<>();
        for (Secret secret : secrets) {
            values.add(secret.reveal());
        }
        return ofValues(values);
    }

    /**
     * A redactor for plain values, such as the credential headers of a request.
     *
     * @param values the values to mask; short and null ones are ignored
     * @return the redactor
     */
    public static Redactor ofValues(Collection<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.length() >= MIN_LENGTH && !kept.contains(v)) {
                kept.add(v);
            }
        }
        // Longest first, so that "Bearer sk-x" is masked whole before "sk-x" is looked for.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return kept.isEmpty() ? NONE : new Redactor(List.copyOf(kept));
    }

    /**
     * Masks every known secret in a text.
     *
     * @param text the text, may be null
     * @return the text with each secret replaced by {@value Secret#REDACTED}; null stays null
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, Secret.REDACTED);
        }
        return out;
    }

    /**
     * Returns a chain safe to attach as a cause: the original when no message in it holds a
     * secret (so callers can still test its types), otherwise a copy of each link as a
     * {@link RedactedThrowable} with masked messages and the original stack traces.
     *
     * @param error the chain's head, not null
     * @return the original or its masked copy
     */
    public Throwable sanitize(Throwable error) {
        if (!leaks(error)) {
            return error;
        }
        return copy(error, 0);
    }

    private boolean leaks(Throwable error) {
        if (values.isEmpty()) {
            return false;
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.toString();
            for (String v : values) {
                if (text.contains(v)) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (leaks(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Throwable copy(Throwable t, int depth) {
        Throwable cause = t.getCause() == null || t.getCause() == t || depth > 32 ? null : copy(t.getCause(), depth + 1);
        RedactedThrowable masked = new RedactedThrowable(t.getClass().getName(), redact(t.getMessage()), cause);
        masked.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            masked.addSuppressed(copy(s, depth + 1));
        }
        return masked;
    }

    /** A stand-in for a throwable whose message held a secret: its type's name and masked message. */
    public static final class RedactedThrowable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String originalType;

        RedactedThrowable(String originalType, String message, Throwable cause) {
            super(message, cause);
            this.originalType = originalType;
        }

        /** @return the class name of the throwable this one stands in for */
        public String originalType() {
            return originalType;
        }

        /** Renders like the original would, with its class name, so logs read the same. */
        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? originalType + " (redacted)" : originalType + " (redacted): " + message;
        }
    }
}
