package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.vector.Similarity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chunk class as code: its definition, and the property kind of every metadata key the
 * store has seen (the declared provenance properties plus those added as records brought new
 * keys). Thread-safe.
 */
public final class ChunkSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String className;
    private final Similarity similarity;
    private final boolean multiTenant;
    // Property name -> kind, for every metadata property (not recordId, text, metadataJson).
    private final Map<String, PropertyKind> kinds = new ConcurrentHashMap<>();

    /**
     * @param className the Weaviate class
     * @param similarity the distance the vector index uses
     * @param multiTenant whether the class is multi-tenant
     */
    public ChunkSchema(String className, Similarity similarity, boolean multiTenant) {
        this.className = className;
        this.similarity = similarity;
        this.multiTenant = multiTenant;
    }

    /** @return the class name */
    public String className() {
        return className;
    }

    /** @return Weaviate's name of the distance, {@code cosine} or {@code dot} */
    public String distance() {
        return similarity == Similarity.COSINE ? "cosine" : "dot";
    }

    /** @return the class definition {@code POST /v1/schema} takes */
    public ObjectNode definition() {
        ObjectNode c = JSON.objectNode();
        c.put("class", className);
        c.put("description", "Chunks written by aio: text, vector, metadata and provenance");
        // Vectors always come from aio's embedder; Weaviate must never compute its own.
        c.put("vectorizer", "none");
        c.putObject("vectorIndexConfig").put("distance", distance());
        // Null state is indexed so that exists(key) can be answered with IsNull.
        c.putObject("invertedIndexConfig").put("indexNullState", true);
        c.putObject("multiTenancyConfig").put("enabled", multiTenant);
        var props = c.putArray("properties");
        props.add(JSON.objectNode().put("name", PropertyNames.RECORD_ID).<ObjectNode>set("dataType", types("text"))
                .put("tokenization", "field").put("indexFilterable", true).put("indexSearchable", false));
        props.add(JSON.objectNode().put("name", PropertyNames.TEXT).<ObjectNode>set("dataType", types("text"))
                .put("tokenization", "word").put("indexFilterable", false).put("indexSearchable", true));
        props.add(JSON.objectNode().put("name", PropertyNames.METADATA_JSON)
                .<ObjectNode>set("dataType", types("text")).put("indexFilterable", false)
                .put("indexSearchable", false));
        PropertyNames.PROVENANCE.forEach((name, kind) -> props.add(property(name, kind)));
        return c;
    }

    /**
     * @param name a property name
     * @param kind its kind
     * @return the definition {@code POST /v1/schema/{class}/properties} takes
     */
    public static ObjectNode property(String name, PropertyKind kind) {
        ObjectNode p = JSON.objectNode().put("name", name);
        p.set("dataType", types(kind.dataType()));
        if (kind == PropertyKind.TEXT || kind == PropertyKind.TEXT_ARRAY) {
            // field: the whole value is one token, so Equal compares whole strings, case and all.
            p.put("tokenization", "field").put("indexSearchable", false);
        }
        return p.put("indexFilterable", true);
    }

    private static JsonNode types(String type) {
        return JSON.arrayNode().add(type);
    }

    /**
     * Takes the kinds of a class that already exists, after checking that aio can use it.
     *
     * @param existing the class as {@code GET /v1/schema/{class}} returns it
     * @return {@code null} when usable, else what is wrong, for an error message
     */
    public String adopt(JsonNode existing) {
        String distance = existing.path("vectorIndexConfig").path("distance").asText("cosine");
        if (!distance.equals(distance())) {
            return "its vector index uses distance '" + distance + "' but the store was built for '" + distance() + "'";
        }
        boolean mt = existing.path("multiTenancyConfig").path("enabled").asBoolean(false);
        if (mt != multiTenant) {
            return "it is " + (mt ? "" : "not ") + "multi-tenant but the store was built with multiTenancy("
                    + multiTenant + ")";
        }
        for (JsonNode p : existing.path("properties")) {
            String name = p.path("name").asText();
            String type = p.path("dataType").path(0).asText();
            if (name.equals(PropertyNames.RECORD_ID) || name.equals(PropertyNames.TEXT)
                    || name.equals(PropertyNames.METADATA_JSON)) {
                if (!type.equals("text")) {
                    return "its property '" + name + "' has type " + type + ", not text";
                }
                continue;
            }
            PropertyKind kind = PropertyKind.ofDataType(type);
            if (kind == null) {
                return "its property '" + name + "' has type " + type + ", which aio never writes";
            }
            kinds.put(name, kind);
        }
        if (!existing.path("properties").toString().contains("\"" + PropertyNames.RECORD_ID + "\"")) {
            return "it has no '" + PropertyNames.RECORD_ID + "' property, so it was not created by aio";
        }
        return null;
    }

    /** Records the declared properties of a class this store has just created. */
    public void created() {
        kinds.putAll(PropertyNames.PROVENANCE);
    }

    /** @param existing the class as Weaviate returns it @return whether it indexes null state */
    public static boolean indexesNullState(JsonNode existing) {
        return existing.path("invertedIndexConfig").path("indexNullState").asBoolean(false);
    }

    /** @param key a metadata key @return its property's kind, or {@code null} when it has none */
    public PropertyKind kindOfKey(String key) {
        return kinds.get(PropertyNames.of(key));
    }

    /** @param property a property name @param kind the kind it was created with */
    public void added(String property, PropertyKind kind) {
        kinds.put(property, kind);
    }

    /** @param property a property name @return its kind, or {@code null} */
    public PropertyKind kindOfProperty(String property) {
        return kinds.get(property);
    }
}
