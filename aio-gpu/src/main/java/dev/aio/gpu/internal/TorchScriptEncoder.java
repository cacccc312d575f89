package dev.aio.gpu.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.aio.core.model.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A user-supplied TorchScript sentence encoder on DJL's PyTorch engine. The module is called as
 * {@code forward(input_ids, attention_mask)} with int64 tensors of {@code [batch, length]} and
 * returns the token vectors {@code [batch, length, dims]} (alone, or first in a tuple), which are
 * mean-pooled and normalised on the device in float32.
 *
 * <p>Precision is the module's own: DJL 0.36 cannot cast the parameters of a loaded TorchScript
 * module, so a float16 run needs a module exported in half precision
 * ({@code aio-gpu/tools/export_torchscript.py --half}); its parameter type is checked at load.
 */
public final class TorchScriptEncoder implements Encoder {

    private final Model model;
    private final Block block;
    private final String description;
    private final int dims;

    /**
     * @param file the TorchScript file
     * @param device where to load and run it
     * @param half whether float16 was asked for
     * @throws ModelException when the file cannot be loaded or its precision differs from the one asked
     */
    public TorchScriptEncoder(Path file, Device device, boolean half) {
        Engines.load(Engines.PYTORCH);
        this.model = Model.newInstance("torchscript", device, Engines.PYTORCH);
        try {
            model.load(file, null, Map.of("mapLocation", "true"));
            this.block = model.getBlock();
            DataType params = parameterType();
            DataType wanted = half ? DataType.FLOAT16 : DataType.FLOAT32;
            if (params != null && params != wanted) {
                throw new ModelException("DjlEmbedder: the TorchScript model " + file + " holds " + params
                        + " parameters but " + wanted + " was asked for; DJL cannot cast a loaded TorchScript "
                        + "module, so export it in that precision (tools/export_torchscript.py"
                        + (half ? " --half" : "") + ")");
            }
            this.dims = probe();
            this.description = "PyTorch " + device + (half ? " fp16" : " fp32") + " (TorchScript " + file.getFileName()
                    + ")";
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof ModelException me) {
                throw me;
            }
            throw new ModelException("DjlEmbedder: PyTorch cannot load the TorchScript model " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private DataType parameterType() {
        var params = block.getParameters();
        return params.isEmpty() ? null : params.get(0).getValue().getArray().getDataType();
    }

    /** Runs one two-token text to learn the vector length (and fail early on a wrong signature). */
    private int probe() {
        return encode(PaddedBatch.of(new long[][] {{101, 102}}))[0].length;
    }

    @Override
    public float[][] encode(PaddedBatch batch) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch.rows(), batch.length());
            NDArray ids = scope.create(batch.ids(), shape);
            NDArray mask = scope.create(batch.mask(), shape);
            NDList out = block.forward(new ParameterStore(scope, false), new NDList(ids, mask), false);
            out.attach(scope);
            NDArray hidden = out.get(0);
            if (hidden.getShape().dimension() != 3 || hidden.getShape().get(0) != batch.rows()) {
                throw new ModelException("DjlEmbedder: the TorchScript model returned " + hidden.getShape()
                        + "; expected token vectors [batch, length, dims]");
            }
            return TorchBertEncoder.pool(hidden, mask, batch.rows());
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException("DjlEmbedder: the TorchScript model failed on a batch of " + batch.rows()
                    + " texts of up to " + batch.length() + " tokens: " + e.getMessage(), e);
        }
    }

    @Override
    public int dimensions() {
        return dims;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        model.close();
    }
}
