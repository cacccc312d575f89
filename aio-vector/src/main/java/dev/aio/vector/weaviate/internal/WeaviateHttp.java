package dev.aio.vector.weaviate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.Secret;
import dev.aio.core.vector.VectorStoreException;
import dev.aio.core.vector.VectorStoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Weaviate's REST and GraphQL endpoints over OkHttp, with one error mapping for all of them:
 * an I/O failure, a 429 or a 5xx is a retriable {@link VectorStoreUnavailableException}; any other
 * non-2xx, and a GraphQL answer carrying {@code errors}, is a {@link VectorStoreException}.
 * Messages carry Weaviate's own error text, with the API key cut out should the server echo it.
 * Thread-safe.
 */
public final class WeaviateHttp implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_DETAIL = 500;

    private final String store;
    private final HttpUrl base;
    private final Secret apiKey;
    private final OkHttpClient client;
    private final ObjectMapper mapper;

    /**
     * @param store the store's name, for messages
     * @param base the server's root URL, e.g. {@code http://localhost:8080/}
     * @param apiKey the API key, or {@code null} for an open server
     * @param timeout the limit for each whole call
     * @param mapper the JSON mapper
     */
    public WeaviateHttp(String store, HttpUrl base, Secret apiKey, Duration timeout, ObjectMapper mapper) {
        this.store = store;
        this.base = base;
        this.apiKey = apiKey;
        this.mapper = mapper;
        this.client = new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .writeTimeout(timeout).build();
    }

    /** @return the JSON mapper */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends one request.
     *
     * @param method GET, POST, PUT or DELETE
     * @param path the path below the root, e.g. {@code v1/schema/AioChunk}, with any query string
     * @param body the JSON body, or {@code null}
     * @param missingIsNull whether a 404 answers {@code null} instead of failing
     * @return the parsed answer; an empty object for an empty body; {@code null} for an allowed 404
     */
    public JsonNode send(String method, String path, JsonNode body, boolean missingIsNull) {
        String what = method + " /" + path.replaceFirst("\\?.*", "");
        HttpUrl url = base.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("cannot resolve '" + path + "' against " + base);
        }
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json");
        if (apiKey != null) {
            rb.header("Authorization", "Bearer " + apiKey.reveal());
        }
        RequestBody rbody = body == null ? null : RequestBody.create(write(body), JSON);
        rb.method(method, rbody == null && (method.equals("POST") || method.equals("PUT"))
                ? RequestBody.create(new byte[0], JSON) : rbody);
        try (Response response = client.newCall(rb.build()).execute()) {
            ResponseBody rsp = response.body();
            String text = rsp == null ? "" : rsp.string();
            int code = response.code();
            if (code == 404 && missingIsNull) {
                return null;
            }
            if (code < 200 || code >= 300) {
                throw failure(what, code, text);
            }
            return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new VectorStoreException(store, what + " answered JSON that could not be read: "
                    + redact(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw new VectorStoreUnavailableException(store, what + " failed: " + redact(String.valueOf(e.getMessage()))
                    + "; check that Weaviate is running at " + base + ", then retry", e);
        }
    }

    /**
     * Runs a GraphQL query.
     *
     * @param query the query text
     * @return the {@code data} object
     * @throws VectorStoreException when Weaviate answers with {@code errors}
     */
    public JsonNode graphql(String query) {
        ObjectNode body = mapper.createObjectNode().put("query", query);
        JsonNode answer = send("POST", "v1/graphql", body, false);
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && errors.size() > 0) {
            throw new VectorStoreException(store, "Weaviate refused a GraphQL query: "
                    + redact(clip(errors.get(0).path("message").asText(errors.toString()))), null);
        }
        return answer.path("data");
    }

    private RuntimeException failure(String what, int code, String body) {
        String detail = redact(clip(errorMessage(body)));
        String prefix = what + " answered " + code;
        if (code == 429 || code >= 500) {
            return new VectorStoreUnavailableException(store, prefix + (detail.isEmpty() ? "" : ": " + detail)
                    + "; Weaviate is overloaded or failing, retry later", null);
        }
        if (code == 401 || code == 403) {
            return new VectorStoreException(store, prefix + " (credentials refused"
                    + (detail.isEmpty() ? "" : ": " + detail) + "); check the API key given to the builder", null);
        }
        return new VectorStoreException(store, prefix + (detail.isEmpty() ? "" : ": " + detail), null);
    }

    // Weaviate's REST errors are {"error":[{"message":...}]}; anything else is shown as it came.
    private String errorMessage(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            JsonNode first = node.path("error").path(0).path("message");
            if (first.isTextual()) {
                return first.asText();
            }
            JsonNode plain = node.path("message");
            return plain.isTextual() ? plain.asText() : body.trim();
        } catch (IOException e) {
            return body.trim();
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "...";
    }

    /** @param text a message that may quote the request @return the text without the API key */
    public String redact(String text) {
        if (apiKey == null || text == null) {
            return text;
        }
        return apiKey.withValue(v -> text.replace(new String(v), Secret.REDACTED));
    }

    private byte[] write(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
