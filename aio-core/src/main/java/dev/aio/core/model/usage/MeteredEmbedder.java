package dev.aio.core.model.usage;

import dev.aio.core.model.Embedder;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.model.Tokenizer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedder whose calls a {@link UsageLedger} records. The {@link Embedder} SPI reports no
 * usage, so each text is counted with the model's {@link Tokenizer} (special tokens included,
 * capped at {@link Embedder#maxTokens()} since longer texts are truncated) as input tokens; an
 * embedding call has no output tokens. The fingerprint and every other property are the wrapped
 * embedder's.
 */
final class MeteredEmbedder implements Embedder {

    private final Embedder delegate;
    private final UsageLedger ledger;
    private final UsageScope scope;
    private final Tokenizer tokenizer;

    MeteredEmbedder(Embedder delegate, UsageLedger ledger, UsageScope scope, Tokenizer tokenizer) {
        this.delegate = Objects.requireNonNull(delegate, "embedder");
        this.ledger = ledger;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        ledger.checkBudget(scope);
        List<float[]> vectors = delegate.embed(texts);
        long tokens = 0;
        int cap = delegate.maxTokens();
        for (String text : texts) {
            tokens += Math.min(cap, tokenizer.count(text) + tokenizer.specialTokens());
        }
        ledger.record(scope, delegate.modelId(), new TokenUsage(tokens, 0));
        return vectors;
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public Optional<Tokenizer> modelTokenizer() {
        return delegate.modelTokenizer();
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
