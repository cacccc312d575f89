package dev.aio.examples;

import dev.aio.llm.onnx.OnnxEmbedder;

/**
 * One offline MiniLM embedder for the example tests of this JVM: loading the model takes about a
 * second and the embedder is thread-safe, so the test classes share it instead of each building
 * and closing its own. It lives until the JVM exits; nothing in the tests closes it.
 */
final class SharedEmbedder {

    private static final OnnxEmbedder EMBEDDER = OnnxEmbedder.builder().build();

    private SharedEmbedder() {
    }

    /** @return the shared embedder */
    static OnnxEmbedder get() {
        return EMBEDDER;
    }
}
