package dev.aio.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcLedgerTest {

    @TempDir
    Path dir;

    private static LedgerEntry entry(String key, String etag, List<String> ids) {
        return new LedgerEntry("fs", "docs", key, LedgerEntry.Status.INGESTED, null, etag, "fp", ids, List.of("p1"),
                List.of(), "00A1", "run-1", Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void anEntryWrittenIsReadBackWholeAfterReopening() {
        LedgerEntry written = entry("a/ü.txt", "e1", List.of("c1", "c2"));
        try (JdbcLedger ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"))) {
            ledger.put(written);
        }
        try (JdbcLedger ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"))) {
            assertThat(ledger.get("fs", "docs", "a/ü.txt")).contains(written);
            assertThat(ledger.get("fs", "docs", "a/other")).isEmpty();
            assertThat(ledger.get("s3", "docs", "a/ü.txt")).isEmpty();
        }
    }

    @Test
    void putReplacesAndRemoveForgets() {
        try (JdbcLedger ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"))) {
            ledger.put(entry("k", "e1", List.of("c1")));
            ledger.put(entry("k", "e2", List.of()));
            assertThat(ledger.get("fs", "docs", "k")).get().extracting(LedgerEntry::etag, LedgerEntry::chunkIds)
                    .containsExactly("e2", List.of());
            assertThat(ledger.remove("fs", "docs", "k")).isTrue();
            assertThat(ledger.remove("fs", "docs", "k")).isFalse();
            assertThat(ledger.get("fs", "docs", "k")).isEmpty();
        }
    }

    @Test
    void listingAPrefixReturnsThatPrefixOnlyInKeyOrder() {
        try (JdbcLedger ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"))) {
            for (String key : List.of("b/2", "a/1", "a/", "a0", "a/0", "ab", "A/1")) {
                ledger.put(entry(key, "e", List.of()));
            }
            assertThat(ledger.list("fs", "docs", "a/")).extracting(LedgerEntry::key).containsExactly("a/", "a/0", "a/1");
            assertThat(ledger.list("fs", "docs", "")).hasSize(7);
            assertThat(ledger.list("fs", "other", "")).isEmpty();
        }
    }

    @Test
    void aLedgerWrittenByANewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("ledger.db");
        JdbcLedger.sqlite(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("UPDATE aio_ledger_meta SET value = '99' WHERE name = 'schema_version'");
        }
        assertThatThrownBy(() -> JdbcLedger.sqlite(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void theDatabaseRunsInWalModeWithFullSync() throws Exception {
        Path file = dir.resolve("ledger.db");
        JdbcLedger.sqlite(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aClosedLedgerRefusesWork() {
        JdbcLedger ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"));
        ledger.close();
        ledger.close();
        assertThatThrownBy(() -> ledger.get("fs", "docs", "k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
