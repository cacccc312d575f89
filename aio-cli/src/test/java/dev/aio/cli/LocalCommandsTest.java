package dev.aio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands over a local folder, run in-process against a real store: Lucene, SQLite and the
 * MiniLM embedder. The tests share one store, ingested once, and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path docs;
    static Cli cli;

    @BeforeAll
    static void writeDocuments() throws Exception {
        docs = Files.createDirectories(tmp.resolve("Team Docs"));
        Files.writeString(docs.resolve("kettles.md"), "# Kettles\n\nThe office kettle is descaled every Friday "
                + "with citric acid by whoever made the last cup of tea.\n");
        Files.writeString(docs.resolve("bikes.md"), "# Bicycles\n\nBicycles are parked in the basement rack; "
                + "the rack code changes on the first Monday of each month.\n");
        cli = new Cli(tmp.resolve("store"), Map.of());
    }

    @Test
    @Order(1)
    void ingestsAFolderAndASecondRunProcessesNothing() throws Exception {
        Cli.Result first = cli.run("ingest", docs.toString());
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("2 objects (ingested 2, updated 0, unchanged 0");

        Cli.Result second = cli.run("ingest", docs.toString(), "--json");
        assertThat(second.code()).as(second.toString()).isZero();
        JsonNode report = json(second.out());
        assertThat(report.path("counts").path("unchanged").asLong()).isEqualTo(2);
        assertThat(report.path("counts").path("ingested").asLong()).isZero();
        assertThat(report.path("chunksWritten").asLong()).isZero();
        assertThat(report.path("bucket").asText()).isEqualTo("team-docs");
    }

    @Test
    @Order(2)
    void searchFindsTheRightDocumentAndAFilterKeepsOnlyWhatItNames() throws Exception {
        Cli.Result plain = cli.run("search", "when is the kettle descaled", "-k", "2", "--json");
        assertThat(plain.code()).as(plain.toString()).isZero();
        assertThat(json(plain.out()).path("hits").get(0).path("key").asText()).isEqualTo("kettles.md");

        Cli.Result filtered = cli.run("search", "when is the kettle descaled", "--filter", "key == 'bikes.md'",
                "--json");
        assertThat(filtered.code()).as(filtered.toString()).isZero();
        JsonNode hits = json(filtered.out()).path("hits");
        assertThat(hits.size()).isPositive();
        hits.forEach(h -> assertThat(h.path("key").asText()).isEqualTo("bikes.md"));
    }

    @Test
    @Order(3)
    void aBadFilterExpressionIsAClearError() {
        Cli.Result r = cli.run("search", "kettle", "--filter", "key == ");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("aio: bad --filter expression:").doesNotContain("\tat ");
    }

    @Test
    @Order(4)
    void askAnswersExtractivelyWithCitationsToObjectVersions() throws Exception {
        Cli.Result r = cli.run("ask", "What is the code of the bicycle rack?");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("No language model is configured").contains("Citations:")
                .containsPattern("\\[1] team-docs/bikes\\.md@[0-9a-f]{32} \\[chars \\d+-\\d+]");

        JsonNode answer = json(cli.run("ask", "What is the code of the bicycle rack?", "--json").out());
        assertThat(answer.path("extractive").asBoolean()).isTrue();
        assertThat(answer.path("citations").get(0).path("location").asText()).startsWith("team-docs/bikes.md@");
    }

    @Test
    @Order(5)
    void embedPrintsOneArrayOf384FloatsPerText() throws Exception {
        Cli.Result r = cli.run("embed", "first text", "second text");
        assertThat(r.code()).as(r.toString()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode vector = JSON.readTree(line);
            assertThat(vector.isArray()).isTrue();
            assertThat(vector.size()).isEqualTo(384);
            assertThat(vector.get(0).isNumber()).isTrue();
        }
        assertThat(lines[0]).isNotEqualTo(lines[1]);
    }

    @Test
    @Order(6)
    void statsCountsDocumentsChunksAndLedgerEntries() throws Exception {
        JsonNode stats = json(cli.run("stats", "--json").out());
        assertThat(stats.path("documents").asLong()).isEqualTo(2);
        assertThat(stats.path("ledgerEntries").asLong()).isEqualTo(2);
        assertThat(stats.path("chunks").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.path("fingerprint").asText()).matches("[0-9a-f]{64}");

        Cli.Result text = cli.run("stats");
        assertThat(text.out()).contains("documents: 2").contains("ledgerEntries: 2");
    }

    @Test
    @Order(7)
    void describeDrawsTheIngestAndQueryPipelines() throws Exception {
        Cli.Result r = cli.run("describe");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("%% ingest pipeline").contains("%% query pipeline")
                .contains("parse[").contains("embed[").contains("LuceneVectorStore");
        JsonNode diagrams = json(cli.run("describe", "--json").out());
        assertThat(diagrams.path("ingest").asText()).startsWith("flowchart LR");
        assertThat(diagrams.path("query").asText()).startsWith("flowchart LR");
    }

    @Test
    @Order(8)
    void aBadFileIsDeadLetteredWithItsReasonAndExitCode2() throws Exception {
        Files.write(docs.resolve("broken.md"), new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        Cli.Result r = cli.run("ingest", docs.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.DEAD_LETTERS);
        assertThat(r.out()).contains("dead-lettered 1").contains("Dead letters:").contains("broken.md (REJECTED): ")
                .contains("unchanged 2");

        JsonNode again = json(cli.run("ingest", docs.toString(), "--json").out());
        assertThat(again.path("deadLetters").size()).isZero(); // recorded as rejected: not retried until it changes
        Files.delete(docs.resolve("broken.md"));
    }

    @Test
    @Order(9)
    void watchOncePicksUpANewFile() throws Exception {
        Files.writeString(docs.resolve("plants.md"), "# Plants\n\nThe ferns on the third floor are watered on "
                + "Wednesdays.\n");
        Cli.Result r = cli.run("watch", docs.toString(), "--once", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(json(r.out()).path("counts").path("ingested").asLong()).isEqualTo(1);
        assertThat(json(cli.run("search", "ferns", "-k", "1", "--json").out()).path("hits").get(0).path("key").asText())
                .isEqualTo("plants.md");
    }

    @Test
    @Order(10)
    void aStoreHeldByAnotherProcessIsAClearError() throws Exception {
        Path store = tmp.resolve("store");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), store.resolve(Workspace.LOCK_FILE).toString()).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("locked true");
            Cli.Result r = cli.run("stats");
            assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).contains("aio: the store directory " + store.toAbsolutePath())
                    .contains("is in use by another process");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(cli.run("stats").code()).isZero(); // released with the other process
    }

    @Test
    @Order(11)
    void aMissingSourceAndAnUnknownCommandFailWithExitCode1() {
        Cli.Result missing = cli.run("ingest", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no such file or folder");
        assertThat(cli.run("frobnicate").code()).isEqualTo(ExitCodes.FAILURE);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
