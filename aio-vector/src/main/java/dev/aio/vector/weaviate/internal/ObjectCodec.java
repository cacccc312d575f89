package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.vector.VectorRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Converts records to Weaviate objects and back, and derives their deterministic UUIDs. */
public final class ObjectCodec {

    /**
     * The UUIDv5 namespace of aio record ids: an arbitrary constant chosen once for aio, fixed
     * forever, because a different one would turn every re-ingestion into duplicates.
     */
    public static final UUID NAMESPACE = UUID.fromString("5b7e3c4a-2f3e-5f6a-9a1b-0c7d2e4f6a8b");

    private final ObjectMapper mapper;

    /** @param mapper the JSON mapper */
    public ObjectCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The object id of a record: a name-based UUID (version 5, SHA-1) of the record id in
     * {@link #NAMESPACE}, so the same record always lands on the same object.
     *
     * @param recordId the aio record id
     * @return the UUID, lower-case
     */
    public static String uuid(String recordId) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] h = sha1.digest(recordId.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /**
     * @param r a record
     * @param className the class
     * @param tenant the Weaviate tenant, or {@code null} for a single-tenant class
     * @return the object {@code POST /v1/batch/objects} takes
     */
    public ObjectNode toObject(VectorRecord r, String className, String tenant) {
        ObjectNode o = mapper.createObjectNode();
        o.put("class", className);
        o.put("id", uuid(r.id()));
        ObjectNode props = o.putObject("properties");
        props.put(PropertyNames.RECORD_ID, r.id());
        if (r.text() != null) {
            props.put(PropertyNames.TEXT, r.text());
        }
        props.put(PropertyNames.METADATA_JSON, metadataJson(r.metadata()));
        r.metadata().forEach((key, value) -> props.set(PropertyNames.of(key), mapper.valueToTree(value)));
        ArrayNode vector = o.putArray("vector");
        for (float f : r.vector()) {
            vector.add(f);
        }
        if (tenant != null) {
            o.put("tenant", tenant);
        }
        return o;
    }

    private String metadataJson(Map<String, Object> metadata) {
        try {
            return mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata values are plain JSON types", e);
        }
    }

    /**
     * @param hit one object of a GraphQL {@code Get} answer, with {@code _additional.vector}
     * @param tenant the aio tenant it was read from, or {@code null}
     * @return the record
     */
    public VectorRecord toRecord(JsonNode hit, String tenant) {
        JsonNode v = hit.path("_additional").path("vector");
        float[] vector = new float[v.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) v.get(i).asDouble();
        }
        JsonNode text = hit.path(PropertyNames.TEXT);
        VectorRecord r = VectorRecord.of(hit.path(PropertyNames.RECORD_ID).asText(), vector,
                text.isTextual() ? text.asText() : null, metadata(hit.path(PropertyNames.METADATA_JSON).asText("{}")));
        return tenant == null ? r : r.withTenant(tenant);
    }

    private Map<String, Object> metadata(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(e.getValue()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadataJson is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    // Integral JSON numbers were longs and fractional ones doubles: Jackson writes a double with
    // a point or an exponent, so the types round-trip exactly.
    private static Object value(JsonNode n) {
        if (n.isArray()) {
            List<String> list = new ArrayList<>(n.size());
            n.forEach(e -> list.add(e.asText()));
            return list;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}
