package dev.aio.gpu.internal;

import dev.aio.core.model.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the float weights (initializers) of an ONNX graph straight from its protobuf bytes, so
 * the PyTorch engine can run the same MiniLM weights as ONNX Runtime without any export step or
 * protobuf library. Only what a BERT export holds is understood: float32 tensors with raw data,
 * and MatMul nodes, whose weight inputs carry generated names ({@code onnx::MatMul_787}) that
 * are renamed here after the node's output ({@code /encoder/layer.0/attention/self/query/MatMul})
 * to the Hugging Face parameter name ({@code encoder.layer.0.attention.self.query.weight}).
 */
public final class OnnxInitializers {

    /** One weight: its shape and row-major floats. */
    public record Tensor(long[] shape, float[] data) {
    }

    private static final int FLOAT = 1;

    private OnnxInitializers() {
    }

    /**
     * Parses the graph's float initializers.
     *
     * @param onnx the model bytes
     * @return float tensors by Hugging Face name (MatMul weights keep ONNX's [in, out] layout)
     * @throws ModelException when the bytes are not an ONNX model of the expected shape
     */
    public static Map<String, Tensor> read(byte[] onnx) {
        try {
            ByteBuffer graph = null;
            for (Field f : fields(ByteBuffer.wrap(onnx))) {
                if (f.number == 7) {
                    graph = f.bytes;
                }
            }
            if (graph == null) {
                throw new ModelException("DjlEmbedder: the ONNX file has no graph");
            }
            Map<String, Tensor> byName = new HashMap<>();
            Map<String, String> renames = new HashMap<>();
            for (Field f : fields(graph)) {
                if (f.number == 5) {
                    tensor(f.bytes, byName);
                } else if (f.number == 1) {
                    matMulName(f.bytes, renames);
                }
            }
            renames.forEach((generated, hf) -> {
                Tensor t = byName.remove(generated);
                if (t != null) {
                    byName.put(hf, t);
                }
            });
            return byName;
        } catch (RuntimeException e) {
            if (e instanceof ModelException) {
                throw e;
            }
            throw new ModelException("DjlEmbedder: cannot read the weights of the ONNX file: " + e, e);
        }
    }

    private static void tensor(ByteBuffer b, Map<String, Tensor> out) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = null;
        ByteBuffer raw = null;
        for (Field f : fields(b)) {
            switch (f.number) {
                case 1 -> {
                    if (f.bytes != null) { // packed dims
                        while (f.bytes.hasRemaining()) {
                            dims.add(varint(f.bytes));
                        }
                    } else {
                        dims.add(f.value);
                    }
                }
                case 2 -> type = (int) f.value;
                case 8 -> name = utf8(f.bytes);
                case 9 -> raw = f.bytes;
                default -> {
                }
            }
        }
        if (type != FLOAT || name == null || raw == null) {
            return; // int64 position ids and the like: the encoder computes its own
        }
        float[] data = new float[raw.remaining() / Float.BYTES];
        raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        out.put(name, new Tensor(dims.stream().mapToLong(Long::longValue).toArray(), data));
    }

    private static void matMulName(ByteBuffer b, Map<String, String> renames) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        String op = null;
        for (Field f : fields(b)) {
            switch (f.number) {
                case 1 -> inputs.add(utf8(f.bytes));
                case 2 -> output = utf8(f.bytes);
                case 4 -> op = utf8(f.bytes);
                default -> {
                }
            }
        }
        if (!"MatMul".equals(op) || output == null || inputs.size() != 2 || !inputs.get(1).startsWith("onnx::")) {
            return;
        }
        // "/encoder/layer.0/attention/self/query/MatMul_output_0" -> "encoder.layer.0.attention.self.query.weight"
        int end = output.lastIndexOf("/MatMul");
        if (end > 0) {
            renames.put(inputs.get(1), output.substring(1, end).replace('/', '.') + ".weight");
        }
    }

    private static String utf8(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** One protobuf field: a varint or fixed value, or a length-delimited slice. */
    private record Field(int number, long value, ByteBuffer bytes) {
    }

    private static List<Field> fields(ByteBuffer in) {
        ByteBuffer b = in.duplicate();
        List<Field> out = new ArrayList<>();
        while (b.hasRemaining()) {
            long key = varint(b);
            int number = (int) (key >>> 3);
            switch ((int) (key & 7)) {
                case 0 -> out.add(new Field(number, varint(b), null));
                case 1 -> {
                    out.add(new Field(number, b.order(ByteOrder.LITTLE_ENDIAN).getLong(b.position()), null));
                    b.position(b.position() + 8);
                }
                case 2 -> {
                    int len = Math.toIntExact(varint(b));
                    ByteBuffer slice = b.slice(b.position(), len);
                    b.position(b.position() + len);
                    out.add(new Field(number, 0, slice));
                }
                case 5 -> {
                    out.add(new Field(number, b.order(ByteOrder.LITTLE_ENDIAN).getInt(b.position()), null));
                    b.position(b.position() + 4);
                }
                default -> throw new ModelException("DjlEmbedder: unexpected protobuf wire type " + (key & 7)
                        + " in the ONNX file");
            }
        }
        return out;
    }

    private static long varint(ByteBuffer b) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b.get();
            result |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                return result;
            }
        }
        throw new ModelException("DjlEmbedder: malformed varint in the ONNX file");
    }
}
