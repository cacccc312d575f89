package dev.aio.llm.langchain4j.internal;

import dev.aio.core.AioException;
import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where a failure of a langchain4j model becomes an aio error, for every bridge
 * and vendor: the HTTP status decides the branch (429, 408 and 5xx retriable with the server's
 * {@code Retry-After}; 401/403, 404 and other 4xx not), then langchain4j's own
 * retriable/non-retriable tree, then I/O failures (retriable). An {@link AioException} found in
 * the chain (an aio model behind a langchain4j bridge) is returned as it is, so a round trip
 * aio → langchain4j → aio keeps the original error. Every message and cause passes through a
 * {@link Redactor}, so keys never show. Immutable and thread-safe.
 */
public final class ProviderErrors {

    private final String component;
    private final Redactor redactor;
    private final Clock clock;

    /**
     * Creates a mapper.
     *
     * @param component names the model in messages, such as {@code openai gpt-4o-mini}
     * @param redactor masks the secrets the model was configured with
     * @param clock measures HTTP-date {@code Retry-After} values
     */
    public ProviderErrors(String component, Redactor redactor, Clock clock) {
        this.component = Objects.requireNonNull(component, "component");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Maps a failure of a call.
     *
     * @param error what the langchain4j model threw or reported, not null
     * @param action what was being done, such as {@code "generate"} or {@code "embed 3 texts"}
     * @return the aio error to throw
     */
    public AioException map(Throwable error, String action) {
        AioException own = find(error, AioException.class);
        if (own != null) {
            return own;
        }
        Throwable cause = redactor.sanitize(error);
        String prefix = component + ": " + action + " failed: ";
        ProviderHttpException withHeaders = find(error, ProviderHttpException.class);
        HttpException http = withHeaders != null ? withHeaders : find(error, HttpException.class);
        if (http != null) {
            return byStatus(http.statusCode(), withHeaders, prefix, cause);
        }
        if (find(error, InterruptedException.class) != null) {
            Thread.currentThread().interrupt();
            return new RetriableException(prefix + "interrupted while waiting for the provider", cause);
        }
        if (find(error, dev.langchain4j.exception.TimeoutException.class) != null
                || find(error, HttpTimeoutException.class) != null) {
            return new RetriableException(prefix + "the provider did not answer in time; raise the timeout or retry",
                    cause);
        }
        if (find(error, UnresolvedModelServerException.class) != null) {
            return new NonRetriableException(prefix + "the provider's host name does not resolve; check the base URL",
                    cause);
        }
        if (find(error, dev.langchain4j.exception.RetriableException.class) != null) {
            return new RetriableException(prefix + describe(error), cause);
        }
        if (find(error, dev.langchain4j.exception.NonRetriableException.class) != null) {
            return new NonRetriableException(prefix + describe(error), cause);
        }
        if (find(error, IOException.class) != null || find(error, UncheckedIOException.class) != null) {
            return new RetriableException(prefix + "connection failed (" + describe(error)
                    + "); check that the provider is reachable", cause);
        }
        // Unknown failures (a response that does not parse, a bug) are not retried: another
        // attempt would most likely fail the same way, and retries cost money.
        return new NonRetriableException(prefix + describe(error), cause);
    }

    private AioException byStatus(int status, ProviderHttpException response, String prefix, Throwable cause) {
        Optional<Duration> hint = response == null ? Optional.empty() : RetryAfter.of(response, clock);
        String after = hint.map(d -> "; the provider asked to retry after " + d).orElse("");
        if (status == 429) {
            return new RetriableException(prefix + "HTTP 429, rate limited" + after, cause, hint.orElse(null));
        }
        if (status == 408 || status >= 500 && status < 600) {
            return new RetriableException(prefix + "HTTP " + status + ", the provider is unavailable or overloaded"
                    + after, cause, hint.orElse(null));
        }
        if (status == 401 || status == 403) {
            return new NonRetriableException(prefix + "HTTP " + status
                    + ", the provider rejected the credentials; check the API key and its permissions", cause);
        }
        if (status == 404) {
            return new NonRetriableException(prefix + "HTTP 404, the model or endpoint does not exist; check the model "
                    + "name and the base URL", cause);
        }
        return new NonRetriableException(prefix + "HTTP " + status + ", the provider refused the request: "
                + excerpt(redactor.redact(cause.getMessage())), cause);
    }

    /** The first link with a message, outermost first: wrappers usually say the most. */
    private String describe(Throwable error) {
        Throwable t = error;
        int depth = 0;
        while (t.getMessage() == null && t.getCause() != null && t.getCause() != t && depth++ < 32) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + excerpt(redactor.redact(message)));
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "(no details)";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
