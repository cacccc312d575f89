package dev.aio.vector.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The building blocks of the snapshot file: length-prefixed UTF-8 strings (null as -1), typed
 * metadata with a one-byte tag per value, and float vectors in bulk, little-endian.
 */
final class SnapshotCodec {

    private static final byte STRING = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte LIST = 4;

    private SnapshotCodec() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > (1 << 30)) {
            throw new IOException("string length " + n + " is out of range");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeMetadata(DataOutputStream out, Map<String, Object> metadata) throws IOException {
        out.writeInt(metadata.size());
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            writeString(out, e.getKey());
            Object v = e.getValue();
            if (v instanceof String) {
                out.writeByte(STRING);
                writeString(out, (String) v);
            } else if (v instanceof Long) {
                out.writeByte(LONG);
                out.writeLong((Long) v);
            } else if (v instanceof Double) {
                out.writeByte(DOUBLE);
                out.writeDouble((Double) v);
            } else if (v instanceof Boolean) {
                out.writeByte(BOOLEAN);
                out.writeBoolean((Boolean) v);
            } else {
                List<?> list = (List<?>) v;
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object o : list) {
                    writeString(out, (String) o);
                }
            }
        }
    }

    static Map<String, Object> readMetadata(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("metadata size " + n + " is negative");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = readString(in);
            byte tag = in.readByte();
            switch (tag) {
                case STRING:
                    out.put(key, readString(in));
                    break;
                case LONG:
                    out.put(key, in.readLong());
                    break;
                case DOUBLE:
                    out.put(key, in.readDouble());
                    break;
                case BOOLEAN:
                    out.put(key, in.readBoolean());
                    break;
                case LIST:
                    int size = in.readInt();
                    if (size < 0) {
                        throw new IOException("list size " + size + " is negative");
                    }
                    List<String> list = new ArrayList<>(size);
                    for (int j = 0; j < size; j++) {
                        list.add(readString(in));
                    }
                    out.put(key, list);
                    break;
                default:
                    throw new IOException("unknown metadata tag " + tag);
            }
        }
        return out;
    }

    static void writeFloats(DataOutputStream out, float[] values, int offset, int length, ByteBuffer scratch)
            throws IOException {
        scratch.clear();
        scratch.asFloatBuffer().put(values, offset, length);
        out.write(scratch.array(), 0, length * Float.BYTES);
    }

    static void readFloats(DataInputStream in, float[] values, int offset, int length, ByteBuffer scratch)
            throws IOException {
        in.readFully(scratch.array(), 0, length * Float.BYTES);
        scratch.clear();
        scratch.asFloatBuffer().get(values, offset, length);
    }

    static ByteBuffer scratch(int dimensions) {
        return ByteBuffer.allocate(dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }
}
