package dev.aio.vector.weaviate.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps aio metadata keys to Weaviate property names, which must match
 * {@code [_A-Za-z][_0-9A-Za-z]*} and whose first letter Weaviate lower-cases.
 *
 * <p>A key that is already a plain name ({@code [a-z][0-9A-Za-z]*}, not one of the store's own
 * properties) is used as it is, so provenance keys such as {@code bucket} or {@code versionId}
 * are ordinary, readable properties. Any other key is written as {@code m_} followed by an
 * escaped form: letters and digits stay, {@code _} becomes {@code __}, and any other character
 * becomes {@code _<hex code point>_}. Plain names hold no underscore, so the two forms never
 * collide, and the escaping is injective, so two keys never share a property.
 */
public final class PropertyNames {

    /** The aio record id (Weaviate's own id is a UUID derived from it). */
    public static final String RECORD_ID = "recordId";
    /** The record text, BM25-indexed for hybrid search. */
    public static final String TEXT = "text";
    /** The metadata as JSON, so values come back with their exact types (long vs double, list vs string). */
    public static final String METADATA_JSON = "metadataJson";

    /** The provenance properties every chunk class declares up front, with their kinds. */
    public static final Map<String, PropertyKind> PROVENANCE;

    static {
        Map<String, PropertyKind> p = new LinkedHashMap<>();
        p.put("bucket", PropertyKind.TEXT);
        p.put("key", PropertyKind.TEXT);
        p.put("versionId", PropertyKind.TEXT);
        p.put("etag", PropertyKind.TEXT);
        p.put("chunkIndex", PropertyKind.NUMBER);
        p.put("documentId", PropertyKind.TEXT);
        p.put("fingerprint", PropertyKind.TEXT);
        p.put("tenant", PropertyKind.TEXT);
        PROVENANCE = Collections.unmodifiableMap(p);
    }

    // Weaviate reserves id, _id and _additional; vector is kept free to avoid confusing readers.
    private static final Set<String> RESERVED = Set.of(RECORD_ID, TEXT, METADATA_JSON, "id", "vector");
    private static final Pattern PLAIN = Pattern.compile("[a-z][0-9A-Za-z]*");

    private PropertyNames() {
    }

    /** @param key a metadata key, not blank @return the Weaviate property that holds it */
    public static String of(String key) {
        if (PLAIN.matcher(key).matches() && !RESERVED.contains(key)) {
            return key;
        }
        StringBuilder out = new StringBuilder("m_");
        key.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else if (c == '_') {
                out.append("__");
            } else {
                out.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return out.toString();
    }
}
