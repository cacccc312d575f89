package dev.aio.llm.onnx.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aio.core.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX Runtime session with its own direct input and output buffers, used by one thread at a
 * time. Inputs are written into the buffers and wrapped as tensors without copying; the output
 * is pinned to a buffer of ours, so ONNX Runtime writes the hidden states straight into it.
 */
public final class SessionRunner implements AutoCloseable {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String OUTPUT = "last_hidden_state";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String modelName;
    private final int hidden;
    private final boolean wantsTokenTypes;
    private final LongBuffer ids;
    private final LongBuffer mask;
    private final LongBuffer types;
    private final FloatBuffer out;
    private final float[] scratch;

    /**
     * Creates a session over a model's bytes.
     *
     * @param env the ONNX Runtime environment
     * @param onnx the model graph
     * @param options threading and optimisation settings
     * @param modelName for error messages
     * @param hidden the model's hidden size
     * @param maxBatch the most texts in one run
     * @param maxTokens the most tokens of one text
     * @throws ModelException when ONNX Runtime refuses the model or it lacks the expected inputs
     *     and output
     */
    public SessionRunner(OrtEnvironment env, byte[] onnx, OrtSession.SessionOptions options, String modelName,
            int hidden, int maxBatch, int maxTokens) {
        this.env = env;
        this.modelName = modelName;
        this.hidden = hidden;
        try {
            this.session = env.createSession(onnx, options);
        } catch (OrtException e) {
            throw new ModelException("OnnxEmbedder: ONNX Runtime cannot load " + modelName + ": " + e.getMessage(), e);
        }
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)
                || !session.getOutputNames().contains(OUTPUT)) {
            closeQuietly();
            throw new ModelException("OnnxEmbedder: " + modelName + " has inputs " + inputs + " and outputs "
                    + session.getOutputNames() + "; expected a BERT encoder with input_ids, attention_mask and "
                    + "last_hidden_state");
        }
        this.wantsTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        int cells = maxBatch * maxTokens;
        this.ids = longs(cells);
        this.mask = longs(cells);
        this.types = longs(cells); // stays all zero: one segment
        this.out = ByteBuffer.allocateDirect(cells * hidden * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        this.scratch = new float[hidden];
    }

    private static LongBuffer longs(int n) {
        return ByteBuffer.allocateDirect(n * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
    }

    /**
     * Embeds one batch.
     *
     * @param tokenIds the token ids of every text (special tokens included, already truncated)
     * @param batch indices into {@code tokenIds} of the texts in this batch
     * @param results receives each text's vector at its index
     * @throws ModelException when ONNX Runtime fails
     */
    public void run(long[][] tokenIds, int[] batch, float[][] results) {
        int b = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, tokenIds[i].length);
        }
        int cells = b * len;
        for (int r = 0; r < b; r++) {
            long[] row = tokenIds[batch[r]];
            int base = r * len;
            ids.put(base, row);
            for (int t = 0; t < row.length; t++) {
                mask.put(base + t, 1L);
            }
            for (int t = row.length; t < len; t++) {
                ids.put(base + t, 0L);
                mask.put(base + t, 0L);
            }
        }
        long[] inShape = {b, len};
        Map<String, OnnxTensor> in = new HashMap<>(4);
        OnnxTensor output = null;
        try {
            in.put(INPUT_IDS, OnnxTensor.createTensor(env, view(ids, cells), inShape));
            in.put(ATTENTION_MASK, OnnxTensor.createTensor(env, view(mask, cells), inShape));
            if (wantsTokenTypes) {
                in.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, view(types, cells), inShape));
            }
            output = OnnxTensor.createTensor(env, out.duplicate().position(0).limit(cells * hidden).slice(),
                    new long[] {b, len, hidden});
            OrtSession.Result result = session.run(in, Set.of(), Map.of(OUTPUT, output));
            try {
                for (int r = 0; r < b; r++) {
                    float[] v = new float[hidden];
                    Pooling.meanPoolNormalised(out, r, len, tokenIds[batch[r]].length, scratch, v);
                    results[batch[r]] = v;
                }
            } finally {
                result.close(); // holds no tensors of its own: the only output is pinned to ours
            }
        } catch (OrtException e) {
            throw new ModelException("OnnxEmbedder: " + modelName + " failed on a batch of " + b + " texts of up to "
                    + len + " tokens: " + e.getMessage(), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
            if (output != null) {
                output.close();
            }
        }
    }

    private static LongBuffer view(LongBuffer buf, int n) {
        return buf.duplicate().position(0).limit(n).slice();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing releases native memory; a failure here leaves nothing the caller can act on.
        }
    }
}
