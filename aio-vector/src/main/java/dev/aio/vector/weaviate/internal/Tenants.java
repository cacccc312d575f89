package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aio.core.vector.VectorStoreException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The tenants of a multi-tenant chunk class: aio's tenant names mapped to Weaviate's, the ones
 * known to exist, and their creation when a record first names one. Thread-safe.
 */
public final class Tenants {

    // Weaviate's rule for tenant names.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private final String store;
    private final WeaviateHttp http;
    private final String path;
    private final String untenanted;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * @param store the store's name, for messages
     * @param http the transport
     * @param className the class
     * @param untenanted the Weaviate tenant that holds aio's records without a tenant
     */
    public Tenants(String store, WeaviateHttp http, String className, String untenanted) {
        this.store = store;
        this.http = http;
        this.path = "v1/schema/" + className + "/tenants";
        this.untenanted = untenanted;
    }

    /**
     * @param tenant an aio tenant, or {@code null}
     * @return the Weaviate tenant that holds its records
     * @throws VectorStoreException for a name Weaviate cannot take or the reserved one
     */
    public String weaviateName(String tenant) {
        if (tenant == null) {
            return untenanted;
        }
        if (!NAME.matcher(tenant).matches() || tenant.equals(untenanted)) {
            throw new VectorStoreException(store, "tenant '" + tenant + "' cannot be a Weaviate tenant: names are 1 to 64 "
                    + "letters, digits, '-' or '_', and '" + untenanted + "' holds the records without a tenant", null);
        }
        return tenant;
    }

    /** Reads the class's tenants from Weaviate. */
    public void refresh() {
        JsonNode list = http.send("GET", path, null, true);
        if (list != null) {
            list.forEach(t -> known.add(t.path("name").asText()));
        }
    }

    /** @param name a Weaviate tenant @return whether it exists, asking Weaviate when not yet known */
    public boolean exists(String name) {
        if (known.contains(name)) {
            return true;
        }
        refresh();
        return known.contains(name);
    }

    /** @return the tenants known to exist */
    public Set<String> known() {
        return Set.copyOf(known);
    }

    /** @param names Weaviate tenants that records are about to be written to; missing ones are created */
    public void ensure(List<String> names) {
        ArrayNode missing = http.mapper().createArrayNode();
        for (String n : names) {
            if (!known.contains(n)) {
                missing.addObject().put("name", n);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            http.send("POST", path, missing, false);
        } catch (VectorStoreException e) {
            // Another writer may have created some of them meanwhile; only a tenant still missing is a failure.
            refresh();
            for (JsonNode t : missing) {
                if (!known.contains(t.path("name").asText())) {
                    throw e;
                }
            }
            return;
        }
        missing.forEach(t -> known.add(t.path("name").asText()));
    }
}
