package dev.aio.core.pipeline;

import dev.aio.core.pipeline.internal.SharedPolicies;

/**
 * Shares the state of {@linkplain StepPolicy#named named policies} between pipelines: every
 * pipeline built with the same registry, and every stage in them that uses a policy of a given
 * name, draws on one rate limiter, one circuit breaker and one bulkhead. Use one registry per
 * provider budget you need to enforce across pipelines, for example the ingestion and the query
 * pipelines that both call the same embedding API.
 *
 * <pre>{@code
 * PolicyRegistry budgets = PolicyRegistry.create();
 * StepPolicy openAi = StepPolicy.named("openai").withRetry(5).rateLimit(50, Duration.ofSeconds(1));
 * Pipeline<Doc, Void> ingest = Pipeline.from(Doc.class).map("embed", ...).policy(openAi)...policies(budgets).build();
 * Pipeline<String, Answer> ask = Pipeline.from(String.class).map("embed", ...).policy(openAi)...policies(budgets).build();
 * }</pre>
 *
 * <p>Without a registry, a pipeline's named policies are shared between its own stages only.
 * The state is created by the first pipeline that uses a name, with that pipeline's
 * {@link TimeSource}. Thread-safe.
 */
public final class PolicyRegistry {

    final SharedPolicies shared = new SharedPolicies();

    private PolicyRegistry() {
    }

    /**
     * Makes an empty registry.
     *
     * @return the registry
     */
    public static PolicyRegistry create() {
        return new PolicyRegistry();
    }

    @Override
    public String toString() {
        return "PolicyRegistry@" + Integer.toHexString(System.identityHashCode(this));
    }
}
