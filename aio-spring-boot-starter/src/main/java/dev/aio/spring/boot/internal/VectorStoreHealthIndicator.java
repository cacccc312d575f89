package dev.aio.spring.boot.internal;

import dev.aio.core.vector.VectorStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP with the record count and dimensions when the vector store answers a count (the SPI's one
 * cheap call that reaches a remote store); DOWN with the reason otherwise.
 */
public final class VectorStoreHealthIndicator implements HealthIndicator {

    private final VectorStore store;

    /** @param store the store */
    public VectorStoreHealthIndicator(VectorStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        Health.Builder h = Health.unknown().withDetail("store", store.name());
        try {
            long count = store.count();
            return h.up().withDetail("records", count).withDetail("dimensions", store.dimensions()).build();
        } catch (RuntimeException e) {
            return h.down(e).build();
        }
    }
}
