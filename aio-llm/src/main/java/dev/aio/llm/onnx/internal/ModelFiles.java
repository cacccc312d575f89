package dev.aio.llm.onnx.internal;

import dev.aio.core.model.ModelException;
import dev.aio.llm.onnx.MiniLmModel;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of a model's ONNX graph and tokenizer, read from the classpath, with their digest.
 *
 * @param onnx the ONNX graph
 * @param tokenizerJson the Hugging Face {@code tokenizer.json}
 * @param sha256 hex SHA-256 over both, in that order
 */
public record ModelFiles(byte[] onnx, byte[] tokenizerJson, String sha256) {

    /**
     * Reads a model's files from the classpath.
     *
     * @param model the model
     * @param loader where to look
     * @return the files
     * @throws ModelException naming the artifact to add when a file is missing or unreadable
     */
    public static ModelFiles load(MiniLmModel model, ClassLoader loader) {
        byte[] onnx = read(model, model.modelResource(), loader);
        byte[] tokenizer = read(model, model.tokenizerResource(), loader);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(onnx);
            md.update(tokenizer);
            return new ModelFiles(onnx, tokenizer, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] read(MiniLmModel model, String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelException("OnnxEmbedder: resource '" + resource + "' of " + model
                        + " is not on the classpath; add the dependency " + model.artifact() + " (1.19.0-beta29)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("OnnxEmbedder: cannot read resource '" + resource + "' of " + model + " from "
                    + model.artifact() + ": " + e.getMessage(), e);
        }
    }
}
