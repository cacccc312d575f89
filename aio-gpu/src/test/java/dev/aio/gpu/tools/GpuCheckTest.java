package dev.aio.gpu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GPU check rehearsed on the CPU with small sizes: the reference round trip and every line it prints. */
class GpuCheckTest {

    @Test
    void theCheckRunsOnTheCpuAgainstReferenceVectorsWrittenByOnnxEmbedder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reference.bin");
        ReferenceWriter.write(file);
        ReferenceVectors ref = ReferenceVectors.read(file);
        assertThat(ref.texts()).isEqualTo(ReferenceVectors.sampleTexts());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GpuCheck check = new GpuCheck(Map.of("device", "cpu", "chunks", "8", "batches", "8", "sizes", "2000",
                "queries", "8", "matmul", "256", "copyMiB", "16"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        check.run(ref);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(check.failed()).as(out).isFalse();
        assertThat(out).contains("GPU.parity[eager,fp32]").contains("PASS").contains("GPU.E2[short,eager,fp32,batch=8")
                .contains("GPU.E2[256,eager,fp32,batch=8").contains("fractionOfMatmulCeiling=")
                .contains("GPU.E4[n=2000,top10,batch=8]").contains("GPU.ceiling[matmul,float32,256x256]")
                .contains("GPU.ceiling[copy,16MiB]").doesNotContain("NaN");
    }
}
