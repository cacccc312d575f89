package dev.aio.cli;

import dev.aio.core.ingest.Ingestor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio describe}: Mermaid flowcharts of the ingest and query pipelines the other commands
 * run on this store. It reads no store, so it neither opens nor locks one.
 */
@Command(name = "describe", description = "Print Mermaid diagrams of the ingest and query pipelines.")
public final class DescribeCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Path dir = common.store().toAbsolutePath().normalize();
        Map<String, String> diagrams = new LinkedHashMap<>();
        diagrams.put("ingest", ingest(dir));
        diagrams.put("query", query(dir));
        if (common.json()) {
            Reports.printJson(root.out(), diagrams);
        } else {
            diagrams.forEach((name, mermaid) -> {
                root.out().println("%% " + name + " pipeline");
                root.out().println(mermaid);
            });
            root.out().flush();
        }
        return ExitCodes.OK;
    }

    static String ingest(Path dir) {
        return String.join("\n",
                "flowchart LR",
                "  src[(\"object store<br/>folder or s3://bucket/prefix\")] --> list[\"list\"]",
                "  list --> ledger{\"ledger " + label(dir.resolve("ledger.db")) + "<br/>unchanged?\"}",
                "  ledger -- \"yes: skipped, not downloaded\" --> done([\"report\"])",
                "  ledger -- no --> " + Ingestor.STAGE_PARSE + "[\"" + Ingestor.STAGE_PARSE
                        + "<br/>Parsers.standard()\"]",
                "  " + Ingestor.STAGE_PARSE + " --> " + Ingestor.STAGE_CHUNK + "[\"" + Ingestor.STAGE_CHUNK + "<br/>"
                        + Workspace.CHUNK_TOKENS + " MiniLM tokens, " + Workspace.CHUNK_OVERLAP_TOKENS + " overlap\"]",
                "  " + Ingestor.STAGE_CHUNK + " --> " + Ingestor.STAGE_EMBED + "[\"" + Ingestor.STAGE_EMBED
                        + "<br/>OnnxEmbedder all-MiniLM-L6-v2, " + DefaultModels.DIMENSIONS + "-d\"]",
                "  " + Ingestor.STAGE_EMBED + " --> " + Ingestor.STAGE_WRITE + "[(\"" + Ingestor.STAGE_WRITE
                        + "<br/>LuceneVectorStore " + label(dir.resolve("lucene")) + "\")]",
                "  " + Ingestor.STAGE_WRITE + " --> done",
                "  " + Ingestor.STAGE_PARSE + " -. \"rejected: dead letter with reason\" .-> done");
    }

    static String query(Path dir) {
        return String.join("\n",
                "flowchart LR",
                "  q[/\"question\"/] --> embed[\"embed<br/>OnnxEmbedder all-MiniLM-L6-v2\"]",
                "  embed --> search[(\"search top k<br/>LuceneVectorStore " + label(dir.resolve("lucene"))
                        + "<br/>+ --filter\")]",
                "  search --> context[\"context<br/>numbered passages within a token budget\"]",
                "  context --> answer{\"AIO_LLM set?\"}",
                "  answer -- no --> extractive[\"extractive answer<br/>best passages quoted\"]",
                "  answer -- yes --> llm[\"language model<br/>openai, ollama or anthropic\"]",
                "  extractive --> cite([\"answer + citations<br/>bucket/key@version, chars\"])",
                "  llm --> cite");
    }

    private static String label(Path p) {
        return p.toString().replace("\"", "'");
    }
}
