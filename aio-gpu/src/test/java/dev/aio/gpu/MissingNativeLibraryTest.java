package dev.aio.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without libtorch on the classpath, offline, with an empty cache, building a PyTorch component
 * fails with {@link NativeLibraryUnavailableException} naming what to add. Runs in a child JVM,
 * since an engine that failed to load stays failed for the JVM's life.
 */
class MissingNativeLibraryTest {

    /** The child's entry point: builds an index and prints what it got. */
    public static final class Child {
        public static void main(String[] args) {
            try (TensorVectorIndex index = TensorVectorIndex.builder().device(DeviceChoice.CPU).build()) {
                System.out.println("LOADED " + index);
            } catch (NativeLibraryUnavailableException e) {
                System.out.println("MISSING engine=" + e.engine() + " message=" + e.getMessage());
            }
        }
    }

    @Test
    void withoutTheNativeJarOfflineTheErrorNamesTheEngineAndWhatToAdd(@TempDir Path cache) throws Exception {
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("pytorch-native-cpu")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Doffline=true", "-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache,
                Child.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().put("ENGINE_CACHE_DIR", cache.toString());
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("MISSING engine=PyTorch").contains("pytorch-native-cpu")
                .contains("PYTORCH_LIBRARY_PATH").contains("offline=true");
        assertThat(Files.list(cache).count()).isLessThanOrEqualTo(1); // nothing downloaded
    }
}
