package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.pipeline.TimeSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of named policies (breaker, rate limiter, bulkhead), by name, for the pipelines that
 * share it. The first user of a name fixes its settings; a later user with other settings is
 * refused, since one provider cannot have two budgets.
 */
public final class SharedPolicies {

    private static final class Entry {
        final StepPolicy policy;
        final String owner;
        final PolicyRuntime.Shared state;

        Entry(StepPolicy policy, String owner, PolicyRuntime.Shared state) {
            this.policy = policy;
            this.owner = owner;
            this.state = state;
        }
    }

    private final Map<String, Entry> byName = new HashMap<>();

    synchronized PolicyRuntime.Shared stateFor(StepPolicy policy, String user, TimeSource time) {
        Entry entry = byName.get(policy.name());
        if (entry == null) {
            entry = new Entry(policy, user, new PolicyRuntime.Shared(policy.name(), policy, time));
            byName.put(policy.name(), entry);
        } else if (!entry.policy.equals(policy)) {
            throw new IllegalStateException(user + " uses policy '" + policy.name() + "' with settings [" + policy
                    + "], but " + entry.owner + " registered it with [" + entry.policy + "]; a named policy is one "
                    + "provider's budget, so give both the same settings or give them different names");
        }
        return entry.state;
    }
}
