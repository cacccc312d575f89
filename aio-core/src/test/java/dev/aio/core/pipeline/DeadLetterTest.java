package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.testing.ManualTimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stage gives up on is recorded, with everything needed to replay it, and never lost. */
class DeadLetterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ManualTimeSource clock = new ManualTimeSource();

    record Order(String id, int quantity) {
    }

    /** Jackson cannot write it: it refers to itself. */
    static final class Cyclic {
        public Cyclic getSelf() {
            return this;
        }

        @Override
        public String toString() {
            return "cyclic#7";
        }
    }

    /** Has no bean properties: Jackson would write it as {}, losing which item it was. */
    static final class Ticket {
        private final int number;

        Ticket(int number) {
            this.number = number;
        }

        @Override
        public String toString() {
            return "ticket#" + number;
        }
    }

    private List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private Pipeline<Object, Object> rejectingEverything(JsonLinesDeadLetterSink sink) {
        return Pipeline.from(Object.class)
                .map("validate", item -> {
                    throw new NonRetriableException("invalid item " + item);
                })
                .deadLetters(sink)
                .timeSource(clock)
                .build();
    }

    @Test
    void theJsonLinesSinkWritesOneObjectPerLineWithEveryField() throws Exception {
        Path file = dir.resolve("dead/letters.jsonl");
        RunReport report;
        try (JsonLinesDeadLetterSink sink = JsonLinesDeadLetterSink.open(file);
                Pipeline<Object, Object> pipeline = rejectingEverything(sink)) {
            assertThat(sink.file()).isEqualTo(file);
            report = pipeline.run(List.of(new Order("o-1", 3), Map.of("k", 1)));
        }
        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = lines.get(0);
        assertThat(first.get("runId").asText()).isEqualTo(report.runId());
        assertThat(first.get("stage").asText()).isEqualTo("validate");
        assertThat(first.get("errorClass").asText()).isEqualTo(NonRetriableException.class.getName());
        assertThat(first.get("errorMessage").asText()).isEqualTo("invalid item Order[id=o-1, quantity=3]");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.get("item")).isEqualTo(JSON.readTree("{\"id\":\"o-1\",\"quantity\":3}"));
        assertThat(lines.get(1).get("item")).isEqualTo(JSON.readTree("{\"k\":1}"));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("runId", "stage", "errorClass", "errorMessage", "attempts", "time", "item");
    }

    @Test
    void anItemJacksonCannotWriteIsRecordedAsItsToString() throws Exception {
        Path file = dir.resolve("letters.jsonl");
        try (JsonLinesDeadLetterSink sink = JsonLinesDeadLetterSink.open(file);
                Pipeline<Object, Object> pipeline = rejectingEverything(sink)) {
            pipeline.run(List.of(new Cyclic()));
        }
        assertThat(lines(file)).singleElement().satisfies(line ->
                assertThat(line.get("item").asText()).isEqualTo("cyclic#7"));
    }

    @Test
    void anItemWithNoJsonPropertiesIsRecordedAsItsToStringNotAsAnEmptyObject() throws Exception {
        Path file = dir.resolve("letters.jsonl");
        try (JsonLinesDeadLetterSink sink = JsonLinesDeadLetterSink.open(file);
                Pipeline<Object, Object> pipeline = rejectingEverything(sink)) {
            pipeline.run(List.of(new Ticket(42)));
        }
        assertThat(lines(file)).singleElement().satisfies(line ->
                assertThat(line.get("item").toString()).as("which item failed must be readable")
                        .contains("ticket#42"));
    }

    @Test
    void theSinkAppendsToAnExistingFile() throws Exception {
        Path file = dir.resolve("letters.jsonl");
        for (int run = 0; run < 2; run++) {
            try (JsonLinesDeadLetterSink sink = JsonLinesDeadLetterSink.open(file);
                    Pipeline<Object, Object> pipeline = rejectingEverything(sink)) {
                pipeline.run(List.of("run-" + run));
            }
        }
        assertThat(lines(file)).extracting(l -> l.get("item").asText()).containsExactly("run-0", "run-1");
    }

    @Test
    void concurrentWritesProduceWholeLines() throws Exception {
        Path file = dir.resolve("letters.jsonl");
        int threads = 8;
        int perThread = 250;
        String padding = "x".repeat(2_000);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (JsonLinesDeadLetterSink sink = JsonLinesDeadLetterSink.open(file)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        sink.accept(new DeadLetter("run", "stage", Map.of("id", id, "pad", padding),
                                "E", "message " + id, 1, Instant.EPOCH, null));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<JsonNode> lines = lines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> ids = new HashSet<>();
        for (JsonNode line : lines) {
            ids.add(line.get("item").get("id").asText());
            assertThat(line.get("item").get("pad").asText()).hasSize(2_000);
        }
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void aSinkThatThrowsStopsTheRunWithAReportThatStillAccountsForItems() {
        AtomicInteger processed = new AtomicInteger();
        List<Integer> items = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            items.add(i);
        }
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("check", i -> {
                    processed.incrementAndGet();
                    if (i == 3) {
                        throw new NonRetriableException("three is bad");
                    }
                    return i;
                })
                .sink("store", i -> { })
                .deadLetters(letter -> {
                    throw new IOException("dead-letter disk full");
                })
                .build()) {
            PipelineFailedException failed = catchThrowableOfType(PipelineFailedException.class,
                    () -> pipeline.run(items));
            assertThat(failed).as("the run fails").isNotNull();
            assertThat(failed).hasMessageContaining("dead-letter sink").hasMessageContaining("'check'")
                    .hasMessageContaining("dead-letter disk full");
            assertThat(failed.getCause()).isInstanceOf(IOException.class);
            RunReport report = failed.report();
            assertThat(report.status()).isEqualTo(RunStatus.FAILED);
            assertThat(report.failureCause()).containsInstanceOf(IOException.class);
            assertThat(report.deadLetterCount()).isEqualTo(1);
            assertThat(report.deadLetters()).extracting(DeadLetter::item).containsExactly(3);
            StageReport check = report.stage("check");
            assertThat(check.in()).isEqualTo(processed.get()).isEqualTo(3);
            assertThat(check.out()).isEqualTo(2);
            assertThat(check.deadLettered()).isEqualTo(1);
            assertThat(check.unfinished()).isZero();
            assertThat(report.stage("store").out()).isEqualTo(2);
            assertThat(report.read()).isBetween(3L, 10L);
            assertThat(report.done()).isEqualTo(3);
        }
    }

    @Test
    void deadLettersAreKeptInTheReportAndEveryStageAccountsForEveryItem() {
        List<Integer> items = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            items.add(i);
        }
        try (Pipeline<Integer, Void> pipeline = Pipeline.from(Integer.class)
                .map("parse", i -> {
                    if (i % 7 == 0) {
                        throw new NonRetriableException("sevens are corrupt: " + i);
                    }
                    return i;
                })
                .filter("even", i -> i % 2 == 0)
                .flatMap("split", i -> {
                    if (i % 10 == 0) {
                        throw new RetriableException("tens time out: " + i);
                    }
                    return List.of(i, -i);
                }).policy(StepPolicy.retry(2))
                .batch("group", 4, Duration.ofHours(1))
                .map("embed", batch -> {
                    if (batch.contains(-4)) {
                        throw new IllegalArgumentException("the batch holding -4 is rejected");
                    }
                    return batch;
                })
                .unbatch("each")
                .sink("store", i -> { })
                .timeSource(clock)
                .build()) {
            RunReport report = pipeline.run(items);
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.read()).isEqualTo(60);
            assertThat(report.done()).isEqualTo(60);
            for (StageReport stage : report.stages()) {
                assertThat(stage.in()).as("in = out + filtered + deadLettered for %s", stage)
                        .isEqualTo(stage.out() + stage.filtered() + stage.deadLettered());
            }
            assertThat(report.stage("parse").deadLettered()).isEqualTo(8);
            assertThat(report.stage("even").filtered()).isEqualTo(26);
            assertThat(report.stage("split").deadLettered()).isEqualTo(6);
            assertThat(report.stage("split").retries()).isEqualTo(6);
            assertThat(report.stage("embed").deadLettered()).isEqualTo(1);
            assertThat(report.deadLetterCount()).isEqualTo(15);
            assertThat(report.deadLetters()).hasSize(15);
            assertThat(report.deadLetters()).filteredOn(d -> d.stage().equals("parse")).extracting(DeadLetter::item)
                    .containsExactlyInAnyOrder(7, 14, 21, 28, 35, 42, 49, 56);
            assertThat(report.deadLetters()).filteredOn(d -> d.stage().equals("split"))
                    .allSatisfy(d -> assertThat(d.attempts()).isEqualTo(2))
                    .extracting(DeadLetter::item).containsExactlyInAnyOrder(10, 20, 30, 40, 50, 60);
            assertThat(report.deadLetters()).filteredOn(d -> d.stage().equals("embed"))
                    .singleElement().satisfies(d -> {
                        assertThat(d.item()).isEqualTo(List.of(2, -2, 4, -4));
                        assertThat(d.errorClass()).isEqualTo(IllegalArgumentException.class.getName());
                        assertThat(d.error()).isInstanceOf(IllegalArgumentException.class);
                    });
            assertThat(report.isClean()).isFalse();
        }
    }

    @Test
    void aNullFromTheSourceIsDeadLetteredNotDropped() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class).map("upper", String::toUpperCase)
                .build()) {
            RunReport report = pipeline.run(Arrays.asList("a", null, "b"));
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.read()).isEqualTo(3);
            assertThat(report.done()).isEqualTo(3);
            assertThat(report.stage("upper").out()).isEqualTo(2);
            assertThat(report.deadLetterCount()).isEqualTo(1);
            assertThat(report.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.stage()).isEqualTo("source");
                assertThat(d.errorMessage()).contains("null item at position 1");
            });
        }
    }

    @Test
    void aReportKeepsTheFirstThousandDeadLettersButCountsThemAll() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < RunReport.MAX_KEPT_DEAD_LETTERS + 50; i++) {
            items.add(i);
        }
        AtomicInteger sunk = new AtomicInteger();
        try (Pipeline<Integer, Object> pipeline = Pipeline.from(Integer.class)
                .map("reject", i -> {
                    throw new NonRetriableException("no");
                })
                .deadLetters(letter -> sunk.incrementAndGet())
                .build()) {
            RunReport report = pipeline.run(items);
            assertThat(report.deadLetterCount()).isEqualTo(items.size());
            assertThat(report.deadLetters()).hasSize(RunReport.MAX_KEPT_DEAD_LETTERS);
            assertThat(sunk).as("the sink sees every one").hasValue(items.size());
            assertThat(report.stage("reject").deadLettered()).isEqualTo(items.size());
        }
    }
}
