package dev.aio.cli;

import dev.aio.core.ingest.Lineage;
import dev.aio.core.vector.SearchHit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders search hits with their lineage: {@code bucket/key@version} and the characters. */
final class Hits {

    private static final int SNIPPET = 200;

    private Hits() {
    }

    static String location(Map<String, Object> meta) {
        Object version = meta.get(Lineage.VERSION_ID) != null ? meta.get(Lineage.VERSION_ID) : meta.get(Lineage.ETAG);
        return meta.get(Lineage.BUCKET) + "/" + meta.get(Lineage.KEY) + "@" + version;
    }

    static Map<String, Object> toMap(int rank, SearchHit hit) {
        Map<String, Object> meta = hit.record().metadata();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("score", hit.score());
        m.put("location", location(meta));
        m.put("store", meta.get(Lineage.STORE));
        m.put("bucket", meta.get(Lineage.BUCKET));
        m.put("key", meta.get(Lineage.KEY));
        m.put("versionId", meta.get(Lineage.VERSION_ID));
        m.put("etag", meta.get(Lineage.ETAG));
        m.put("start", meta.get(Lineage.START));
        m.put("end", meta.get(Lineage.END));
        m.put("chunkId", hit.record().id());
        m.put("text", hit.record().text());
        return m;
    }

    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
