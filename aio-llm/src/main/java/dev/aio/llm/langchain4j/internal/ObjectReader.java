package dev.aio.llm.langchain4j.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.storage.ByteRange;
import dev.aio.core.storage.InvalidObjectNameException;
import dev.aio.core.storage.ListOptions;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.ObjectStore;
import dev.aio.llm.langchain4j.AioTools;
import dev.aio.llm.langchain4j.ObjectScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The object tools of {@link AioTools}: read-only, confined to one {@link ObjectScope} and a
 * per-object check. Not part of the API.
 */
public final class ObjectReader {

    private final ObjectStore store;
    private final ObjectScope scope;
    private final BiPredicate<AccessContext, ObjectInfo> readable;
    private final AccessContext access;
    private final int maxBytes;
    private final int maxListed;

    /**
     * @param store the store
     * @param scope what the context may read
     * @param readable the per-object check
     * @param access the context
     * @param maxBytes the most bytes returned per object
     * @param maxListed the most keys per listing
     */
    public ObjectReader(ObjectStore store, ObjectScope scope, BiPredicate<AccessContext, ObjectInfo> readable,
            AccessContext access, int maxBytes, int maxListed) {
        this.store = store;
        this.scope = scope;
        this.readable = readable;
        this.access = access;
        this.maxBytes = maxBytes;
        this.maxListed = maxListed;
    }

    /** @return the scope */
    public ObjectScope scope() {
        return scope;
    }

    /** @return the most bytes returned per object */
    public int maxBytes() {
        return maxBytes;
    }

    /** @return the most keys per listing */
    public int maxListed() {
        return maxListed;
    }

    /**
     * @param json {@code {"key": ..., "bucket": ...}}
     * @return the object's text, with a note when it was cut
     * @throws ToolArgumentException for bad arguments, or a key that is missing, outside the
     *     scope or not readable (all three with the same message)
     */
    public String text(String json) {
        ToolArguments args = ToolArguments.parse(AioTools.GET_OBJECT_TEXT, json, Set.of("key", "bucket"));
        String key = args.requiredText("key");
        String bucket = args.optionalText("bucket");
        ObjectInfo info = find(bucket, key);
        long length = Math.min(info.size(), maxBytes);
        if (length == 0) {
            return "";
        }
        byte[] bytes;
        try (InputStream in = store.get(scope.bucket(), key, ByteRange.of(0, length))) {
            bytes = in.readNBytes((int) length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + scope.bucket() + "/" + key, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return info.size() > maxBytes ? text + "\n[cut at " + maxBytes + " of " + info.size() + " bytes]" : text;
    }

    private ObjectInfo find(String bucket, String key) {
        // Scope first, store second: a key outside the scope never reaches the store, and gets
        // the same answer as a missing one so its existence cannot be probed.
        if ((bucket != null && !bucket.equals(scope.bucket())) || !inScope(key)) {
            throw missing(key);
        }
        ObjectInfo info;
        try {
            info = store.stat(scope.bucket(), key);
        } catch (ObjectNotFoundException e) {
            throw missing(key);
        }
        if (!readable.test(access, info)) {
            throw missing(key);
        }
        return info;
    }

    private boolean inScope(String key) {
        try {
            ObjectNames.requireValidKey(scope.bucket(), key); // rejects "..", leading "/" and control characters
        } catch (InvalidObjectNameException e) {
            return false;
        }
        return scope.contains(key);
    }

    private ToolArgumentException missing(String key) {
        return new ToolArgumentException(AioTools.GET_OBJECT_TEXT + ": no readable object '" + key
                + "'; keys you can read start with '" + scope.prefix() + "' (see " + AioTools.LIST_OBJECTS + ")");
    }

    /**
     * @param json {@code {"prefix": ...}}
     * @return a JSON object with the keys and sizes listed, and whether more were left out
     * @throws ToolArgumentException for bad arguments or a prefix outside the scope
     */
    public String list(String json) {
        ToolArguments args = ToolArguments.parse(AioTools.LIST_OBJECTS, json, Set.of("prefix"));
        String prefix = args.optionalText("prefix");
        if (prefix == null || prefix.isEmpty()) {
            prefix = scope.prefix();
        }
        if (!prefix.startsWith(scope.prefix())) {
            throw new ToolArgumentException(AioTools.LIST_OBJECTS + ": prefix '" + prefix
                    + "' is outside what you can read; prefixes start with '" + scope.prefix() + "'");
        }
        ObjectNode out = ToolArguments.json().createObjectNode();
        ArrayNode keys = out.putArray("objects");
        boolean more = false;
        try (Stream<ObjectInfo> listed = store.list(scope.bucket(), ListOptions.recursive(prefix))) {
            Iterator<ObjectInfo> it = listed.filter(info -> readable.test(access, info)).iterator();
            while (it.hasNext()) {
                ObjectInfo info = it.next();
                if (keys.size() == maxListed) {
                    more = true;
                    break;
                }
                keys.addObject().put("key", info.key()).put("size", info.size());
            }
        }
        out.put("truncated", more);
        return out.toString();
    }
}
