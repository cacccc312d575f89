package dev.aio.core.model.routing;

import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One model a {@link ModelRouter} may send a request to, and the rules a request must meet to go
 * there. Immutable: every method returns a new route.
 *
 * <pre>{@code
 * Route.to(model)
 *     .contextWindow(128_000)             // prompt + reserved output must fit
 *     .tasks("summarize", "classify")     // only requests tagged with one of these
 *     .maxCost(new BigDecimal("0.02"))    // only when the estimated cost stays at or below
 *     .when("short answers", p -> p.maxOutputTokens().orElse(0) <= 256);
 * }</pre>
 *
 * @see ModelRouter.Builder#route(Route)
 */
public final class Route {

    private final LanguageModel model;
    private final int contextWindow;
    private final Set<String> tasks;
    private final BigDecimal maxCost;
    private final String ruleName;
    private final Predicate<Prompt> rule;
    private final CircuitBreaker breaker;

    private Route(LanguageModel model, int contextWindow, Set<String> tasks, BigDecimal maxCost, String ruleName,
            Predicate<Prompt> rule, CircuitBreaker breaker) {
        this.model = model;
        this.contextWindow = contextWindow;
        this.tasks = tasks;
        this.maxCost = maxCost;
        this.ruleName = ruleName;
        this.rule = rule;
        this.breaker = breaker;
    }

    /**
     * A route to a model that takes any request (no window, task or cost rule yet).
     *
     * @param model the model
     * @return the route
     */
    public static Route to(LanguageModel model) {
        return new Route(Objects.requireNonNull(model, "model"), 0, Set.of(), null, null, null, null);
    }

    /**
     * Sets the model's context window: a request goes here only when its estimated prompt tokens
     * plus its reserved output tokens fit.
     *
     * @param tokens the window, at least 1
     * @return a new route
     */
    public Route contextWindow(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("Route.contextWindow of '" + model.modelId()
                    + "' must be at least 1 token, got " + tokens);
        }
        return new Route(model, tokens, this.tasks, maxCost, ruleName, rule, breaker);
    }

    /**
     * Restricts the route to requests tagged ({@link Prompt#task()}) with one of these tasks;
     * untagged requests do not go here.
     *
     * @param tasks one or more non-blank tags
     * @return a new route
     */
    public Route tasks(String... tasks) {
        if (tasks.length == 0) {
            throw new IllegalArgumentException("Route.tasks of '" + model.modelId() + "' needs at least one task");
        }
        for (String t : tasks) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("Route.tasks of '" + model.modelId() + "': blank task tag");
            }
        }
        return new Route(model, contextWindow, Set.of(tasks), maxCost, ruleName, rule, breaker);
    }

    /**
     * Sends a request here only when its estimated cost (the router's price for this model times
     * the estimated prompt tokens and the reserved output tokens) is at most this much. A model
     * without a price never passes this rule.
     *
     * @param ceiling the most one call may cost, positive, in the price table's currency
     * @return a new route
     */
    public Route maxCost(BigDecimal ceiling) {
        Objects.requireNonNull(ceiling, "ceiling");
        if (ceiling.signum() <= 0) {
            throw new IllegalArgumentException("Route.maxCost of '" + model.modelId() + "' must be positive, got "
                    + ceiling);
        }
        return new Route(model, contextWindow, tasks, ceiling, ruleName, rule, breaker);
    }

    /**
     * Adds a rule of the caller's: the request goes here only when it holds.
     *
     * @param name names the rule in routing errors
     * @param predicate the rule; it must be thread-safe and quick
     * @return a new route
     * @throws IllegalStateException when a rule was already set
     */
    public Route when(String name, Predicate<Prompt> predicate) {
        if (rule != null) {
            throw new IllegalStateException("Route of '" + model.modelId() + "' already has rule '" + ruleName
                    + "'; combine predicates into one");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Route.when needs a non-blank rule name");
        }
        return new Route(model, contextWindow, tasks, maxCost, name, Objects.requireNonNull(predicate, "predicate"),
                breaker);
    }

    /**
     * Uses the caller's circuit breaker for this model instead of one the router makes, for
     * example one shared through a resilience4j registry. Routes to the same model id share one
     * breaker, so give it to one of them at most.
     *
     * @param circuitBreaker the breaker
     * @return a new route
     */
    public Route circuitBreaker(CircuitBreaker circuitBreaker) {
        return new Route(model, contextWindow, tasks, maxCost, ruleName, rule,
                Objects.requireNonNull(circuitBreaker, "circuitBreaker"));
    }

    /** @return the model */
    public LanguageModel model() {
        return model;
    }

    /** @return the context window in tokens, or 0 when unlimited */
    public int contextWindow() {
        return contextWindow;
    }

    /** @return the task tags this route takes, empty for any request */
    public Set<String> tasks() {
        return tasks;
    }

    BigDecimal maxCostOrNull() {
        return maxCost;
    }

    String ruleName() {
        return ruleName;
    }

    Predicate<Prompt> rule() {
        return rule;
    }

    CircuitBreaker breakerOrNull() {
        return breaker;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Route[").append(model.modelId());
        if (contextWindow > 0) {
            s.append(", window=").append(contextWindow);
        }
        if (!tasks.isEmpty()) {
            s.append(", tasks=").append(new java.util.TreeSet<>(tasks));
        }
        if (maxCost != null) {
            s.append(", maxCost=").append(maxCost.toPlainString());
        }
        if (rule != null) {
            s.append(", when=").append(ruleName);
        }
        return s.append(']').toString();
    }
}
