package dev.aio.spring.boot.internal;

import dev.aio.core.model.LanguageModel;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Says which language model is configured, without calling it: a health probe every few seconds
 * must not spend a hosted model's tokens. Always UP; {@code configured=false} means answers are
 * extractive.
 */
public final class LanguageModelHealthIndicator implements HealthIndicator {

    private final LanguageModel model;
    private final String provider;

    /**
     * @param model the model, or null when none is configured
     * @param provider the configured provider's name, for the details
     */
    public LanguageModelHealthIndicator(LanguageModel model, String provider) {
        this.model = model;
        this.provider = provider;
    }

    @Override
    public Health health() {
        if (model == null) {
            return Health.up().withDetail("configured", false).withDetail("answers", "extractive").build();
        }
        return Health.up().withDetail("configured", true).withDetail("provider", provider)
                .withDetail("model", model.modelId()).build();
    }
}
