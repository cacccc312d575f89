package dev.aio.vector.weaviate;

import java.util.List;
import java.util.Map;

/**
 * A public handle on aio-vector's {@code WeaviateStubServer}, a loopback STUB of Weaviate's REST
 * and GraphQL API (no Weaviate can run on the build machine), for the examples' tests. The stub
 * is package-private in aio-vector's test jar, hence this class in its package.
 */
public final class WeaviateStub implements AutoCloseable {

    private final WeaviateStubServer server = new WeaviateStubServer();

    /** @return the root URL to give {@code WeaviateVectorStore.builder().url(...)} */
    public String url() {
        return server.url();
    }

    /**
     * @param className a class
     * @param tenant a Weaviate tenant, {@code ""} for a class without tenants
     * @return the class's objects in that tenant as the stub holds them, id to properties
     */
    public Map<String, Map<String, Object>> objects(String className, String tenant) {
        return server.objects(className, tenant);
    }

    /** @return each request received so far as {@code METHOD path}, oldest first */
    public List<String> requests() {
        return server.requests().stream().map(r -> r.method() + " " + r.target()).toList();
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        server.clearRequests();
    }

    @Override
    public void close() {
        server.close();
    }
}
