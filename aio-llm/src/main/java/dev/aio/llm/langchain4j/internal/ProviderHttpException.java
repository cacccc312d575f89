package dev.aio.llm.langchain4j.internal;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A non-2xx HTTP response, as langchain4j's {@link HttpException} (so langchain4j's own mapping
 * to {@code RateLimitException}, {@code AuthenticationException} ... still applies) plus the
 * response headers, which langchain4j's exception drops and aio needs for {@code Retry-After}.
 *
 * <p>The message is the response body with every credential the request carried masked, so
 * it is safe to log even when a server echoes the key back.
 */
public final class ProviderHttpException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> headers;

    /**
     * Creates the exception.
     *
     * @param statusCode the HTTP status, 300 or more
     * @param headers the response headers; names are matched case-insensitively
     * @param redactedBody the response body with credentials already masked
     */
    public ProviderHttpException(int statusCode, Map<String, List<String>> headers, String redactedBody) {
        super(statusCode, redactedBody);
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            // java.net.http reports the status line under a null name on some JDKs.
            if (name != null) {
                copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        });
        this.headers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The first value of a response header.
     *
     * @param name the header's name, in any case
     * @return its first value, or empty when absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return every response header, names in lower case */
    public Map<String, List<String>> headers() {
        return headers;
    }
}
