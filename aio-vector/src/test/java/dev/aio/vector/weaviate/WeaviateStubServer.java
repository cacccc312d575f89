package dev.aio.vector.weaviate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A STUB of a Weaviate server on loopback, for tests: no Weaviate can run on the build machine.
 * It keeps classes, tenants and objects in memory and answers the REST and GraphQL requests
 * aio sends in the shapes Weaviate documents ({@code /v1/meta}, {@code /v1/schema},
 * {@code /v1/schema/{class}/properties}, {@code /v1/schema/{class}/tenants},
 * {@code /v1/batch/objects} POST and DELETE, {@code /v1/graphql} Get and Aggregate with
 * {@code nearVector}, {@code hybrid}, {@code where}, {@code tenant}, {@code limit}, and
 * {@code /v1/backups/s3}). Where filters and nearVector are really evaluated
 * ({@link StubWhere}), so the vector store contract run against it means something.
 *
 * <p>Simplifications, stated so no test leans on them by accident: auto-schema is off (a
 * property must exist before an object uses it, as aio ensures); the keyword half of hybrid
 * search scores a record by how many distinct query words its text holds (a stand-in for BM25),
 * and {@code rankedFusion} scores {@code alpha/(60+rank) + (1-alpha)/(60+rank)} with ranks from 1;
 * backups finish at once. Every request is recorded; {@link #failNext} makes the next one fail.
 */
final class WeaviateStubServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the stub received it. */
    record Request(String method, String target, String body, String authorization) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<MockResponse> failures = new LinkedBlockingQueue<>();
    private final Map<String, StubClass> classes = new LinkedHashMap<>();
    private final Map<String, Map<String, StubClass>> backups = new LinkedHashMap<>();
    private final String version;
    private final String apiKey;
    private int queryMaximumResults = 10_000;

    /**
     * @param version the Weaviate version {@code /v1/meta} reports
     * @param apiKey the API key every request must carry as a bearer token, or {@code null}
     */
    WeaviateStubServer(String version, String apiKey) {
        this.version = version;
        this.apiKey = apiKey;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return handle(r);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stub of Weaviate 1.33.0 without authentication. */
    WeaviateStubServer() {
        this("1.33.0", null);
    }

    /** @return the root URL, e.g. {@code http://127.0.0.1:40123/} */
    String url() {
        return server.url("/").toString();
    }

    /** @return every request received so far, oldest first */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received so far. */
    void clearRequests() {
        requests.clear();
    }

    /** @return the last request received */
    Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** @param code the status the next request gets @param body its body; state is left alone */
    void failNext(int code, String body) {
        failures.add(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build());
    }

    /** @param limit Weaviate's QUERY_MAXIMUM_RESULTS: the most objects one batch delete removes */
    synchronized void queryMaximumResults(int limit) {
        this.queryMaximumResults = limit;
    }

    /** @param className a class @return its objects in a tenant ({@code ""} for none), id -> properties */
    synchronized Map<String, Map<String, Object>> objects(String className, String tenant) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        StubClass c = classes.get(className);
        if (c != null) {
            c.objects.getOrDefault(tenant, Map.of()).forEach((id, o) -> out.put(id, o.properties()));
        }
        return out;
    }

    /** @param className a class @return its definition as the stub holds it, or null */
    synchronized Map<String, Object> classDefinition(String className) {
        StubClass c = classes.get(className);
        return c == null ? null : c.definition;
    }

    // ---- dispatch --------------------------------------------------------------------------

    private MockResponse handle(RecordedRequest r) {
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        String auth = r.getHeaders().get("Authorization");
        requests.add(new Request(r.getMethod(), r.getTarget(), body, auth));
        MockResponse failure = failures.poll();
        if (failure != null) {
            return failure;
        }
        if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
            return error(401, "anonymous access not enabled, please provide an auth scheme such as OIDC or API key");
        }
        try {
            synchronized (this) {
                return route(r.getMethod(), r.getUrl().encodedPath(), r.getUrl().queryParameter("tenant"), body);
            }
        } catch (StubWhere.Refused e) {
            return error(422, e.getMessage());
        } catch (IOException e) {
            return error(400, "invalid JSON: " + e.getMessage());
        }
    }

    private MockResponse route(String method, String path, String tenant, String body) throws IOException {
        String[] p = path.substring(1).split("/");
        String m = method + " " + (p.length > 1 ? p[1] : "");
        if (m.equals("GET meta")) {
            return ok(Map.of("hostname", "http://[::]:8080", "version", version, "modules", Map.of()));
        }
        if (m.equals("POST graphql")) {
            return ok(new StubQueries(this).run((String) read(body).get("query")));
        }
        if (m.equals("POST schema") && p.length == 2) {
            return createClass(read(body));
        }
        if (p[1].equals("schema") && p.length >= 3) {
            StubClass c = classes.get(p[2]);
            if (p.length == 3 && method.equals("GET")) {
                return c == null ? new MockResponse.Builder().code(404).build() : ok(c.definition);
            }
            if (c == null) {
                return error(404, "class '" + p[2] + "' not found");
            }
            if (p.length == 3 && method.equals("DELETE")) {
                classes.remove(p[2]);
                return ok(Map.of());
            }
            if (p[3].equals("properties") && method.equals("POST")) {
                return c.addProperty(read(body));
            }
            if (p[3].equals("tenants")) {
                return tenants(c, method, body);
            }
        }
        if (p[1].equals("batch") && p.length == 3 && p[2].equals("objects")) {
            return method.equals("POST") ? batch(read(body)) : batchDelete(read(body), tenant);
        }
        if (p[1].equals("backups") && p.length >= 3 && p[2].equals("s3")) {
            return StubBackups.handle(this, method, p, read(body));
        }
        return error(404, "no route for " + method + " " + path);
    }

    @SuppressWarnings("unchecked")
    private MockResponse createClass(Map<String, Object> def) {
        String name = (String) def.get("class");
        if (classes.containsKey(name)) {
            return error(422, "class name \"" + name + "\" already exists");
        }
        classes.put(name, new StubClass(def));
        return ok(def);
    }

    @SuppressWarnings("unchecked")
    private MockResponse tenants(StubClass c, String method, String body) throws IOException {
        if (!c.multiTenant()) {
            return error(422, "multi-tenancy is not enabled for class \"" + c.name() + "\"");
        }
        if (method.equals("GET")) {
            List<Map<String, Object>> out = new ArrayList<>();
            c.tenants.forEach(t -> out.add(Map.of("name", t, "activityStatus", "HOT")));
            return ok(out);
        }
        List<Map<String, Object>> list = JSON.readValue(body, new TypeReference<>() { });
        list.forEach(t -> c.tenants.add((String) t.get("name")));
        return ok(list);
    }

    @SuppressWarnings("unchecked")
    private MockResponse batch(Map<String, Object> body) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> o : (List<Map<String, Object>>) body.get("objects")) {
            Map<String, Object> result = new LinkedHashMap<>(o);
            String problem = put(o);
            result.put("result", problem == null ? Map.of()
                    : Map.of("errors", Map.of("error", List.of(Map.of("message", problem)))));
            out.add(result);
        }
        return ok(out);
    }

    @SuppressWarnings("unchecked")
    private String put(Map<String, Object> o) {
        StubClass c = classes.get((String) o.get("class"));
        if (c == null) {
            return "class '" + o.get("class") + "' not present in schema";
        }
        String tenant = (String) o.get("tenant");
        String problem = c.checkTenant(tenant);
        if (problem != null) {
            return problem;
        }
        List<Number> v = (List<Number>) o.get("vector");
        float[] vector = new float[v.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = v.get(i).floatValue();
        }
        return c.put(tenant == null ? "" : tenant, (String) o.get("id"), (Map<String, Object>) o.get("properties"),
                vector);
    }

    @SuppressWarnings("unchecked")
    private MockResponse batchDelete(Map<String, Object> body, String tenant) {
        Map<String, Object> match = (Map<String, Object>) body.get("match");
        StubClass c = classes.get((String) match.get("class"));
        if (c == null) {
            return error(422, "class '" + match.get("class") + "' not present in schema");
        }
        String problem = c.checkTenant(tenant);
        if (problem != null) {
            return error(422, problem);
        }
        StubWhere where = c.where(version);
        Map<String, StubClass.StubObject> objects = c.objects.computeIfAbsent(tenant == null ? "" : tenant,
                t -> new LinkedHashMap<>());
        List<String> matching = new ArrayList<>();
        objects.forEach((id, o) -> {
            if (where.test((Map<String, Object>) match.get("where"), id, o.properties())) {
                matching.add(id);
            }
        });
        List<String> deleted = matching.subList(0, Math.min(matching.size(), queryMaximumResults));
        deleted.forEach(objects::remove);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("matches", deleted.size());
        results.put("limit", queryMaximumResults);
        results.put("successful", deleted.size());
        results.put("failed", 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("match", match);
        out.put("output", body.getOrDefault("output", "minimal"));
        out.put("dryRun", false);
        out.put("results", results);
        return ok(out);
    }

    // ---- shared with the query and backup parts ------------------------------------------

    StubClass classNamed(String name) {
        return classes.get(name);
    }

    Map<String, StubClass> classes() {
        return classes;
    }

    Map<String, Map<String, StubClass>> backups() {
        return backups;
    }

    String version() {
        return version;
    }

    static Map<String, Object> read(String body) throws IOException {
        return body.isBlank() ? Map.of() : JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    static MockResponse ok(Object body) {
        try {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse error(int code, String message) {
        try {
            return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(Map.of("error", List.of(Map.of("message", message))))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
