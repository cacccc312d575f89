package dev.aio.core.model.routing;

import dev.aio.core.model.Message;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.usage.ModelPrice;
import dev.aio.core.model.usage.PriceTable;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides whether a route's rules admit a request, from estimates made once per request.
 * Returns the reason a route is excluded, or {@code null} when it is admitted.
 */
final class RouteRules {

    /**
     * Tokens a chat format adds per message (role markers, separators); OpenAI documents 3 to 4
     * for its models, and a slightly high estimate errs towards the larger window.
     */
    static final int TOKENS_PER_MESSAGE = 4;

    private final PriceTable prices;
    private final TokenCounter counter;
    private final int defaultOutputTokens;

    RouteRules(PriceTable prices, TokenCounter counter, int defaultOutputTokens) {
        this.prices = prices;
        this.counter = counter;
        this.defaultOutputTokens = defaultOutputTokens;
    }

    /** The estimates one request is judged by. */
    record Estimate(long inputTokens, long outputTokens) {
        long needed() {
            return inputTokens + outputTokens;
        }
    }

    Estimate estimate(Prompt prompt) {
        long input = 0;
        for (Message m : prompt.messages()) {
            input += counter.count(m.text()) + TOKENS_PER_MESSAGE;
        }
        return new Estimate(input, prompt.maxOutputTokens().orElse(defaultOutputTokens));
    }

    String exclusion(Route route, Prompt prompt, Estimate estimate) {
        if (!route.tasks().isEmpty()) {
            Optional<String> task = prompt.task();
            if (task.isEmpty()) {
                return "takes only tasks " + new java.util.TreeSet<>(route.tasks()) + " and the request has no task tag";
            }
            if (!route.tasks().contains(task.get())) {
                return "takes only tasks " + new java.util.TreeSet<>(route.tasks()) + ", not '" + task.get() + "'";
            }
        }
        if (route.contextWindow() > 0 && estimate.needed() > route.contextWindow()) {
            return "needs about " + estimate.needed() + " tokens (" + estimate.inputTokens() + " prompt + "
                    + estimate.outputTokens() + " output) but the context window is " + route.contextWindow();
        }
        BigDecimal ceiling = route.maxCostOrNull();
        if (ceiling != null) {
            Optional<ModelPrice> price = prices.priceOf(route.model().modelId());
            if (price.isEmpty()) {
                return "has a cost ceiling of " + ceiling.toPlainString() + " but no price in the router's price table";
            }
            BigDecimal cost = price.get().costOf(estimate.inputTokens(), estimate.outputTokens());
            if (cost.compareTo(ceiling) > 0) {
                return "estimated cost " + cost.stripTrailingZeros().toPlainString() + " " + prices.currency()
                        + " is over its ceiling of " + ceiling.toPlainString();
            }
        }
        if (route.rule() != null && !route.rule().test(prompt)) {
            return "rule '" + route.ruleName() + "' does not hold";
        }
        return null;
    }
}
