package dev.aio.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.vector.Filter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that adds, changes, rejects and deletes objects is crashed at each stage boundary in
 * turn (every ledger write, index write and embedding call); a clean re-run must then leave the
 * index holding exactly the chunks of the store's objects, none duplicated, none missing.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ledger")
    @ValueSource(strings = {"memory", "sqlite"})
    void aRerunAfterACrashAtAnyBoundaryConvergesToExactlyTheExpectedChunks(String kind) {
        Set<String> kinds = new TreeSet<>();
        int boundary = 1;
        while (true) {
            Supplier<Ledger> ledgers = kind.equals("memory") ? InMemoryLedger::new
                    : () -> JdbcLedger.sqlite(dir.resolve("ledger-" + System.nanoTime() + ".db"));
            IngestFixture f = new IngestFixture();
            Faults faults = new Faults();
            try (Ledger ledger = ledgers.get()) {
                Ingestor ingestor = Ingestor.builder().objectStore(f.store).parsers(f.parsers).chunker(f.chunker)
                        .embedder(faults.embedder(f.embedder)).vectorStore(faults.vectors(f.vectors))
                        .ledger(faults.ledger(ledger)).batchSize(4).concurrency(1).build();
                f.put("a.txt", "apples", 3);
                f.put("b.txt", "bananas", 4);
                f.put("c.md", "cherries", 2);
                f.put("d.txt", "dates", 1);
                ingestor.run(IngestFixture.BUCKET, "");

                f.put("b.txt", "blueberries", 2);
                f.store.delete(IngestFixture.BUCKET, "c.md");
                f.put("e.md", "elderberries", 3);
                f.store.put(IngestFixture.BUCKET, "x.json", "{\"text\": ".getBytes(StandardCharsets.UTF_8));
                faults.crashAt(boundary);
                try {
                    ingestor.run(IngestFixture.BUCKET, "");
                } catch (RuntimeException crashed) {
                    // the simulated process died here; the next run must clean up after it
                }
                int seen = faults.boundariesSeen();
                kinds.addAll(faults.names());
                faults.off();

                IngestReport rerun = ingestor.run(IngestFixture.BUCKET, "");
                String where = "crash at boundary " + boundary + " of kinds " + faults.names();
                assertThat(f.vectors.ids()).as(where).isEqualTo(f.expectedIds(ingestor));
                assertThat(ledger.list(f.store.name(), IngestFixture.BUCKET, "")).as(where)
                        .allSatisfy(e -> {
                            assertThat(e.hasLeftovers()).isFalse();
                            assertThat(f.vectors.count(Filter.eq(Lineage.KEY, e.key())))
                                    .isEqualTo(e.chunkIds().size());
                        })
                        .extracting(LedgerEntry::key).containsExactly("a.txt", "b.txt", "d.txt", "e.md", "x.json");
                assertThat(rerun.outcome("x.json")).as(where).isPresent();
                if (seen < boundary) {
                    break; // the crash point lies beyond the run: every boundary has been tried
                }
            }
            boundary++;
        }
        assertThat(boundary).as("boundaries in the crashed run").isGreaterThan(10);
        assertThat(kinds).containsExactlyInAnyOrder("embed", "ledger.put", "ledger.remove", "vectors.upsert",
                "vectors.delete");
    }
}
