package dev.aio.llm.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the embedder in a child JVM inside a network namespace with no interfaces up
 * ({@code unshare -n}, which needs root); skipped where that cannot be made.
 */
class NoNetworkTest {

    private static int run(List<String> command, StringBuilder output) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        output.append(new String(out, StandardCharsets.UTF_8));
        return p.exitValue();
    }

    @Test
    void theEmbedderLoadsAndRunsWithNoNetworkAtAll() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare is not installed");
        StringBuilder probe = new StringBuilder();
        assumeTrue(run(List.of("/usr/bin/unshare", "-n", "true"), probe) == 0,
                "cannot create a network namespace here (needs root): " + probe);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder out = new StringBuilder();
        int code = run(List.of("/usr/bin/unshare", "-n", java, "-cp", System.getProperty("java.class.path"),
                OfflineEmbed.class.getName()), out);

        assertThat(out.toString()).doesNotContain("NETWORK-REACHABLE").contains("no network")
                .contains("EMBEDDED 384 0.666");
        assertThat(code).as(out.toString()).isZero();
    }
}
