package dev.aio.gpu.internal;

/**
 * Attention-masked mean pooling and L2 normalisation on the host, as sentence-transformers does
 * them (and aio-llm's {@code OnnxEmbedder}, in double precision): used where the engine's output
 * is already on the host (ONNX Runtime on the CPU).
 */
public final class HostPooling {

    private HostPooling() {
    }

    /**
     * @param hidden {@code [rows, length, dims]} row-major token vectors
     * @param batch the batch they came from (real lengths; padding is on the right)
     * @param dims the hidden size
     * @return one unit vector per row
     */
    public static float[][] meanPoolNormalised(float[] hidden, PaddedBatch batch, int dims) {
        float[][] out = new float[batch.rows()][dims];
        double[] sum = new double[dims];
        for (int r = 0; r < batch.rows(); r++) {
            java.util.Arrays.fill(sum, 0);
            int tokens = batch.lengths()[r];
            int base = r * batch.length() * dims;
            for (int t = 0; t < tokens; t++) {
                for (int k = 0, off = base + t * dims; k < dims; k++) {
                    sum[k] += hidden[off + k];
                }
            }
            double norm = 0;
            for (int k = 0; k < dims; k++) {
                sum[k] /= tokens;
                norm += sum[k] * sum[k];
            }
            // sentence-transformers' Normalize clamps the norm at 1e-12.
            double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
            for (int k = 0; k < dims; k++) {
                out[r][k] = (float) (sum[k] * scale);
            }
        }
        return out;
    }
}
