package dev.aio.gpu.tools;

import ai.djl.engine.Engine;
import dev.aio.llm.onnx.OnnxEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the reference vectors of {@link ReferenceVectors#sampleTexts()} with aio-llm's OnnxEmbedder on the CPU. */
final class ReferenceWriter {

    private ReferenceWriter() {
    }

    static void write(Path file) throws IOException {
        Engine.getEngine("OnnxRuntime"); // DJL's engine first: it cannot start after OnnxEmbedder's environment
        List<String> texts = ReferenceVectors.sampleTexts();
        try (OnnxEmbedder reference = OnnxEmbedder.builder().sessions(1).build()) {
            new ReferenceVectors(texts, reference.embed(texts)).write(file);
        }
        System.out.println("wrote " + texts.size() + " reference vectors to " + file);
    }
}
