package dev.aio.core.prompt;

import dev.aio.core.NonRetriableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads {@link PromptTemplate}s from the classpath or a file; {@link PromptTemplateStore} keeps
 * them in an object store. Wherever a template comes from, its version is the digest of its
 * text, so the same text has the same version in all three places.
 */
public final class PromptTemplates {

    private PromptTemplates() {
    }

    /**
     * @param name the template's name
     * @param resource an absolute classpath resource, e.g. {@code /prompts/answer.txt}
     * @return the template
     * @throws NonRetriableException when the resource is missing
     */
    public static PromptTemplate classpath(String name, String resource) {
        Objects.requireNonNull(resource, "resource");
        try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NonRetriableException("prompt template '" + name + "': no classpath resource " + resource
                        + "; resource names are absolute, starting with '/'");
            }
            return PromptTemplate.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("prompt template '" + name + "': cannot read " + resource, e);
        }
    }

    /**
     * @param name the template's name
     * @param file a UTF-8 text file
     * @return the template
     * @throws UncheckedIOException when the file cannot be read, naming it
     */
    public static PromptTemplate file(String name, Path file) {
        try {
            return PromptTemplate.of(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("prompt template '" + name + "': cannot read " + file, e);
        }
    }
}
