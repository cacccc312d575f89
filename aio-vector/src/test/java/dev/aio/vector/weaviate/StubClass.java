package dev.aio.vector.weaviate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;

/** One class of {@link WeaviateStubServer}: its definition, tenants and objects. Not thread-safe. */
final class StubClass {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored object. */
    record StubObject(Map<String, Object> properties, float[] vector) {
    }

    final Map<String, Object> definition;
    final Set<String> tenants = new LinkedHashSet<>();
    // Tenant ("" without multi-tenancy) -> object UUID -> object.
    final Map<String, Map<String, StubObject>> objects = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    StubClass(Map<String, Object> def) {
        // Deep copy, with Weaviate's defaults for what the request left out.
        this.definition = JSON.convertValue(def, new TypeReference<Map<String, Object>>() { });
        ((Map<String, Object>) definition.computeIfAbsent("invertedIndexConfig", k -> new LinkedHashMap<>()))
                .putIfAbsent("indexNullState", false);
        ((Map<String, Object>) definition.computeIfAbsent("multiTenancyConfig", k -> new LinkedHashMap<>()))
                .putIfAbsent("enabled", false);
        ((Map<String, Object>) definition.computeIfAbsent("vectorIndexConfig", k -> new LinkedHashMap<>()))
                .putIfAbsent("distance", "cosine");
        definition.putIfAbsent("properties", new ArrayList<>());
    }

    String name() {
        return (String) definition.get("class");
    }

    @SuppressWarnings("unchecked")
    boolean multiTenant() {
        return Boolean.TRUE.equals(((Map<String, Object>) definition.get("multiTenancyConfig")).get("enabled"));
    }

    @SuppressWarnings("unchecked")
    boolean nullState() {
        return Boolean.TRUE.equals(((Map<String, Object>) definition.get("invertedIndexConfig")).get("indexNullState"));
    }

    @SuppressWarnings("unchecked")
    String distance() {
        return (String) ((Map<String, Object>) definition.get("vectorIndexConfig")).get("distance");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> properties() {
        return (List<Map<String, Object>>) definition.get("properties");
    }

    Map<String, String> dataTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> p : properties()) {
            out.put((String) p.get("name"), (String) ((List<?>) p.get("dataType")).get(0));
        }
        return out;
    }

    StubWhere where(String version) {
        String[] v = version.split("\\.");
        boolean not = Integer.parseInt(v[0]) > 1 || Integer.parseInt(v[1]) >= 33;
        return new StubWhere(dataTypes(), nullState(), not);
    }

    MockResponse addProperty(Map<String, Object> property) {
        if (dataTypes().containsKey((String) property.get("name"))) {
            return WeaviateStubServer.error(422, "property '" + property.get("name") + "' already exists");
        }
        properties().add(new LinkedHashMap<>(property));
        return WeaviateStubServer.ok(property);
    }

    /** @return Weaviate's complaint about the tenant of a request, or null when it is fine */
    String checkTenant(String tenant) {
        if (multiTenant() && tenant == null) {
            return "class " + name() + " has multi-tenancy enabled, but request was without tenant";
        }
        if (multiTenant() && !tenants.contains(tenant)) {
            return "tenant not found: \"" + tenant + "\"";
        }
        if (!multiTenant() && tenant != null) {
            return "class " + name() + " has multi-tenancy disabled, but request was with tenant";
        }
        return null;
    }

    /** @return Weaviate's complaint about the object, or null when it was stored */
    String put(String tenant, String id, Map<String, Object> props, float[] vector) {
        Map<String, String> types = dataTypes();
        for (Map.Entry<String, Object> e : props.entrySet()) {
            String type = types.get(e.getKey());
            if (type == null) {
                return "no such prop with name '" + e.getKey() + "' found in class '" + name() + "' in the schema. "
                        + "Check your schema files for which properties in this class are available";
            }
            if (!fits(type, e.getValue())) {
                return "invalid " + type + " property '" + e.getKey() + "' on class '" + name() + "': " + e.getValue();
            }
        }
        for (Map<String, StubObject> shard : objects.values()) {
            for (StubObject o : shard.values()) {
                if (o.vector().length != vector.length) {
                    return "new node has a vector with length " + vector.length + ". Existing nodes have vectors with "
                            + "length " + o.vector().length;
                }
                break;
            }
        }
        objects.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(id, new StubObject(props, vector));
        return null;
    }

    private static boolean fits(String type, Object value) {
        switch (type) {
            case "text":
                return value instanceof String;
            case "text[]":
                return value instanceof List && ((List<?>) value).stream().allMatch(String.class::isInstance);
            case "number":
                return value instanceof Number;
            case "boolean":
                return value instanceof Boolean;
            default:
                return false;
        }
    }

    StubClass copy() {
        StubClass c = new StubClass(definition);
        c.tenants.addAll(tenants);
        objects.forEach((t, shard) -> c.objects.put(t, new LinkedHashMap<>(shard)));
        return c;
    }
}
