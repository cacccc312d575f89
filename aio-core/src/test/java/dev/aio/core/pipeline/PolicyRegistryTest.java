package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyRegistryTest {

    private static final StepPolicy TWO_PER_HOUR = StepPolicy.named("provider")
            .rateLimit(2, Duration.ofHours(1)).maxWait(Duration.ZERO);

    @Test
    void pipelinesBuiltWithOneRegistryDrawOnOneBudget() {
        PolicyRegistry registry = PolicyRegistry.create();
        try (Pipeline<String, String> ingest = Pipeline.from(String.class)
                .map("embed", String::trim).policy(TWO_PER_HOUR).policies(registry).build();
                Pipeline<String, String> ask = Pipeline.from(String.class)
                        .map("embed", String::strip).policy(TWO_PER_HOUR).policies(registry).build()) {
            ingest.call("a");
            ask.call("b");

            assertThatThrownBy(() -> ingest.call("c"))
                    .isInstanceOf(StageFailedException.class)
                    .hasCauseInstanceOf(PolicyRejectedException.class)
                    .hasMessageContaining("no rate-limit permit");
        }
    }

    @Test
    void withoutARegistryEachPipelineHasItsOwnBudget() {
        try (Pipeline<String, String> ingest = Pipeline.from(String.class)
                .map("embed", String::trim).policy(TWO_PER_HOUR).build();
                Pipeline<String, String> ask = Pipeline.from(String.class)
                        .map("embed", String::strip).policy(TWO_PER_HOUR).build()) {
            ingest.call("a");
            ingest.call("b");
            ask.call("c");
            assertThat(ask.call("d")).isEqualTo("d");
        }
    }

    @Test
    void aSecondPipelineCannotRegisterTheSameNameWithOtherSettings() {
        PolicyRegistry registry = PolicyRegistry.create();
        try (Pipeline<String, String> first = Pipeline.from(String.class).named("ingest")
                .map("embed", String::trim).policy(TWO_PER_HOUR).policies(registry).build()) {
            PipelineBuilder<String, String> second = Pipeline.from(String.class).named("ask")
                    .map("embed", String::trim).policy(StepPolicy.named("provider").withRetry(3))
                    .policies(registry);

            assertThatThrownBy(second::build)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stage 'embed' of pipeline 'ask' uses policy 'provider'")
                    .hasMessageContaining("stage 'embed' of pipeline 'ingest' registered it")
                    .hasMessageContaining("different names");
            assertThat(first.call(" x ")).isEqualTo("x");
        }
    }

    @Test
    void theRegistryIsSetOnce() {
        PolicyRegistry registry = PolicyRegistry.create();
        assertThatThrownBy(() -> Pipeline.from(String.class).map("a", s -> s).policies(registry).policies(registry))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already set");
    }
}
