package dev.aio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aio.core.ingest.LedgerEntry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio stats}: documents, chunks and ledger entries in the store, and the fingerprint of
 * the settings it ingests with (chunker and embedder): when that changes, the next ingest
 * re-processes every object.
 */
@Command(name = "stats", description = "Show documents, chunks, ledger entries and the settings fingerprint.")
public final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(common.store())) {
            Map<String, LedgerEntry> entries = new TreeMap<>();
            List<SourceRegistry.Entry> sources = ws.sources().list();
            for (SourceRegistry.Entry s : sources) {
                for (LedgerEntry e : ws.ledger().list(s.store(), s.bucket(), s.prefix())) {
                    entries.put(e.store() + "\u0000" + e.bucket() + "\u0000" + e.key(), e);
                }
            }
            long documents = entries.values().stream().filter(e -> e.status() == LedgerEntry.Status.INGESTED).count();
            long rejected = entries.values().stream().filter(e -> e.status() == LedgerEntry.Status.REJECTED).count();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("store", ws.dir().toString());
            m.put("sources", sources.stream().map(SourceRegistry.Entry::source).toList());
            m.put("documents", documents);
            m.put("rejected", rejected);
            m.put("chunks", ws.index().count());
            m.put("ledgerEntries", entries.size());
            m.put("fingerprint", fingerprint(ws));
            if (common.json()) {
                Reports.printJson(root.out(), m);
            } else {
                m.forEach((k, v) -> root.out().println(k + ": " + v));
                root.out().flush();
            }
            return ExitCodes.OK;
        }
    }

    /** SHA-256 of the chunker's and the embedder's descriptions, as the ingestor fingerprints them. */
    static String fingerprint(Workspace ws) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("chunker", ws.chunker().describe());
        spec.put("embedder", ws.embedder().describe());
        try {
            byte[] json = Reports.JSON.writeValueAsBytes(spec);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the settings cannot be fingerprinted", e);
        }
    }
}
