package dev.aio.core.model.usage;

import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import java.util.function.Consumer;

/**
 * A language model whose calls a {@link UsageLedger} records: the budget is checked before each
 * call and the usage recorded after it, under the answering model's id (a router may answer with
 * any of its models). Failed calls record nothing: providers report no usage for them.
 */
final class MeteredLanguageModel implements LanguageModel {

    private final LanguageModel delegate;
    private final UsageLedger ledger;
    private final UsageScope scope;

    MeteredLanguageModel(LanguageModel delegate, UsageLedger ledger, UsageScope scope) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "model");
        this.ledger = ledger;
        this.scope = java.util.Objects.requireNonNull(scope, "scope");
    }

    @Override
    public Generation generate(Prompt prompt) {
        UsageScope s = scopeOf(prompt);
        ledger.checkBudget(s);
        Generation g = delegate.generate(prompt);
        ledger.record(s, g.modelId(), g.usage());
        return g;
    }

    @Override
    public Generation stream(Prompt prompt, Consumer<String> onToken) {
        UsageScope s = scopeOf(prompt);
        ledger.checkBudget(s);
        Generation g = delegate.stream(prompt, onToken);
        ledger.record(s, g.modelId(), g.usage());
        return g;
    }

    private UsageScope scopeOf(Prompt prompt) {
        return prompt.tenant().map(scope::withTenant).orElse(scope);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "metered(" + delegate.modelId() + ", " + scope + ")";
    }
}
