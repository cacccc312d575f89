package dev.aio.cli;

import dev.aio.llm.onnx.OnnxEmbedder;

/** The embedded default models: all-MiniLM-L6-v2 in-process, no network. */
final class DefaultModels {

    /** MiniLM's vector length. */
    static final int DIMENSIONS = 384;

    private DefaultModels() {
    }

    static OnnxEmbedder embedder() {
        OnnxEmbedder embedder = OnnxEmbedder.builder().build();
        if (embedder.dimensions() != DIMENSIONS) {
            int got = embedder.dimensions();
            embedder.close();
            throw new CliException("the default embedder gives " + got + "-dimensional vectors; the store expects "
                    + DIMENSIONS);
        }
        return embedder;
    }
}
