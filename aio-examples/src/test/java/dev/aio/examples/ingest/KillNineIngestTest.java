package dev.aio.examples.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.ChunkIds;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.vector.VectorRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ingests a folder (adding, changing and deleting objects against an earlier run)
 * into Lucene with a SQLite ledger and is killed with SIGKILL in the middle of the run; a re-run
 * in this JVM must leave exactly the expected chunks, checked against the folder itself.
 */
class KillNineIngestTest {

    @TempDir
    Path root;

    private static void put(DurableSetup s, String key, String topic, int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < paragraphs; i++) {
            text.append("Paragraph ").append(i).append(" of ").append(topic)
                    .append(" tells of rivers, hills and the weather in the valley below.\n\n");
        }
        s.store.put(DurableSetup.BUCKET, key, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRunKilledWithSigkillThenRunAgainLeavesExactlyTheExpectedChunks() throws Exception {
        try (DurableSetup s = new DurableSetup(root)) {
            s.store.ensureBucket(DurableSetup.BUCKET);
            for (int i = 0; i < 20; i++) {
                put(s, "doc-" + i + ".txt", "topic " + i, 2 + i % 4);
            }
            s.ingestor(s.index).run(DurableSetup.BUCKET, "");
            for (int i = 0; i < 20; i += 2) {
                put(s, "doc-" + i + ".txt", "changed topic " + i, 1 + i % 3);
            }
            for (int i = 1; i < 10; i += 2) {
                s.store.delete(DurableSetup.BUCKET, "doc-" + i + ".txt");
            }
            for (int i = 20; i < 30; i++) {
                put(s, "doc-" + i + ".txt", "new topic " + i, 3);
            }
        }

        List<String> output = killMidRun(8);
        assertThat(output).as("the child was killed before it finished").doesNotContain("FINISHED");

        try (DurableSetup s = new DurableSetup(root)) {
            Ingestor ingestor = s.ingestor(s.index);
            IngestReport rerun = ingestor.run(DurableSetup.BUCKET, "");
            assertThat(rerun.isClean()).as(rerun.toString()).isTrue();

            Set<String> expected = expectedIds(s, ingestor);
            assertThat(s.index.count()).isEqualTo(expected.size());
            List<VectorRecord> found = s.index.get(expected);
            Set<String> foundIds = found.stream().map(VectorRecord::id).collect(Collectors.toCollection(TreeSet::new));
            assertThat(foundIds).isEqualTo(expected);
            assertThat(s.ledger.list(s.store.name(), DurableSetup.BUCKET, ""))
                    .allSatisfy(e -> assertThat(e.hasLeftovers()).isFalse()).hasSize(25);
        }
    }

    private List<String> killMidRun(int writesBeforeKill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IngestChild.class.getName(), root.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            int writes = 0;
            String line;
            while (writes < writesBeforeKill && (line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("WROTE ")) {
                    writes++;
                }
            }
            assertThat(writes).as("the child wrote to the index; its output:%n%s", String.join("\n", lines))
                    .isEqualTo(writesBeforeKill);
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        return lines;
    }

    private static Set<String> expectedIds(DurableSetup s, Ingestor ingestor) {
        Parsers parsers = Parsers.builder().addCoreParsers().build();
        Set<String> ids = new TreeSet<>();
        for (ObjectInfo info : s.store.list(DurableSetup.BUCKET, "").toList()) {
            List<Chunk> chunks = Chunkers.characters(200, 0).chunk(parsers.parse(new StoredObject(s.store, info)));
            String version = info.versionId() != null ? info.versionId() : info.etag();
            for (Chunk c : chunks) {
                ids.add(ChunkIds.chunk(s.store.name(), DurableSetup.BUCKET, info.key(), version,
                        ingestor.fingerprint(info), c.index()));
            }
        }
        return ids;
    }
}
