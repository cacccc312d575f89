package dev.aio.core.storage;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An object was created (written, overwritten, copied) or removed. Made from S3 event
 * notification JSON as MinIO posts it to webhooks ({@link #parse(String)}), or by an
 * {@link ObjectWatcher} that polls a listing. Immutable.
 *
 * @param type created or removed
 * @param bucket the bucket
 * @param key the key, decoded
 * @param etag the new version's ETag without quotes; {@code null} for a removal or when not sent
 * @param size the new version's size; -1 for a removal or when not sent
 * @param versionId the version id, or {@code null}
 * @param sequencer S3's per-key ordering token (compare as strings of equal length), or
 *     {@code null} when not sent (polling has none)
 * @param eventName the raw event name, such as {@code s3:ObjectCreated:Put}
 */
public record ObjectEvent(Type type, String bucket, String key, String etag, long size, String versionId,
        String sequencer, String eventName) {

    /** What happened to the object. */
    public enum Type {
        /** Written, overwritten or copied: {@code s3:ObjectCreated:*}. */
        CREATED,
        /** Deleted, or a delete marker added: {@code s3:ObjectRemoved:*}. */
        REMOVED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws NullPointerException when type, bucket, key or eventName is null */
    public ObjectEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventName, "eventName");
    }

    /**
     * Parses an S3 event notification ({@code {"Records": [...]}}). Records of other kinds (an
     * object read, a replication event) are skipped; a body without records (MinIO's test
     * event) yields none.
     *
     * @param json the notification body
     * @return the created and removed events, in record order
     * @throws ObjectEventParseException when the body is not such JSON or a record lacks its
     *     bucket name or key
     */
    public static List<ObjectEvent> parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ObjectEventParseException("the event notification is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ObjectEventParseException("the event notification is not a JSON object", null);
        }
        JsonNode records = root.path("Records");
        List<ObjectEvent> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String name = record.path("eventName").asText("");
            Type type = typeOf(name);
            if (type == null) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String rawKey = s3.path("object").path("key").asText(null);
            if (bucket == null || rawKey == null) {
                throw new ObjectEventParseException("record " + i + " (" + name
                        + ") lacks s3.bucket.name or s3.object.key", null);
            }
            JsonNode object = s3.path("object");
            events.add(new ObjectEvent(type, bucket, decode(rawKey, i), text(object, "eTag"),
                    object.path("size").asLong(-1), text(object, "versionId"), text(object, "sequencer"), name));
        }
        return events;
    }

    private static Type typeOf(String eventName) {
        String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
        if (name.startsWith("ObjectCreated:")) {
            return Type.CREATED;
        }
        if (name.startsWith("ObjectRemoved:")) {
            return Type.REMOVED;
        }
        return null;
    }

    private static String decode(String key, int record) {
        try {
            // S3 and MinIO send keys form-encoded: '+' is a space, '%2B' a plus.
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ObjectEventParseException("record " + record + " has a key that is not URL-encoded: "
                    + ObjectNames.quote(key), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        String text = value.asText();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }
}
