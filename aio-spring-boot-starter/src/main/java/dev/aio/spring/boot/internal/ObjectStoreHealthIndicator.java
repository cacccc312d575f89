package dev.aio.spring.boot.internal;

import dev.aio.core.storage.ObjectStore;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP when the object store answers ({@link ObjectStore#checkHealth()}) and the configured bucket
 * exists; DOWN with the reason otherwise. aio's store errors name no credential.
 */
public final class ObjectStoreHealthIndicator implements HealthIndicator {

    private final ObjectStore store;
    private final String bucket;

    /**
     * @param store the store
     * @param bucket the bucket that must exist, or null to check the store alone
     */
    public ObjectStoreHealthIndicator(ObjectStore store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    @Override
    public Health health() {
        Health.Builder h = Health.unknown().withDetail("store", store.name());
        try {
            Duration took = store.checkHealth();
            h.withDetail("latencyMs", took.toMillis());
            if (bucket == null) {
                return h.up().build();
            }
            h.withDetail("bucket", bucket);
            if (!store.bucketExists(bucket)) {
                return h.down().withDetail("error", "bucket '" + bucket + "' does not exist").build();
            }
            return h.up().build();
        } catch (RuntimeException e) {
            return h.down(e).build();
        }
    }
}
