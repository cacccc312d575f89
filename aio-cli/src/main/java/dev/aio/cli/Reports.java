package dev.aio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.ObjectOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what the commands produce, as text for people or JSON for programs. */
final class Reports {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the command's output cannot be written as JSON", e);
        }
        out.flush();
    }

    static long deadLettered(IngestReport report) {
        return report.count(ObjectOutcome.Status.REJECTED) + report.count(ObjectOutcome.Status.FAILED);
    }

    static void printIngest(PrintWriter out, IngestReport report, Source src, boolean json) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (ObjectOutcome.Status status : ObjectOutcome.Status.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), report.count(status));
        }
        long chunks = report.objects().stream().filter(o -> o.status() == ObjectOutcome.Status.INGESTED
                || o.status() == ObjectOutcome.Status.UPDATED).mapToLong(ObjectOutcome::chunks).sum();
        List<Map<String, Object>> dead = new ArrayList<>();
        for (ObjectOutcome o : report.objects()) {
            if (o.status() == ObjectOutcome.Status.REJECTED || o.status() == ObjectOutcome.Status.FAILED) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("key", o.key());
                d.put("status", o.status().name());
                d.put("reason", o.detail());
                dead.add(d);
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", src.label());
            m.put("runId", report.runId());
            m.put("bucket", report.bucket());
            m.put("prefix", report.prefix());
            m.put("objects", report.objects().size());
            m.put("counts", counts);
            m.put("chunksWritten", chunks);
            m.put("deadLetters", dead);
            m.put("durationMillis", report.pipeline().duration().toMillis());
            printJson(out, m);
            return;
        }
        out.printf(Locale.ROOT, "Ingested %s: %d objects (ingested %d, updated %d, unchanged %d, deleted %d, "
                + "dead-lettered %d), %d chunks written in %.1f s%n", src.label(), report.objects().size(),
                report.count(ObjectOutcome.Status.INGESTED), report.count(ObjectOutcome.Status.UPDATED),
                report.count(ObjectOutcome.Status.UNCHANGED), report.count(ObjectOutcome.Status.DELETED),
                dead.size(), chunks, report.pipeline().duration().toMillis() / 1000.0);
        if (!dead.isEmpty()) {
            out.println("Dead letters:");
            for (Map<String, Object> d : dead) {
                out.println("  " + d.get("key") + " (" + d.get("status") + "): " + d.get("reason"));
            }
        }
        out.flush();
    }
}
