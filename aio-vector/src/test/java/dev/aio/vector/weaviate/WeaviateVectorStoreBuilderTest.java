package dev.aio.vector.weaviate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.vector.VectorRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder refuses bad settings at once, naming the value. */
class WeaviateVectorStoreBuilderTest {

    @Test
    void aUrlIsRequiredAndMustBeHttp() {
        assertThatThrownBy(() -> WeaviateVectorStore.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("url is required");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().url("localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost:8080'");
    }

    @Test
    void aUrlIsNeverQuotedWithItsCredentialsAndMayNotCarryThem() {
        assertThatThrownBy(() -> WeaviateVectorStore.builder().url("weaviate://admin:hunter2@ho st:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ho st:8080")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().url("http://admin:hunter2@localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey(...)")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void classNamesFollowWeaviatesRule() {
        assertThatThrownBy(() -> WeaviateVectorStore.builder().className("chunks"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'chunks'")
                .hasMessageContaining("capital letter");
    }

    @Test
    void eachSettingIsSetOnceAndRangesAreChecked() {
        assertThatThrownBy(() -> WeaviateVectorStore.builder().batchSize(5).batchSize(6))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("batchSize was already set to 5");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().batchSize(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().timeout(Duration.ZERO)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().dimensions(-1)).hasMessageContaining("was -1");
        assertThatThrownBy(() -> WeaviateVectorStore.builder().backupBucket("My_Bucket"))
                .hasMessageContaining("'My_Bucket'");
    }

    @Test
    void aBuiltStoreIsNamedAfterItsClassAndUsesAPathBelowTheUrl() {
        try (WeaviateStubServer stub = new WeaviateStubServer()) {
            WeaviateVectorStore store = WeaviateVectorStore.builder().url(stub.url().replaceAll("/$", ""))
                    .className("Docs").dimensions(2).build();
            try (store) {
                assertThat(store.name()).isEqualTo("weaviate:Docs");
                assertThat(store.className()).isEqualTo("Docs");
                assertThat(store.dimensions()).isEqualTo(2);
                store.upsert(List.of(VectorRecord.of("a", new float[] {1, 2})));
                assertThat(store.count()).isEqualTo(1);
            }
            assertThatThrownBy(store::count).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
