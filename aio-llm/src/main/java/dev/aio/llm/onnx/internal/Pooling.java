package dev.aio.llm.onnx.internal;

import java.nio.FloatBuffer;

/** Attention-masked mean pooling and L2 normalisation, as sentence-transformers does them. */
public final class Pooling {

    private Pooling() {
    }

    /**
     * Averages the first {@code tokens} token vectors of one row of a {@code [batch, seqLen,
     * hidden]} tensor (the tokens the attention mask keeps; padding is on the right) and scales
     * the mean to unit length.
     *
     * @param hidden the model output, row-major
     * @param row the row in the batch
     * @param seqLen the padded sequence length of the batch
     * @param tokens the row's real tokens, at least 1
     * @param scratch at least {@code hidden.length} floats (a vector's length), overwritten
     * @param out receives the vector; length is the hidden size
     */
    public static void meanPoolNormalised(FloatBuffer hidden, int row, int seqLen, int tokens, float[] scratch,
            float[] out) {
        int h = out.length;
        double[] sum = new double[h];
        int base = row * seqLen * h;
        for (int t = 0; t < tokens; t++) {
            hidden.get(base + t * h, scratch, 0, h);
            for (int k = 0; k < h; k++) {
                sum[k] += scratch[k];
            }
        }
        double norm = 0;
        for (int k = 0; k < h; k++) {
            sum[k] /= tokens;
            norm += sum[k] * sum[k];
        }
        // sentence-transformers' Normalize clamps the norm at 1e-12.
        double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
        for (int k = 0; k < h; k++) {
            out[k] = (float) (sum[k] * scale);
        }
    }
}
