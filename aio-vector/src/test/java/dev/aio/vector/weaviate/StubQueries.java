package dev.aio.vector.weaviate;

import dev.aio.vector.weaviate.StubGraphQl.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Answers GraphQL {@code Get} and {@code Aggregate} queries for {@link WeaviateStubServer}. */
final class StubQueries {

    // Weaviate's QUERY_DEFAULTS_LIMIT.
    private static final int DEFAULT_LIMIT = 10;

    private final WeaviateStubServer server;

    StubQueries(WeaviateStubServer server) {
        this.server = server;
    }

    /** One candidate object with its scores. */
    private record Hit(String id, StubClass.StubObject object, double distance, double score) {
    }

    Map<String, Object> run(String query) {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            for (Field top : StubGraphQl.parse(query)) {
                Map<String, Object> byClass = new LinkedHashMap<>();
                for (Field cls : top.selection()) {
                    byClass.put(cls.name(), top.name().equals("Get") ? get(cls) : aggregate(cls));
                }
                data.put(top.name(), byClass);
            }
        } catch (StubWhere.Refused | IllegalArgumentException e) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", null);
            out.put("errors", List.of(Map.of("message", e.getMessage())));
            return out;
        }
        return Map.of("data", data);
    }

    private List<Hit> select(Field cls) {
        StubClass c = server.classNamed(cls.name());
        if (c == null) {
            throw new StubWhere.Refused("Cannot query field \"" + cls.name() + "\" on type \"GetObjectsObj\".");
        }
        String tenant = (String) cls.args().get("tenant");
        String problem = c.checkTenant(tenant);
        if (problem != null) {
            throw new StubWhere.Refused(problem);
        }
        StubWhere where = c.where(server.version());
        @SuppressWarnings("unchecked")
        Map<String, Object> filter = (Map<String, Object>) cls.args().get("where");
        List<Hit> hits = new ArrayList<>();
        c.objects.getOrDefault(tenant == null ? "" : tenant, Map.of()).forEach((id, o) -> {
            if (filter == null || where.test(filter, id, o.properties())) {
                hits.add(new Hit(id, o, Double.NaN, Double.NaN));
            }
        });
        return hits;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> get(Field cls) {
        StubClass c = server.classNamed(cls.name());
        List<Hit> hits = select(cls);
        Map<String, Object> near = (Map<String, Object>) cls.args().get("nearVector");
        Map<String, Object> hybrid = (Map<String, Object>) cls.args().get("hybrid");
        if (near != null) {
            float[] q = floats((List<Object>) near.get("vector"));
            List<Hit> scored = new ArrayList<>();
            for (Hit h : hits) {
                double d = distance(c.distance(), q, h.object().vector());
                Object max = near.get("distance");
                if (max == null || d <= ((Number) max).doubleValue()) {
                    scored.add(new Hit(h.id(), h.object(), d, Double.NaN));
                }
            }
            scored.sort(Comparator.comparingDouble(Hit::distance));
            hits = scored;
        } else if (hybrid != null) {
            hits = hybrid(c, hits, hybrid);
        }
        int limit = cls.args().containsKey("limit") ? ((Number) cls.args().get("limit")).intValue() : DEFAULT_LIMIT;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
            out.add(render(cls, h));
        }
        return out;
    }

    private static Map<String, Object> render(Field cls, Hit h) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (Field f : cls.selection()) {
            if (!f.name().equals("_additional")) {
                o.put(f.name(), h.object().properties().get(f.name()));
                continue;
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            for (Field a : f.selection()) {
                switch (a.name()) {
                    case "id":
                        extra.put("id", h.id());
                        break;
                    case "distance":
                        extra.put("distance", (float) h.distance());
                        break;
                    case "score":
                        // Weaviate returns hybrid scores as strings.
                        extra.put("score", Float.toString((float) h.score()));
                        break;
                    case "vector":
                        List<Float> v = new ArrayList<>();
                        for (float x : h.object().vector()) {
                            v.add(x);
                        }
                        extra.put("vector", v);
                        break;
                    default:
                        throw new StubWhere.Refused("Cannot query field \"" + a.name() + "\" on type \"AdditionalProps\".");
                }
            }
            o.put("_additional", extra);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private List<Hit> hybrid(StubClass c, List<Hit> candidates, Map<String, Object> h) {
        double alpha = h.containsKey("alpha") ? ((Number) h.get("alpha")).doubleValue() : 0.75;
        float[] q = floats((List<Object>) h.get("vector"));
        Set<String> words = words((String) h.get("query"));
        List<String> props = (List<String>) h.getOrDefault("properties", List.of("text"));
        Map<String, Double> vector = new LinkedHashMap<>();
        Map<String, Double> keyword = new LinkedHashMap<>();
        Map<String, Hit> byId = new LinkedHashMap<>();
        for (Hit x : candidates) {
            byId.put(x.id(), x);
            vector.put(x.id(), -distance(c.distance(), q, x.object().vector()));
            Set<String> have = new HashSet<>();
            props.forEach(p -> have.addAll(words(String.valueOf(x.object().properties().getOrDefault(p, "")))));
            long n = words.stream().filter(have::contains).count();
            if (n > 0) {
                keyword.put(x.id(), (double) n);
            }
        }
        boolean ranked = "rankedFusion".equals(h.get("fusionType"));
        Map<String, Double> fused = new LinkedHashMap<>();
        add(fused, vector, alpha, ranked);
        add(fused, keyword, 1 - alpha, ranked);
        List<Hit> out = new ArrayList<>();
        fused.forEach((id, s) -> out.add(new Hit(id, byId.get(id).object(), Double.NaN, s)));
        out.sort(Comparator.comparingDouble(Hit::score).reversed());
        return out;
    }

    private static void add(Map<String, Double> fused, Map<String, Double> scores, double weight, boolean ranked) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double max = sorted.isEmpty() ? 0 : sorted.get(0).getValue();
        double min = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).getValue();
        for (int rank = 0; rank < sorted.size(); rank++) {
            Map.Entry<String, Double> e = sorted.get(rank);
            double part = ranked ? 1.0 / (60 + rank + 1) : max == min ? 1 : (e.getValue() - min) / (max - min);
            fused.merge(e.getKey(), weight * part, Double::sum);
        }
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private List<Map<String, Object>> aggregate(Field cls) {
        int count = select(cls).size();
        // Weaviate answers a list of groups; without groupBy there is one.
        return List.of(Map.of("meta", Map.of("count", count)));
    }

    private static float[] floats(List<Object> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) list.get(i)).floatValue();
        }
        return out;
    }

    // Weaviate's distances: cosine is 1 - cos, dot is the negative dot product; float32 like Weaviate.
    private static double distance(String metric, float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return (float) (metric.equals("dot") ? -dot : 1 - dot / Math.sqrt(na * nb));
    }
}
