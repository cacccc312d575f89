package dev.aio.llm.langchain4j.internal;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * langchain4j's HTTP client SPI on {@code java.net.http}, like langchain4j's own
 * {@code JdkHttpClient}, with one difference that aio needs: a non-2xx response becomes a
 * {@link ProviderHttpException} that keeps the response headers.
 *
 * <p>Why not wrap langchain4j's client: {@code JdkHttpClient} turns an error response into an
 * {@code HttpException} of status and body only, before any wrapper can see the response, and
 * langchain4j's exception mapper then builds {@code RateLimitException} from that; the
 * {@code Retry-After} header is gone by then. Supplying the client through the models'
 * {@code httpClientBuilder(...)} is langchain4j's documented extension point, and because
 * {@code ProviderHttpException} is an {@code HttpException}, langchain4j's own mapping and
 * every model's error handling work unchanged.
 *
 * <p>The error body is masked of every credential the request carried (the values of
 * {@code Authorization}, {@code x-api-key}, {@code api-key}), so even a server that echoes the
 * key cannot put it into an exception message. Form-data requests (audio upload) are not
 * supported; no aio bridge sends them. Thread-safe.
 */
public final class HeaderKeepingHttpClient implements HttpClient {

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "x-api-key", "api-key");

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    private HeaderKeepingHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        this.delegate = jdk.build();
        this.readTimeout = builder.readTimeout;
    }

    /** @return a builder with no timeouts set (the models set theirs) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = delegate.send(toJdk(request), BodyHandlers.ofByteArray());
            if (!successful(response)) {
                throw failure(request, response, new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.method() + " " + path(request), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.sendAsync(toJdk(request), BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    if (!successful(response)) {
                        String body;
                        try (InputStream in = response.body()) {
                            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            body = "(error body unreadable: " + e + ")";
                        }
                        quietly(listener, failure(request, response, body));
                        return;
                    }
                    SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
                            .statusCode(response.statusCode())
                            .headers(response.headers().map())
                            .build();
                    try {
                        listener.onOpen(opened);
                    } catch (RuntimeException ignored) {
                        // Like langchain4j's client: a listener's failure on open does not stop the stream.
                    }
                    try (InputStream in = response.body()) {
                        parser.parse(in, listener);
                        listener.onClose();
                    } catch (IOException e) {
                        quietly(listener, new java.io.UncheckedIOException(e));
                    }
                })
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    quietly(listener, cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
                    return null;
                });
    }

    private static void quietly(ServerSentEventListener listener, Throwable error) {
        try {
            listener.onError(error);
        } catch (RuntimeException ignored) {
            // The listener is the model's; its own failure has nowhere better to go.
        }
    }

    private static ProviderHttpException failure(HttpRequest request, HttpResponse<?> response, String body) {
        return new ProviderHttpException(response.statusCode(), response.headers().map(),
                credentials(request).redact(body));
    }

    /** The credential values of a request: whole header values and, for "Bearer x", the token. */
    static Redactor credentials(HttpRequest request) {
        List<String> values = new ArrayList<>();
        request.headers().forEach((name, list) -> {
            if (name != null && list != null && CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String v : list) {
                    values.add(v);
                    int space = v == null ? -1 : v.indexOf(' ');
                    if (space > 0) {
                        values.add(v.substring(space + 1).strip());
                    }
                }
            }
        });
        return Redactor.ofValues(values);
    }

    private static String path(HttpRequest request) {
        return URI.create(request.url()).getPath();
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedFeatureException("aio's HTTP client for langchain4j does not send form data (used for "
                    + path(request) + "); configure that model with langchain4j's own HTTP client");
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(request.method().name(),
                request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        return b.build();
    }

    private static boolean successful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() < 300;
    }

    /** Builds a {@link HeaderKeepingHttpClient}; the models call the timeout setters. Not thread-safe. */
    public static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder() {
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HeaderKeepingHttpClient build() {
            return new HeaderKeepingHttpClient(this);
        }
    }
}
