package dev.aio.core.model.routing;

import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.routing.RouteAttempt.Outcome;
import dev.aio.core.pipeline.ErrorClassifier;
import dev.aio.core.pipeline.TimeSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LanguageModel} that sends each request to one of several models. Routes are
 * considered in the order they were added; the first whose rules admit the request and whose
 * circuit breaker is closed gets it. When that model fails retriably, or says it cannot take the
 * request, the next admitted route gets it, and so on.
 *
 * <p>What falls back and what does not:
 * <ul>
 *   <li>a retriable failure ({@link dev.aio.core.RetriableException}, or what
 *       {@link ErrorClassifier#DEFAULT} retries) counts against the model's breaker and falls back;
 *   <li>an open breaker skips the model without calling it;
 *   <li>an {@link UnsupportedCapabilityException} (the model cannot take this request: too long,
 *       an unsupported setting) falls back without counting against the breaker: the model is
 *       well, the request is beyond it;
 *   <li>any other non-retriable failure (invalid prompt, rejected credentials) is rethrown as it
 *       is: the request or the setup is wrong, and sending it elsewhere would hide that;
 *   <li>a streamed call that already handed text to the caller is never restarted elsewhere,
 *       since the caller would see two answers spliced; its failure is rethrown.
 * </ul>
 * When no model answers, the error lists every route and why: a retriable
 * {@link NoModelAvailableException} if some model may be well later, else a
 * {@link NoEligibleModelException}.
 *
 * <p>The router does not retry a model itself: put a retry policy around the stage that calls
 * it, and the next attempt starts again from the first route. Thread-safe.
 * {@link Generation#modelId()} names the model that answered.
 */
public final class ModelRouter implements LanguageModel {

    /** Output tokens reserved for a request that does not set {@code maxOutputTokens}: 1024. */
    public static final int DEFAULT_OUTPUT_TOKENS = 1024;
    /** Default breaker threshold: 50% of recent calls failed retriably. */
    public static final int DEFAULT_BREAKER_FAILURE_RATE = 50;
    /** Default breaker window: the last 10 calls. */
    public static final int DEFAULT_BREAKER_WINDOW = 10;
    /** Default time a breaker stays open: 30 s. */
    public static final java.time.Duration DEFAULT_BREAKER_OPEN_FOR = java.time.Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ModelRouter.class);

    private final String id;
    private final List<Route> routes;
    private final Map<String, CircuitBreaker> breakers;
    private final RouteRules rules;
    private final TimeSource time;

    ModelRouter(String id, List<Route> routes, Map<String, CircuitBreaker> breakers, RouteRules rules,
            TimeSource time) {
        this.id = id;
        this.routes = List.copyOf(routes);
        this.breakers = Collections.unmodifiableMap(new LinkedHashMap<>(breakers));
        this.rules = rules;
        this.time = time;
    }

    /**
     * Starts a router.
     *
     * @return a new builder
     */
    public static ModelRouterBuilder builder() {
        return new ModelRouterBuilder();
    }

    /**
     * Generates with the first admitted, available model, falling back as the class describes.
     *
     * @param prompt the request
     * @return the generation of the model that answered
     * @throws NoModelAvailableException when every admitted model failed retriably or was open
     * @throws NoEligibleModelException when no model could take the request
     * @throws dev.aio.core.NonRetriableException a model's own non-retriable failure, as it was
     */
    @Override
    public Generation generate(Prompt prompt) {
        java.util.Objects.requireNonNull(prompt, "prompt");
        return route(prompt, new Call(prompt, null));
    }

    /**
     * Streams from the first admitted, available model; falls back only while no text has been
     * handed to {@code onToken}.
     *
     * @param prompt the request
     * @param onToken receives the text of the model that answers
     * @return the generation of the model that answered
     */
    @Override
    public Generation stream(Prompt prompt, Consumer<String> onToken) {
        java.util.Objects.requireNonNull(prompt, "prompt");
        java.util.Objects.requireNonNull(onToken, "onToken");
        return route(prompt, new Call(prompt, onToken));
    }

    private Generation route(Prompt prompt, Call call) {
        RouteRules.Estimate estimate = rules.estimate(prompt);
        List<RouteAttempt> attempts = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        Throwable lastFailure = null;
        boolean mayRecover = false;
        for (Route route : routes) {
            String modelId = route.model().modelId();
            String excluded = rules.exclusion(route, prompt, estimate);
            if (excluded != null) {
                attempts.add(new RouteAttempt(modelId, Outcome.EXCLUDED, excluded));
                continue;
            }
            if (!tried.add(modelId)) {
                attempts.add(new RouteAttempt(modelId, Outcome.ALREADY_TRIED, "called earlier for this request"));
                continue;
            }
            CircuitBreaker breaker = breakers.get(modelId);
            if (!breaker.tryAcquirePermission()) {
                attempts.add(new RouteAttempt(modelId, Outcome.CIRCUIT_OPEN, "circuit breaker is " + breaker.getState()));
                mayRecover = true;
                continue;
            }
            long start = time.nanoTime();
            try {
                Generation g = call.on(route.model());
                breaker.onSuccess(time.nanoTime() - start, TimeUnit.NANOSECONDS);
                if (!attempts.isEmpty() && LOG.isDebugEnabled()) {
                    LOG.debug("model router '{}': {} answered after {}", id, modelId, attempts);
                }
                return g;
            } catch (RuntimeException e) {
                boolean retriable = !call.consumerFailed && ErrorClassifier.DEFAULT.isRetriable(e);
                if (retriable) {
                    breaker.onError(time.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                } else {
                    breaker.releasePermission();
                }
                if (call.emitted || call.consumerFailed) {
                    throw e;
                }
                if (e instanceof UnsupportedCapabilityException) {
                    attempts.add(new RouteAttempt(modelId, Outcome.UNSUPPORTED, String.valueOf(e.getMessage())));
                } else if (retriable) {
                    attempts.add(new RouteAttempt(modelId, Outcome.FAILED_RETRIABLE, e.getClass().getSimpleName() + ": "
                            + e.getMessage()));
                    mayRecover = true;
                } else {
                    throw e;
                }
                lastFailure = e;
            } catch (Error e) {
                breaker.releasePermission();
                throw e;
            }
        }
        if (mayRecover) {
            throw new NoModelAvailableException(id, attempts, lastFailure);
        }
        throw new NoEligibleModelException(id, attempts, lastFailure);
    }

    /** One request's call to a model; for streams, remembers whether text already reached the caller. */
    private static final class Call {
        private final Prompt prompt;
        private final Consumer<String> onToken;
        // Volatile: a provider may hand pieces over on its own thread.
        volatile boolean emitted;
        volatile boolean consumerFailed;

        Call(Prompt prompt, Consumer<String> onToken) {
            this.prompt = prompt;
            this.onToken = onToken;
        }

        Generation on(LanguageModel model) {
            if (onToken == null) {
                return model.generate(prompt);
            }
            return model.stream(prompt, piece -> {
                emitted = true;
                try {
                    onToken.accept(piece);
                } catch (RuntimeException | Error e) {
                    consumerFailed = true;
                    throw e;
                }
            });
        }
    }

    /** @return the router's id, as given to its builder */
    @Override
    public String modelId() {
        return id;
    }

    /** @return the routes, in the order they are considered */
    public List<Route> routes() {
        return routes;
    }

    /**
     * The circuit breaker of a model, for monitoring or to force it open or closed.
     *
     * @param modelId a routed model's id
     * @return its breaker
     * @throws IllegalArgumentException listing the routed models when there is no such model
     */
    public CircuitBreaker circuitBreaker(String modelId) {
        CircuitBreaker b = breakers.get(modelId);
        if (b == null) {
            throw new IllegalArgumentException("model router '" + id + "' routes no model '" + modelId + "'; it routes "
                    + breakers.keySet());
        }
        return b;
    }

    /** Closes each routed model once, even if several routes lead to it; the first failure is rethrown. */
    @Override
    public void close() {
        RuntimeException first = null;
        Set<LanguageModel> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Route route : routes) {
            if (closed.add(route.model())) {
                try {
                    route.model().close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "ModelRouter[" + id + ", routes=" + routes + "]";
    }
}
