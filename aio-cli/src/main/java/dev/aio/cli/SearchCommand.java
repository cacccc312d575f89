package dev.aio.cli;

import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code aio search QUERY}: the chunks nearest a query, with where each came from. */
@Command(name = "search", description = "Find the chunks nearest a query, with their source object versions.")
public final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "QUERY", description = "What to look for.")
    String query;

    @Option(names = "-k", paramLabel = "N", defaultValue = "5", description = "How many hits (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "A metadata filter, such as \"key == 'guide.md'\" or \"bucket in ['docs'] && chunkIndex < 3\".")
    String filter;

    @Override
    public Integer call() {
        // Parsed before the store is opened, so a typo fails fast and names its position.
        Filter parsed = filter == null ? null : Filter.parse(filter);
        try (Workspace ws = Workspace.open(common.store())) {
            Retriever retriever = Retriever.builder().embedder(ws.embedder()).vectorStore(ws.index()).build();
            RetrievalRequest.Builder request = RetrievalRequest.builder(query).topK(k);
            if (parsed != null) {
                request.filter(parsed);
            }
            List<SearchHit> hits = retriever.retrieve(request.build());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                rows.add(Hits.toMap(i + 1, hits.get(i)));
            }
            if (common.json()) {
                Reports.printJson(root.out(), Map.of("query", query, "hits", rows));
            } else if (rows.isEmpty()) {
                root.out().println("No matches.");
            } else {
                for (Map<String, Object> r : rows) {
                    root.out().printf(Locale.ROOT, "%d. %.3f %s [chars %s-%s]%n   %s%n", r.get("rank"), r.get("score"),
                            r.get("location"), r.get("start"), r.get("end"), Hits.snippet((String) r.get("text")));
                }
            }
            root.out().flush();
            return ExitCodes.OK;
        }
    }
}
