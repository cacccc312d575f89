package dev.aio.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.RunReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

    @TempDir
    Path dir;

    private static double count(MeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void anIngestRunIsCountedPerStageWithItsDeadLetters() {
        Fixtures.writeDocuments(dir, "docs");
        // Not JSON: the JSON parser rejects it, so it is dead-lettered at the parse stage.
        Fixtures.write(dir.resolve("docs/broken.json"), "{ this is not json");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Fixtures.runner().withBean(MeterRegistry.class, () -> registry)
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> {
                    assertThat(context).hasSingleBean(MicrometerPipelineListener.class);
                    IngestReport report = context.getBean(Ingestor.class).run("docs", "");
                    assertThat(report.pipeline().deadLetterCount()).isEqualTo(1);

                    String[] parse = {"pipeline", "ingest", "stage", "parse"};
                    assertThat(count(registry, MicrometerPipelineListener.ITEMS_IN, parse)).isEqualTo(4);
                    assertThat(count(registry, MicrometerPipelineListener.ITEMS_OUT, parse)).isEqualTo(3);
                    assertThat(count(registry, MicrometerPipelineListener.DEAD_LETTERS, parse)).isEqualTo(1);
                    assertThat(count(registry, MicrometerPipelineListener.FAILURES, "pipeline", "ingest", "stage",
                            "parse", "outcome", "given-up")).isEqualTo(1);
                    assertThat(count(registry, MicrometerPipelineListener.ITEMS_OUT, "pipeline", "ingest", "stage",
                            "write")).isEqualTo(3);
                    assertThat(registry.get(MicrometerPipelineListener.STAGE_LATENCY).tags(parse).timer().count())
                            .isEqualTo(3);
                    assertThat(count(registry, MicrometerPipelineListener.RUNS, "pipeline", "ingest", "status",
                            "completed")).isEqualTo(1);

                    // Unchanged objects are skipped from the listing: the second run parses nothing.
                    context.getBean(Ingestor.class).run("docs", "");
                    assertThat(count(registry, MicrometerPipelineListener.ITEMS_OUT, parse)).isEqualTo(3);
                    assertThat(count(registry, MicrometerPipelineListener.RUNS, "pipeline", "ingest", "status",
                            "completed")).isEqualTo(2);
                });
    }

    @Test
    void theApplicationsOwnListenersHearTheIngestorBesideTheMetrics() {
        Fixtures.writeDocuments(dir, "docs");
        List<String> pipelines = new CopyOnWriteArrayList<>();
        PipelineListener mine = new PipelineListener() {
            @Override
            public void onRunEnd(RunReport report) {
                pipelines.add(report.pipeline());
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Fixtures.runner().withBean(MeterRegistry.class, () -> registry).withBean(PipelineListener.class, () -> mine)
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> {
                    context.getBean(Ingestor.class).run("docs", "");
                    assertThat(pipelines).hasSize(1);
                    assertThat(count(registry, MicrometerPipelineListener.RUNS, "pipeline", "ingest", "status",
                            "completed")).isEqualTo(1);
                });
    }

    @Test
    void metricsCanBeSwitchedOffAndNeedAMeterRegistry() {
        Fixtures.runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir,
                        "aio.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerPipelineListener.class));
        Fixtures.runner().withPropertyValues("aio.object-store.bucket=docs", "aio.object-store.filesystem.root=" + dir)
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerPipelineListener.class)
                        .hasSingleBean(Ingestor.class));
    }
}
