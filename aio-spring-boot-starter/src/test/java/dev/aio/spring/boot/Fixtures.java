package dev.aio.spring.boot;

import dev.aio.core.model.Embedder;
import dev.aio.llm.onnx.OnnxEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the starter's tests share: the runner with aio's auto-configurations, one loaded model, small documents. */
final class Fixtures {

    /**
     * One MiniLM embedder for every test that does not test the embedder's own configuration:
     * loading it per context would cost a second or more each time. Registered with no destroy
     * method, so no context closes it.
     */
    static final OnnxEmbedder EMBEDDER = OnnxEmbedder.builder().sessions(1).build();

    static final String LIGHTHOUSE = "The keeper of the Varne lighthouse lights the lamp at dusk and winds the "
            + "clockwork that turns the lens every four hours through the night. In fog the horn sounds twice "
            + "a minute until the far buoy can be seen again from the gallery.";
    static final String SOURDOUGH = "A rye sourdough starter is fed twice a day, morning and evening, with equal "
            + "weights of rye flour and lukewarm water. Discard half of it before each feeding so that the jar "
            + "does not overflow and the culture stays lively.";
    static final String BRAKES = "To adjust a mechanical disc brake on a bicycle, loosen the caliper bolts, "
            + "squeeze the lever and tighten the bolts again while it is held, then turn the pad adjuster until "
            + "the rotor spins freely without rubbing.";

    private Fixtures() {
    }

    /** @return a runner with aio's auto-configurations and the shared embedder */
    static ApplicationContextRunner runner() {
        return bare().withBean("aioEmbedder", Embedder.class, () -> EMBEDDER, bd -> bd.setDestroyMethodName(""));
    }

    /** @return a runner with aio's auto-configurations only */
    static ApplicationContextRunner bare() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                AioMetricsAutoConfiguration.class, AioAutoConfiguration.class, AioHealthAutoConfiguration.class));
    }

    /** Writes the three documents into {@code root/bucket}, as a filesystem store lays buckets out. */
    static void writeDocuments(Path root, String bucket) {
        write(root.resolve(bucket).resolve("lighthouse.md"), "# The Varne lighthouse\n\n" + LIGHTHOUSE);
        write(root.resolve(bucket).resolve("sourdough.txt"), SOURDOUGH);
        write(root.resolve(bucket).resolve("brakes.md"), "# Disc brakes\n\n" + BRAKES);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
