package dev.aio.core.model.routing;

import dev.aio.core.model.usage.PriceTable;
import dev.aio.core.pipeline.TimeSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link ModelRouter}: its routes in order of preference, the prices its cost rules
 * use, how it counts tokens, and the circuit breaker each model gets. Not thread-safe; each
 * option may be set once.
 */
public final class ModelRouterBuilder {

    private String id = "router";
    private final List<Route> routes = new ArrayList<>();
    private PriceTable prices;
    private TokenCounter counter;
    private int defaultOutputTokens;
    private int failureRate;
    private int window;
    private Duration openFor;
    private TimeSource time;

    ModelRouterBuilder() {
    }

    /**
     * Names the router; its {@link ModelRouter#modelId()} and the name in its errors.
     *
     * @param routerId a non-blank id; {@code router} when not set
     * @return this builder
     */
    public ModelRouterBuilder id(String routerId) {
        if (routerId == null || routerId.isBlank()) {
            throw new IllegalArgumentException("ModelRouter.id must be non-blank, got '" + routerId + "'");
        }
        this.id = routerId;
        return this;
    }

    /**
     * Adds a route; routes are considered in the order they are added.
     *
     * @param route the route
     * @return this builder
     */
    public ModelRouterBuilder route(Route route) {
        routes.add(Objects.requireNonNull(route, "route"));
        return this;
    }

    /**
     * Sets the prices that {@link Route#maxCost} rules estimate with.
     *
     * @param table the prices
     * @return this builder
     * @throws IllegalStateException when set twice
     */
    public ModelRouterBuilder prices(PriceTable table) {
        requireUnset("prices", prices);
        this.prices = Objects.requireNonNull(table, "prices");
        return this;
    }

    /**
     * Sets how prompts are counted for window and cost rules; {@link TokenCounter#ESTIMATE} when
     * not set.
     *
     * @param tokenCounter the counter
     * @return this builder
     * @throws IllegalStateException when set twice
     */
    public ModelRouterBuilder tokenCounter(TokenCounter tokenCounter) {
        requireUnset("tokenCounter", counter);
        this.counter = Objects.requireNonNull(tokenCounter, "tokenCounter");
        return this;
    }

    /**
     * Sets the output tokens reserved, for window and cost rules, for requests that do not set
     * {@code maxOutputTokens}; {@value ModelRouter#DEFAULT_OUTPUT_TOKENS} when not set.
     *
     * @param tokens at least 1
     * @return this builder
     */
    public ModelRouterBuilder defaultOutputTokens(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("ModelRouter.defaultOutputTokens must be at least 1, got " + tokens);
        }
        if (defaultOutputTokens != 0) {
            throw new IllegalStateException("ModelRouter.defaultOutputTokens is already " + defaultOutputTokens
                    + "; set it once");
        }
        this.defaultOutputTokens = tokens;
        return this;
    }

    /**
     * Configures the breaker each model gets (unless its route brings its own): it opens when at
     * least {@code failureRatePercent}% of the model's last {@code window} calls failed retriably,
     * skips the model for {@code openFor}, then lets a few trial calls decide. As in
     * {@link dev.aio.core.pipeline.StepPolicy#circuitBreaker}, failures of the request (not
     * retriable, or beyond the model) do not count. Defaults: 50%, 10 calls, 30 s.
     *
     * @param failureRatePercent 1 to 100
     * @param window calls considered, at least 1
     * @param openDuration how long the breaker stays open, positive
     * @return this builder
     */
    public ModelRouterBuilder circuitBreaker(int failureRatePercent, int window, Duration openDuration) {
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure rate must be 1..100 percent, got " + failureRatePercent);
        }
        if (window < 1) {
            throw new IllegalArgumentException("breaker window must be at least 1 call, got " + window);
        }
        Objects.requireNonNull(openDuration, "openDuration");
        if (openDuration.isZero() || openDuration.isNegative()) {
            throw new IllegalArgumentException("breaker open duration must be positive, got " + openDuration);
        }
        requireUnset("circuitBreaker", openFor);
        this.failureRate = failureRatePercent;
        this.window = window;
        this.openFor = openDuration;
        return this;
    }

    /**
     * Sets the clock the breakers read; {@link TimeSource#SYSTEM} when not set.
     *
     * @param timeSource the clock; tests pass a manual one
     * @return this builder
     */
    public ModelRouterBuilder timeSource(TimeSource timeSource) {
        requireUnset("timeSource", time);
        this.time = Objects.requireNonNull(timeSource, "timeSource");
        return this;
    }

    /**
     * Builds the router, with one breaker per distinct model id.
     *
     * @return the router, ready to use
     * @throws IllegalStateException when no route was added, or two routes to one model bring
     *     different breakers
     */
    public ModelRouter build() {
        if (routes.isEmpty()) {
            throw new IllegalStateException("ModelRouter '" + id + "' needs at least one route (route(Route.to(model)))");
        }
        TimeSource clock = time == null ? TimeSource.SYSTEM : time;
        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        for (Route route : routes) {
            CircuitBreaker own = route.breakerOrNull();
            String modelId = route.model().modelId();
            if (own == null) {
                continue;
            }
            CircuitBreaker earlier = breakers.putIfAbsent(modelId, own);
            if (earlier != null && earlier != own) {
                throw new IllegalStateException("ModelRouter '" + id + "': two routes to model '" + modelId
                        + "' bring different circuit breakers; a model has one breaker");
            }
        }
        CircuitBreakerConfig config = breakerConfig(clock);
        for (Route route : routes) {
            String modelId = route.model().modelId();
            breakers.computeIfAbsent(modelId, m -> CircuitBreaker.of(id + "/" + m, config));
        }
        RouteRules rules = new RouteRules(prices == null ? PriceTable.EMPTY : prices,
                counter == null ? TokenCounter.ESTIMATE : counter,
                defaultOutputTokens == 0 ? ModelRouter.DEFAULT_OUTPUT_TOKENS : defaultOutputTokens);
        return new ModelRouter(id, routes, breakers, rules, clock);
    }

    private CircuitBreakerConfig breakerConfig(TimeSource clock) {
        int rate = openFor == null ? ModelRouter.DEFAULT_BREAKER_FAILURE_RATE : failureRate;
        int calls = openFor == null ? ModelRouter.DEFAULT_BREAKER_WINDOW : window;
        Duration open = openFor == null ? ModelRouter.DEFAULT_BREAKER_OPEN_FOR : openFor;
        // The same shape as the pipeline's stage breakers (PolicyRuntime), so both read alike.
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(rate)
                .slidingWindow(calls, calls, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(Math.min(calls, 3))
                .clock(new TimeSourceClock(clock))
                .build();
    }

    private static void requireUnset(String what, Object current) {
        if (current != null) {
            throw new IllegalStateException("ModelRouter." + what + " is already set to " + current + "; set it once");
        }
    }
}
