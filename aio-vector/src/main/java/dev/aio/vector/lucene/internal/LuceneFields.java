package dev.aio.vector.lucene.internal;

import dev.aio.core.vector.VectorRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The document layout. Metadata is indexed per type under prefixed field names: strings as
 * exact terms ({@code s:key}) and lower-cased terms for {@code contains} ({@code l:key}), numbers
 * as double points ({@code n:key}, so longs and doubles compare with each other), booleans as
 * terms ({@code b:key}); every present key as a term of {@code _keys}. The whole record is kept
 * in stored fields for reading back.
 */
public final class LuceneFields {

    /** tenant + NUL + id, unique per record; the update term. */
    public static final String KEY = "_key";
    /** The tenant, or {@link #NO_TENANT}. */
    public static final String TENANT = "_tenant";
    /** The marker of records without a tenant. */
    public static final String NO_TENANT = "\u0000";
    /** Present metadata keys. */
    public static final String KEYS = "_keys";
    /** The analysed text for BM25. */
    public static final String TEXT = "_text";
    /** The vector for kNN. */
    public static final String VECTOR = "_vector";
    private static final String ID = "_id";
    private static final String STORED_TEXT = "_stored_text";
    private static final String STORED_VECTOR = "_stored_vector";
    private static final String STORED_META = "_stored_meta";

    private LuceneFields() {
    }

    /** @param tenant a tenant or null @param id an id @return the unique key term */
    public static String key(String tenant, String id) {
        return (tenant == null ? NO_TENANT : tenant) + "\u0000" + id;
    }

    /** @param tenant a tenant or null @return the value of the tenant field */
    public static String tenant(String tenant) {
        return tenant == null ? NO_TENANT : tenant;
    }

    static String stringField(String key) {
        return "s:" + key;
    }

    static String lowerField(String key) {
        return "l:" + key;
    }

    static String numberField(String key) {
        return "n:" + key;
    }

    static String booleanField(String key) {
        return "b:" + key;
    }

    /**
     * @param r the record
     * @param similarity the index's similarity
     * @return its document
     */
    public static Document toDocument(VectorRecord r, VectorSimilarityFunction similarity) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(r.tenant(), r.id()), Field.Store.NO));
        doc.add(new StringField(TENANT, tenant(r.tenant()), Field.Store.YES));
        doc.add(new StoredField(ID, r.id()));
        float[] v = r.vector();
        doc.add(new KnnFloatVectorField(VECTOR, v, similarity));
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(v);
        doc.add(new StoredField(STORED_VECTOR, new BytesRef(bytes.array())));
        if (r.text() != null) {
            doc.add(new TextField(TEXT, r.text(), Field.Store.NO));
            doc.add(new StoredField(STORED_TEXT, r.text()));
        }
        StringBuilder meta = new StringBuilder();
        for (Map.Entry<String, Object> e : r.metadata().entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            doc.add(new StringField(KEYS, key, Field.Store.NO));
            if (value instanceof String) {
                addString(doc, key, (String) value);
            } else if (value instanceof List) {
                for (Object element : (List<?>) value) {
                    addString(doc, key, (String) element);
                }
            } else if (value instanceof Boolean) {
                doc.add(new StringField(booleanField(key), value.toString(), Field.Store.NO));
            } else {
                doc.add(new DoublePoint(numberField(key), ((Number) value).doubleValue()));
            }
            encode(meta, key, value);
        }
        doc.add(new StoredField(STORED_META, meta.toString()));
        return doc;
    }

    private static void addString(Document doc, String key, String value) {
        doc.add(new StringField(stringField(key), value, Field.Store.NO));
        doc.add(new StringField(lowerField(key), value.toLowerCase(Locale.ROOT), Field.Store.NO));
    }

    /**
     * @param doc a stored document
     * @return the record it holds
     */
    public static VectorRecord toRecord(Document doc) {
        BytesRef vb = doc.getBinaryValue(STORED_VECTOR);
        float[] v = new float[vb.length / Float.BYTES];
        ByteBuffer.wrap(vb.bytes, vb.offset, vb.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        VectorRecord r = VectorRecord.of(doc.get(ID), v, doc.get(STORED_TEXT), decode(doc.get(STORED_META)));
        String tenant = doc.get(TENANT);
        return NO_TENANT.equals(tenant) ? r : r.withTenant(tenant);
    }

    // Metadata as text: per entry "<len>:key<type><len>:value", lists as "L<n>" then n strings.
    private static void encode(StringBuilder out, String key, Object value) {
        str(out, key);
        if (value instanceof String) {
            out.append('S');
            str(out, (String) value);
        } else if (value instanceof Long) {
            out.append('J');
            str(out, value.toString());
        } else if (value instanceof Double) {
            out.append('D');
            str(out, Long.toString(Double.doubleToRawLongBits((Double) value)));
        } else if (value instanceof Boolean) {
            out.append('Z');
            str(out, value.toString());
        } else {
            List<?> list = (List<?>) value;
            out.append('L').append(list.size()).append(':');
            for (Object o : list) {
                str(out, (String) o);
            }
        }
    }

    private static void str(StringBuilder out, String s) {
        out.append(s.length()).append(':').append(s);
    }

    private static Map<String, Object> decode(String s) {
        Map<String, Object> out = new LinkedHashMap<>();
        int[] pos = {0};
        while (pos[0] < s.length()) {
            String key = read(s, pos);
            char type = s.charAt(pos[0]++);
            switch (type) {
                case 'S':
                    out.put(key, read(s, pos));
                    break;
                case 'J':
                    out.put(key, Long.parseLong(read(s, pos)));
                    break;
                case 'D':
                    out.put(key, Double.longBitsToDouble(Long.parseLong(read(s, pos))));
                    break;
                case 'Z':
                    out.put(key, Boolean.parseBoolean(read(s, pos)));
                    break;
                default:
                    int colon = s.indexOf(':', pos[0]);
                    int n = Integer.parseInt(s.substring(pos[0], colon));
                    pos[0] = colon + 1;
                    List<String> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read(s, pos));
                    }
                    out.put(key, list);
                    break;
            }
        }
        return out;
    }

    private static String read(String s, int[] pos) {
        int colon = s.indexOf(':', pos[0]);
        int n = Integer.parseInt(s.substring(pos[0], colon));
        String value = s.substring(colon + 1, colon + 1 + n);
        pos[0] = colon + 1 + n;
        return value;
    }
}
