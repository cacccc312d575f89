package dev.aio.gpu.tools;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts and the vectors aio-llm's OnnxEmbedder gave them on the CPU, in a small binary file
 * ({@code AIOREF1}, count, dims, then per text its UTF string and floats), so a machine without
 * ONNX Runtime can check its own vectors against them.
 *
 * @param texts the texts
 * @param vectors one vector per text
 */
public record ReferenceVectors(List<String> texts, List<float[]> vectors) {

    private static final String MAGIC = "AIOREF1";

    /** @param file where to write @throws IOException when writing fails */
    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(texts.size());
            out.writeInt(vectors.get(0).length);
            for (int i = 0; i < texts.size(); i++) {
                out.writeUTF(texts.get(i));
                for (float f : vectors.get(i)) {
                    out.writeFloat(f);
                }
            }
        }
    }

    /** @param file a file {@link #write} wrote @return its content @throws IOException when unreadable */
    public static ReferenceVectors read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(file + " is not a reference vectors file (" + MAGIC + ")");
            }
            int n = in.readInt();
            int dims = in.readInt();
            List<String> texts = new ArrayList<>(n);
            List<float[]> vectors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                texts.add(in.readUTF());
                float[] v = new float[dims];
                for (int d = 0; d < dims; d++) {
                    v[d] = in.readFloat();
                }
                vectors.add(v);
            }
            return new ReferenceVectors(texts, vectors);
        }
    }

    /** @return texts of every kind the embedder meets: short, unicode, empty, and beyond 256 tokens */
    public static List<String> sampleTexts() {
        String[] topics = {"vector search", "object storage", "tokenizers", "GPU batching", "exact top-k",
            "sentence embeddings", "retrieval augmented generation", "native memory"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            String t = topics[i % topics.length];
            out.add(switch (i % 4) {
                case 0 -> "A note on " + t + ".";
                case 1 -> "How does " + t + " behave when the load grows by a factor of " + (i + 2) + "?";
                case 2 -> "Grüße — " + t + " über naïve Zeichen, 東京 and 🚀 number " + i;
                default -> (t + " is discussed at length here; ").repeat(10 + i);
            });
        }
        out.add("");
        return out;
    }
}
