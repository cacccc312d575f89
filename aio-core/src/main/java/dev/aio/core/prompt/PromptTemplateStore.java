package dev.aio.core.prompt;

import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.PutOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prompt templates kept as objects in a bucket, every version kept: the current text of a
 * template lives at {@code <prefix><name>.txt} and each version also at
 * {@code <prefix><name>@<version>.txt}, so an answer that recorded {@code name@version} can be
 * explained later even after the template changed, whether or not the bucket is versioned.
 * Thread-safe.
 */
public final class PromptTemplateStore {

    /** The key prefix used when none is given. */
    public static final String DEFAULT_PREFIX = "prompts/";

    private static final PutOptions TEXT = PutOptions.contentType("text/plain; charset=utf-8");

    private final ObjectStore store;
    private final String bucket;
    private final String prefix;

    private PromptTemplateStore(ObjectStore store, String bucket, String prefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.bucket = ObjectNames.requireValidBucket(bucket);
        this.prefix = ObjectNames.requireValidPrefix(bucket, prefix);
    }

    /**
     * A template store in a bucket, under {@value #DEFAULT_PREFIX}.
     *
     * @param store the object store
     * @param bucket the bucket, which must exist
     * @return the template store
     */
    public static PromptTemplateStore in(ObjectStore store, String bucket) {
        return new PromptTemplateStore(store, bucket, DEFAULT_PREFIX);
    }

    /**
     * Stores a template's text as its current version (and as that version for good).
     *
     * @param name the template's name; no {@code /} or {@code @}
     * @param text the template text
     * @return the stored template with its version
     */
    public PromptTemplate put(String name, String text) {
        PromptTemplate template = PromptTemplate.of(requireName(name), text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // The immutable version first: the current pointer never names a version that is missing.
        store.put(bucket, versionKey(name, template.version()), bytes, TEXT);
        store.put(bucket, currentKey(name), bytes, TEXT);
        return template;
    }

    /**
     * The current version of a template.
     *
     * @param name the template's name
     * @return the template
     * @throws ObjectNotFoundException when there is no such template
     */
    public PromptTemplate get(String name) {
        String text = new String(store.getBytes(bucket, currentKey(requireName(name))), StandardCharsets.UTF_8);
        return PromptTemplate.of(name, text);
    }

    /**
     * A given version of a template.
     *
     * @param name the template's name
     * @param version the version, as recorded in an answer
     * @return the template
     * @throws ObjectNotFoundException when there is no such version
     */
    public PromptTemplate get(String name, String version) {
        Objects.requireNonNull(version, "version");
        String text = new String(store.getBytes(bucket, versionKey(requireName(name), version)),
                StandardCharsets.UTF_8);
        return new PromptTemplate(name, version, text);
    }

    /** @return the names of the stored templates, sorted */
    public List<String> names() {
        try (Stream<ObjectInfo> listing = store.list(bucket, prefix)) {
            return listing.map(info -> info.key().substring(prefix.length()))
                    .filter(rest -> rest.endsWith(".txt") && !rest.contains("@") && !rest.contains("/"))
                    .map(rest -> rest.substring(0, rest.length() - ".txt".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * The versions stored for a template, in key order.
     *
     * @param name the template's name
     * @return the versions
     */
    public List<String> versions(String name) {
        String versionPrefix = prefix + requireName(name) + "@";
        try (Stream<ObjectInfo> listing = store.list(bucket, versionPrefix)) {
            return listing.map(info -> info.key().substring(versionPrefix.length()))
                    .filter(rest -> rest.endsWith(".txt"))
                    .map(rest -> rest.substring(0, rest.length() - ".txt".length()))
                    .collect(Collectors.toList());
        }
    }

    private String currentKey(String name) {
        return ObjectNames.requireValidKey(bucket, prefix + name + ".txt");
    }

    private String versionKey(String name, String version) {
        return ObjectNames.requireValidKey(bucket, prefix + name + "@" + version + ".txt");
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("@")) {
            throw new IllegalArgumentException("a prompt template name must be non-blank and contain no '/' or '@', "
                    + "got '" + name + "'");
        }
        return name;
    }
}
