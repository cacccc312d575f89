package dev.aio.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import dev.aio.core.model.ModelException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DjlEmbedderBuilderTest {

    @Test
    void aSettingGivenTwiceIsRefusedNamingItsValue() {
        assertThatThrownBy(() -> DjlEmbedder.builder().maxBatchSize(8).maxBatchSize(16))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxBatchSize was already set to 8");
        assertThatThrownBy(() -> DjlEmbedder.builder().device(DeviceChoice.CPU).device(DeviceChoice.GPU))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CPU");
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheRange() {
        assertThatThrownBy(() -> DjlEmbedder.builder().maxTokens(300)).hasMessageContaining("[8, 256]");
        assertThatThrownBy(() -> DjlEmbedder.builder().maxWait(Duration.ofSeconds(5))).hasMessageContaining("maxWait");
        assertThatThrownBy(() -> DjlEmbedder.builder().torchScript(Path.of("no/such/model.pt")))
                .hasMessageContaining("not a file");
        assertThatThrownBy(() -> DjlEmbedder.builder().device(DeviceChoice.CPU).maxBatchSize(64).queueCapacity(32)
                .build()).hasMessageContaining("queueCapacity 32 is smaller than maxBatchSize 64");
    }

    @Test
    void halfPrecisionIsRefusedOnTheCpu() {
        assertThatThrownBy(() -> DjlEmbedder.builder().device(DeviceChoice.CPU).precision(Precision.FP16).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FP16 needs a GPU");
    }

    @Test
    void withoutAGpuAutomaticChoiceRunsOnnxRuntimeOnTheCpuAndAnExplicitGpuIsRefused() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has no GPU");
        try (DjlEmbedder embedder = DjlEmbedder.builder().build()) {
            assertThat(embedder.device().isGpu()).isFalse();
            assertThat(embedder.backend()).isEqualTo(Backend.ONNX_RUNTIME);
            assertThat(embedder.maxBatchSize()).isEqualTo(DjlEmbedderBuilder.DEFAULT_CPU_BATCH);
        }
        assertThatThrownBy(() -> DjlEmbedder.builder().device(DeviceChoice.GPU).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("sees none");
        assertThatThrownBy(() -> TensorVectorIndex.builder().device(DeviceChoice.GPU).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("sees none");
    }

    @Test
    void aClosedEmbedderRefusesCalls() {
        DjlEmbedder embedder = DjlEmbedder.builder().device(DeviceChoice.CPU).build();
        embedder.close();
        embedder.close();
        assertThatThrownBy(() -> embedder.embed("text")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
