package dev.aio.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A STUB of a model vendor's HTTP API on loopback: no hosted model can be reached from the
 * build. Each test queues the responses the vendor documents (JSON, SSE or NDJSON bodies,
 * error statuses and headers) and then reads back the requests the client sent. It does not
 * emulate a model; the bodies are fixed per test.
 */
public final class VendorStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();

    public VendorStub() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the stub's root URL plus {@code path}, without a trailing slash */
    public String url(String path) {
        String url = server.url(path).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Queues a JSON answer. */
    public VendorStub json(int status, String body, String... headerNamesAndValues) {
        MockResponse.Builder b = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json");
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            b.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        server.enqueue(b.body(body).build());
        return this;
    }

    /** Queues a server-sent-events answer (OpenAI, Anthropic streaming). */
    public VendorStub sse(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
                .addHeader("Cache-Control", "no-cache").body(body).build());
        return this;
    }

    /** Queues a newline-delimited JSON answer (Ollama streaming). */
    public VendorStub ndjson(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/x-ndjson")
                .body(body).build());
        return this;
    }

    /** @return the next request the client sent; fails the test after 5 s without one */
    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the client sent no request to the stub");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the body of a request as JSON */
    public static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how many requests reached the stub */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** Everything a log could show of an error: each link's toString and the full stack trace. */
    public static String everythingPrinted(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            out.append(t).append('\n').append(t.getMessage()).append('\n');
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return out.append(trace).toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
