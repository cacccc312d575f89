package dev.aio.core.prompt;

import dev.aio.core.NonRetriableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named prompt with {@code {{variable}}} placeholders and a version: the first 12 hex digits of
 * the SHA-256 of its text, so the same text has the same version wherever it is stored, and an
 * answer can record exactly which prompt produced it. Immutable.
 *
 * @param name the template's name, such as {@code answer-with-citations}
 * @param version the content version
 * @param text the template text
 */
public record PromptTemplate(String name, String version, String text) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    /** Checks the components. */
    public PromptTemplate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a prompt template needs a non-blank name, got '" + name + "'");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(text, "text");
    }

    /**
     * A template whose version is derived from its text.
     *
     * @param name the name
     * @param text the text with {@code {{variable}}} placeholders
     * @return the template
     */
    public static PromptTemplate of(String name, String text) {
        Objects.requireNonNull(text, "text");
        return new PromptTemplate(name, versionOf(text), text);
    }

    /** @return the variables the text uses, in order of first use */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills the placeholders. Values are inserted as they are (no escaping: prompts are text).
     *
     * @param values a value for every variable; extra entries are ignored
     * @return the prompt
     * @throws NonRetriableException naming the template, its version and every missing variable
     */
    public String render(Map<String, ?> values) {
        List<String> missing = new ArrayList<>();
        for (String variable : variables()) {
            if (values.get(variable) == null) {
                missing.add(variable);
            }
        }
        if (!missing.isEmpty()) {
            throw new NonRetriableException("prompt template '" + name + "'@" + version + " needs values for "
                    + missing + "; it uses " + variables());
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String versionOf(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
