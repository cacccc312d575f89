package dev.aio.gpu.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.aio.core.model.ModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * MiniLM's ONNX graph on DJL's ONNX Runtime engine. The engine returns the token vectors to the
 * host, where they are mean-pooled in double precision, exactly as aio-llm's {@code OnnxEmbedder}
 * does, so the two agree to float rounding.
 */
public final class OrtEncoder implements Encoder {

    private static final int DIMS = 384;

    private final Model model;
    private final Predictor<NDList, NDList> predictor;

    /**
     * @param onnx the ONNX graph
     * @param device the device (the CPU with the default onnxruntime jar)
     * @throws ModelException when the engine refuses the model
     */
    public OrtEncoder(byte[] onnx, Device device) {
        Engines.load(Engines.ONNX_RUNTIME);
        this.model = Model.newInstance("all-minilm-l6-v2", device, Engines.ONNX_RUNTIME);
        try {
            model.load(new ByteArrayInputStream(onnx), Map.of());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelException("DjlEmbedder: ONNX Runtime cannot load all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
        this.predictor = model.newPredictor(new NoopTranslator());
    }

    @Override
    public float[][] encode(PaddedBatch batch) {
        // A scope per batch: every input and output array is freed when it closes.
        try (NDManager scope = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch.rows(), batch.length());
            NDArray ids = scope.create(batch.ids(), shape);
            ids.setName("input_ids");
            NDArray mask = scope.create(batch.mask(), shape);
            mask.setName("attention_mask");
            NDArray types = scope.zeros(shape, ai.djl.ndarray.types.DataType.INT64);
            types.setName("token_type_ids");
            NDList out = predictor.predict(new NDList(ids, mask, types));
            try {
                return HostPooling.meanPoolNormalised(out.get(0).toFloatArray(), batch, DIMS);
            } finally {
                out.close();
            }
        } catch (TranslateException | RuntimeException e) {
            throw new ModelException("DjlEmbedder: ONNX Runtime failed on a batch of " + batch.rows() + " texts of up to "
                    + batch.length() + " tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public String describe() {
        return "OnnxRuntime " + model.getNDManager().getDevice() + " fp32";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
