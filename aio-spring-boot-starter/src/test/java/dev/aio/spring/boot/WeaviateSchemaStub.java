package dev.aio.spring.boot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STUB of the little of Weaviate's REST API that building a store and counting an empty one
 * use, on loopback (no Weaviate can run on the build machine): {@code GET /v1/meta},
 * {@code GET /v1/schema/{class}} (404 until created), {@code POST /v1/schema} (the class
 * definition is kept and returned as sent) and {@code GET /v1/schema/{class}/tenants} (none).
 * Shapes as Weaviate documents them. Searching and writing are tested in aio-vector against a
 * fuller stub; here only the starter's wiring and health are.
 */
final class WeaviateSchemaStub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String schema;

    WeaviateSchemaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the Authorization header of every request, in order */
    List<String> authorizations() {
        return authorizations;
    }

    private void handle(HttpExchange x) throws IOException {
        authorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        if (method.equals("GET") && path.equals("/v1/meta")) {
            reply(x, 200, "{\"version\":\"1.33.0\"}");
        } else if (method.equals("POST") && path.equals("/v1/schema")) {
            schema = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(x, 200, schema);
        } else if (method.equals("GET") && path.matches("/v1/schema/[A-Za-z0-9_]+/tenants")) {
            reply(x, 200, "[]");
        } else if (method.equals("GET") && path.matches("/v1/schema/[A-Za-z0-9_]+")) {
            String s = schema;
            reply(x, s == null ? 404 : 200, s == null ? "{\"error\":[{\"message\":\"class not found\"}]}" : s);
        } else {
            reply(x, 404, "{\"error\":[{\"message\":\"the stub does not serve " + method + " " + path + "\"}]}");
        }
    }

    private static void reply(HttpExchange x, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(code, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
