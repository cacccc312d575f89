/**
 * Model routing: a {@link dev.aio.core.model.routing.ModelRouter} is a
 * {@link dev.aio.core.model.LanguageModel} that sends each request to one of several models by
 * rule (task tag, estimated cost ceiling, context length, or a predicate of the caller's) and falls
 * back, in order, when a model fails retriably or its circuit breaker is open.
 *
 * <p>Why in aio-core rather than aio-llm (where the issue listed it): routing is composition over
 * the {@code LanguageModel} SPI and needs only resilience4j, which core already uses for stage
 * policies; in core it routes between any providers, hosted or local, without pulling a vendor SDK.
 *
 * <pre>{@code
 * ModelRouter router = ModelRouter.builder()
 *     .prices(prices)
 *     .route(Route.to(smallModel).contextWindow(16_000).tasks("classify", "summarize"))
 *     .route(Route.to(bigModel).contextWindow(128_000).maxCost(new BigDecimal("0.05")))
 *     .route(Route.to(localModel).contextWindow(8_000))        // last resort
 *     .build();
 * }</pre>
 */
package dev.aio.core.model.routing;
