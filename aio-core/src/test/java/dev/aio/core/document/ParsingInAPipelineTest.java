package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.pipeline.DeadLetter;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.storage.PutOptions;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.testing.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bad objects are dead-lettered one by one, with their reason, and every good one still gets through. */
class ParsingInAPipelineTest {

    @Test
    void eachBadObjectFailsAloneWithItsReasonAndTheRunGoesOn() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.ensureBucket("docs");
        Map<String, byte[]> objects = new java.util.LinkedHashMap<>();
        objects.put("good/a.txt", "Alpha text.".getBytes(StandardCharsets.UTF_8));
        objects.put("bad/empty.txt", new byte[0]);
        objects.put("bad/binary.txt", new byte[] {'x', 0, 1, 2});
        objects.put("bad/latin1.md", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        objects.put("bad/deep.json", ("{\"text\":\"x\",\"n\":" + "[".repeat(70) + "]".repeat(70) + "}")
                .getBytes(StandardCharsets.UTF_8));
        objects.put("bad/slides.pptx", "x".getBytes(StandardCharsets.UTF_8));
        objects.put("good/b.md", "# B\nBeta text.".getBytes(StandardCharsets.UTF_8));
        objects.forEach((key, bytes) -> store.put("docs", key, bytes, PutOptions.defaults()));
        List<StoredObject> source = objects.keySet().stream()
                .map(key -> new StoredObject(store, store.stat("docs", key))).toList();

        ConcurrentLinkedQueue<Chunk> chunks = new ConcurrentLinkedQueue<>();
        RunReport report;
        try (Pipeline<StoredObject, Void> pipeline = Pipeline.from(StoredObject.class)
                .map("parse", Parsers.standard())
                .policy(StepPolicy.retry(3))
                .flatMap("chunk", Chunkers.characters(100, 10))
                .sink("collect", chunks::add)
                .build()) {
            report = pipeline.run(source);
        }

        assertThat(chunks).extracting(Chunk::text).containsExactlyInAnyOrder("Alpha text.", "# B\nBeta text.");
        assertThat(report.deadLetterCount()).isEqualTo(5);
        Map<String, String> reasons = report.deadLetters().stream().collect(Collectors.toMap(
                d -> ((StoredObject) d.item()).key(), d -> ((DocumentRejectedException) d.error()).reason().name()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("bad/empty.txt", "EMPTY", "bad/binary.txt",
                "BINARY", "bad/latin1.md", "INVALID_ENCODING", "bad/deep.json", "TOO_DEEP", "bad/slides.pptx",
                "UNSUPPORTED_TYPE"));
        for (DeadLetter d : report.deadLetters()) {
            assertThat(d.stage()).isEqualTo("parse");
            assertThat(d.attempts()).as("bad input is not retried").isEqualTo(1);
            assertThat(d.errorMessage()).contains("docs/" + ((StoredObject) d.item()).key());
        }
    }
}
