package dev.aio.gpu.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import dev.aio.core.model.ModelException;
import java.util.HashMap;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 as PyTorch tensor operations on any device, with the weights read from the
 * same ONNX file ONNX Runtime runs: a BERT encoder (6 layers, 12 heads, hidden 384, exact GELU,
 * LayerNorm eps 1e-12) followed by attention-masked mean pooling and L2 normalisation on the
 * device, in float32 whatever the model's precision. In float16 the weights are cast once at
 * load; token ids stay int64.
 *
 * <p>Native memory: the weights live in this encoder's manager; each batch runs in a sub-manager
 * and each layer in a nested one that keeps only the layer's output, so a batch's intermediates
 * are freed layer by layer and nothing outlives the call.
 */
public final class TorchBertEncoder implements Encoder {

    private static final int LAYERS = 6;
    private static final int HEADS = 12;
    private static final int DIMS = 384;
    private static final int HEAD_DIMS = DIMS / HEADS;
    private static final float LN_EPS = 1e-12f;

    private final NDManager weights;
    private final Map<String, NDArray> w = new HashMap<>();
    private final DataType dtype;
    private final String description;

    /**
     * @param onnx the MiniLM ONNX graph whose weights to run
     * @param device where to keep the weights and compute
     * @param half whether to compute in float16
     * @throws ModelException when a weight is missing from the file
     */
    public TorchBertEncoder(byte[] onnx, Device device, boolean half) {
        this.weights = Engines.load(Engines.PYTORCH).newBaseManager(device);
        this.dtype = half ? DataType.FLOAT16 : DataType.FLOAT32;
        this.description = "PyTorch " + device + (half ? " fp16" : " fp32") + " (MiniLM weights from the ONNX file)";
        try {
            Map<String, OnnxInitializers.Tensor> tensors = OnnxInitializers.read(onnx);
            put(tensors, "embeddings.word_embeddings.weight");
            put(tensors, "embeddings.position_embeddings.weight");
            put(tensors, "embeddings.token_type_embeddings.weight");
            put(tensors, "embeddings.LayerNorm.weight");
            put(tensors, "embeddings.LayerNorm.bias");
            for (int l = 0; l < LAYERS; l++) {
                String p = "encoder.layer." + l + ".";
                // Q, K and V in one matrix product: [384, 1152] and a bias of 1152.
                NDArray qkv = concat(tensors, p + "attention.self.", ".weight", 1);
                NDArray qkvBias = concat(tensors, p + "attention.self.", ".bias", 0);
                w.put(p + "qkv.weight", qkv);
                w.put(p + "qkv.bias", qkvBias);
                for (String s : new String[] {"attention.output.dense", "attention.output.LayerNorm",
                        "intermediate.dense", "output.dense", "output.LayerNorm"}) {
                    put(tensors, p + s + ".weight");
                    put(tensors, p + s + ".bias");
                }
            }
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private NDArray array(Map<String, OnnxInitializers.Tensor> tensors, String name) {
        OnnxInitializers.Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelException("DjlEmbedder: the MiniLM ONNX file lacks the weight '" + name + "'; is it "
                    + "all-MiniLM-L6-v2 from " + ModelResources.ARTIFACT + "?");
        }
        NDArray a = weights.create(t.data(), new Shape(t.shape()));
        if (dtype == DataType.FLOAT32) {
            return a;
        }
        NDArray cast = a.toType(dtype, false);
        a.close();
        return cast;
    }

    private void put(Map<String, OnnxInitializers.Tensor> tensors, String name) {
        w.put(name, array(tensors, name));
    }

    private NDArray concat(Map<String, OnnxInitializers.Tensor> tensors, String prefix, String suffix, int axis) {
        try (NDManager tmp = weights.newSubManager()) {
            NDList parts = new NDList();
            for (String s : new String[] {"query", "key", "value"}) {
                NDArray a = array(tensors, prefix + s + suffix);
                a.attach(tmp);
                parts.add(a);
            }
            NDArray joined = ai.djl.ndarray.NDArrays.concat(parts, axis);
            joined.attach(weights);
            return joined;
        }
    }

    @Override
    public float[][] encode(PaddedBatch batch) {
        int b = batch.rows();
        int len = batch.length();
        if (len > w.get("embeddings.position_embeddings.weight").getShape().get(0)) {
            throw new ModelException("DjlEmbedder: a text of " + len + " tokens exceeds MiniLM's 512 positions");
        }
        try (NDManager scope = weights.newSubManager()) {
            Shape shape = new Shape(b, len);
            NDArray ids = scope.create(batch.ids(), shape);
            NDArray mask = scope.create(batch.mask(), shape);
            NDArray x = Embedding.embedding(ids, w.get("embeddings.word_embeddings.weight"), SparseFormat.DENSE).get(0);
            x.attach(scope);
            NDArray positions = w.get("embeddings.position_embeddings.weight").get(new NDIndex("0:" + len));
            positions.attach(scope);
            NDArray tokenType = w.get("embeddings.token_type_embeddings.weight").get(0);
            tokenType.attach(scope);
            x = layerNorm(x.add(positions).add(tokenType), "embeddings.LayerNorm");
            // 0 on real tokens, a large negative number on padding, added to every attention score.
            float negative = dtype == DataType.FLOAT16 ? -1e4f : -1e9f;
            NDArray bias = mask.toType(dtype, false).sub(1).mul(-negative).reshape(b, 1, 1, len);
            for (int l = 0; l < LAYERS; l++) {
                x = layer(scope, x, bias, "encoder.layer." + l + ".", b, len);
            }
            return pool(x, mask, b);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException("DjlEmbedder: PyTorch failed on a batch of " + b + " texts of up to " + len
                    + " tokens on " + weights.getDevice() + ": " + e.getMessage(), e);
        }
    }

    private NDArray layer(NDManager parent, NDArray x, NDArray bias, String p, int b, int len) {
        // A scope per layer keeps only its output: the attention scores and the wide
        // intermediate are freed before the next layer allocates its own.
        try (NDManager scope = parent.newSubManager()) {
            scope.tempAttachAll(x, bias);
            NDList qkv = x.matMul(w.get(p + "qkv.weight")).add(w.get(p + "qkv.bias")).split(3, 2);
            NDArray q = heads(qkv.get(0), b, len);
            NDArray k = heads(qkv.get(1), b, len).transpose(0, 1, 3, 2);
            NDArray v = heads(qkv.get(2), b, len);
            NDArray probs = q.matMul(k).mul(1.0 / Math.sqrt(HEAD_DIMS)).add(bias).softmax(-1);
            NDArray context = probs.matMul(v).transpose(0, 2, 1, 3).reshape(b, len, DIMS);
            NDArray attended = context.matMul(w.get(p + "attention.output.dense.weight"))
                    .add(w.get(p + "attention.output.dense.bias"));
            NDArray h = layerNorm(attended.add(x), p + "attention.output.LayerNorm");
            NDArray wide = Activation.gelu(h.matMul(w.get(p + "intermediate.dense.weight"))
                    .add(w.get(p + "intermediate.dense.bias")));
            NDArray out = wide.matMul(w.get(p + "output.dense.weight")).add(w.get(p + "output.dense.bias"));
            NDArray result = layerNorm(out.add(h), p + "output.LayerNorm");
            result.attach(parent);
            return result;
        }
    }

    private static NDArray heads(NDArray a, int b, int len) {
        return a.reshape(b, len, HEADS, HEAD_DIMS).transpose(0, 2, 1, 3);
    }

    private NDArray layerNorm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(DIMS), w.get(name + ".weight"), w.get(name + ".bias"), LN_EPS).get(0);
    }

    /** Mean over the real tokens and L2 normalisation, in float32 on the device. */
    static float[][] pool(NDArray hidden, NDArray mask, int rows) {
        NDArray h = hidden.toType(DataType.FLOAT32, false);
        NDArray m = mask.toType(DataType.FLOAT32, false).expandDims(2);
        NDArray mean = h.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1e-9f));
        NDArray unit = mean.div(mean.norm(new int[] {1}, true).maximum(1e-12f));
        float[] flat = unit.toFloatArray();
        int dims = flat.length / rows;
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * dims, (r + 1) * dims);
        }
        return out;
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        weights.close();
    }
}
