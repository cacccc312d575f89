package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.ingest.Ingestor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;

/** What the starter does when optional libraries are missing from the application's classpath. */
class ClasspathTest {

    @TempDir
    Path dir;

    @Test
    void withoutMicrometerThereIsNoMetricsListenerAndTheIngestorStillWorks() {
        Fixtures.runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerPipelineListener.class)
                        .hasSingleBean(Ingestor.class));
    }

    @Test
    void withoutActuatorThereIsNoHealthContributor() {
        Fixtures.runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> assertThat(context).doesNotHaveBean("aioHealthContributor").hasSingleBean(Ingestor.class));
    }

    @Test
    void aVendorWhoseClientIsMissingFailsWithTheArtifactToAdd() {
        Fixtures.runner().withClassLoader(new FilteredClassLoader("dev.langchain4j.model.anthropic"))
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                        "aio.llm.provider=anthropic", "aio.llm.api-key=k")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("aio.llm.provider=anthropic")
                            .hasMessageContaining("dev.langchain4j:langchain4j-anthropic");
                });
    }

    @Test
    void s3WithoutTheMinioClientFailsWithTheArtifactToAdd() {
        Fixtures.runner().withClassLoader(new FilteredClassLoader("io.minio"))
                .withPropertyValues("aio.object-store.type=s3", "aio.object-store.bucket=docs")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("aio.object-store.type=s3").hasMessageContaining("io.minio:minio"));
    }
}
