package dev.aio.cli;

import dev.aio.llm.onnx.OnnxEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio embed TEXT...}: one JSON array of floats per text, one per line, from the default
 * embedder. It reads no store, so it neither opens nor locks one.
 */
@Command(name = "embed", description = "Print one JSON array of floats per text, from the default embedder.")
public final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The texts to embed.")
    List<String> texts;

    @Override
    public Integer call() {
        try (OnnxEmbedder embedder = DefaultModels.embedder()) {
            List<float[]> vectors = embedder.embed(texts);
            if (common.json()) {
                List<Object> all = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    all.add(java.util.Map.of("text", texts.get(i), "model", embedder.modelId(), "vector", vectors.get(i)));
                }
                Reports.printJson(root.out(), all);
                return ExitCodes.OK;
            }
            for (float[] v : vectors) {
                StringBuilder line = new StringBuilder(v.length * 12).append('[');
                for (int i = 0; i < v.length; i++) {
                    line.append(i == 0 ? "" : ",").append(v[i]);
                }
                root.out().println(line.append(']'));
            }
            root.out().flush();
            return ExitCodes.OK;
        }
    }
}
