package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.vector.VectorStore;
import dev.aio.vector.weaviate.WeaviateVectorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

class WeaviateWiringTest {

    private static final String KEY = "weaviate-key-not-real-0042";

    @TempDir
    Path dir;

    @Test
    void theWeaviateTypeBuildsAWeaviateStoreThatSendsTheKeyAndReportsHealth() throws Exception {
        try (WeaviateSchemaStub stub = new WeaviateSchemaStub()) {
            Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                    "aio.vector-store.type=weaviate", "aio.vector-store.weaviate.url=" + stub.url(),
                    "aio.vector-store.weaviate.api-key=" + KEY, "aio.vector-store.weaviate.class-name=Notes")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        VectorStore store = context.getBean(VectorStore.class);
                        assertThat(store).isInstanceOf(WeaviateVectorStore.class);
                        assertThat(((WeaviateVectorStore) store).className()).isEqualTo("Notes");
                        assertThat(stub.authorizations()).isNotEmpty().allMatch(("Bearer " + KEY)::equals);

                        HealthIndicator health = (HealthIndicator) context.getBean("aioHealthContributor",
                                CompositeHealthContributor.class).getContributor("vectorStore");
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                        stub.close();
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.health().getDetails().toString()).doesNotContain(KEY);
                    });
        }
    }
}
