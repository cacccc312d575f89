package dev.aio.core.pipeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aio.core.pipeline.Describable;
import dev.aio.core.pipeline.StageKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a pipeline definition as JSON (its spec), as a SHA-256 fingerprint of the canonical
 * spec, and as a Mermaid flowchart. Only what shapes the output is in the spec: the runtime
 * attachments (listeners, executor, time source, dead-letter sink) are not.
 */
public final class SpecRenderer {

    /** Keeps the spec's own order (name first) for people; the fingerprint sorts keys. */
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SpecRenderer() {
    }

    /** The spec as a tree of maps and lists, in pipeline order. */
    public static Map<String, Object> specTree(PipelineDef def) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("pipeline", def.name());
        spec.put("input", def.inputType().getName());
        spec.put("failFast", def.failFast());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageDef stage : def.stages()) {
            stages.add(stageSpec(stage));
        }
        spec.put("stages", stages);
        return spec;
    }

    private static Map<String, Object> stageSpec(StageDef stage) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", stage.name);
        s.put("kind", stage.kind.name().toLowerCase(Locale.ROOT));
        if (stage.kind == StageKind.BATCH) {
            s.put("batchSize", stage.batchSize);
            s.put("maxWaitMillis", stage.batchMaxWait.toMillis());
        } else {
            s.put("concurrency", stage.effectiveConcurrency());
            s.put("ordered", stage.effectiveOrdered());
            s.put("io", stage.io);
        }
        if (stage.queueCapacity != 0) {
            s.put("queueCapacity", stage.queueCapacity);
        }
        if (stage.policy != null) {
            s.put("policy", stage.policy.toSpec());
        }
        if (stage.cacheSpec != null) {
            s.put("cache", stage.cacheSpec.toSpec());
        }
        if (stage.fn instanceof Describable) {
            s.put("function", ((Describable) stage.fn).describe());
        }
        return s;
    }

    /**
     * The spec as indented JSON with keys in a fixed order.
     *
     * @throws IllegalArgumentException if a {@link Describable} function's description is not JSON
     */
    public static String json(PipelineDef def) {
        try {
            return PRETTY.writeValueAsString(specTree(def));
        } catch (JsonProcessingException e) {
            throw notJson(def, e);
        }
    }

    /** The SHA-256 of the canonical (compact, key-ordered) spec, as 64 hex digits. */
    public static String fingerprint(PipelineDef def) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(specTree(def)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw notJson(def, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }

    private static IllegalArgumentException notJson(PipelineDef def, JsonProcessingException e) {
        return new IllegalArgumentException("pipeline '" + def.name() + "': a stage function's describe() returned "
                + "something Jackson cannot write as JSON; return maps, lists, strings, numbers or records", e);
    }

    /** The pipeline as a Mermaid flowchart, left to right, one node per stage. */
    public static String mermaid(PipelineDef def) {
        StringBuilder m = new StringBuilder("flowchart LR\n");
        m.append("  source([\"").append(escape(def.inputType().getSimpleName())).append("\"])\n");
        String previous = "source";
        int index = 0;
        for (StageDef stage : def.stages()) {
            String id = "s" + index++;
            String label = escape(stage.name) + "<br/><small>" + escape(details(stage)) + "</small>";
            m.append("  ").append(id).append(shape(stage.kind, label)).append('\n');
            m.append("  ").append(previous).append(" --> ").append(id).append('\n');
            previous = id;
        }
        return m.toString();
    }

    private static String details(StageDef stage) {
        List<String> parts = new ArrayList<>();
        parts.add(stage.kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (stage.kind == StageKind.BATCH) {
            parts.add(stage.batchSize + " / " + stage.batchMaxWait.toMillis() + " ms");
        }
        if (stage.effectiveConcurrency() > 1) {
            parts.add("x" + stage.effectiveConcurrency() + (stage.effectiveOrdered() ? "" : " unordered"));
        }
        if (stage.io) {
            parts.add("io");
        }
        if (stage.policy != null && !stage.policy.isNone()) {
            parts.add(stage.policy.toString());
        }
        if (stage.cacheSpec != null) {
            parts.add("cached");
        }
        return String.join(" · ", parts);
    }

    private static String shape(StageKind kind, String label) {
        String quoted = "\"" + label + "\"";
        switch (kind) {
            case FILTER:
                return "{" + quoted + "}";
            case BATCH:
            case UNBATCH:
                return "[[" + quoted + "]]";
            case SINK:
                return "[(" + quoted + ")]";
            case PEEK:
                return "([" + quoted + "])";
            default:
                return "[" + quoted + "]";
        }
    }

    /** Mermaid labels are quoted; quotes, angle brackets and ampersands need its entity codes. */
    private static String escape(String text) {
        return text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
