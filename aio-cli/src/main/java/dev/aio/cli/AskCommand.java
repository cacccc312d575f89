package dev.aio.cli;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Answerer;
import dev.aio.core.answer.AnswererBuilder;
import dev.aio.core.answer.Citation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code aio ask QUESTION}: an answer with citations to the exact object versions; extractive
 * (the best passages, quoted) unless {@code AIO_LLM} configures a language model.
 */
@Command(name = "ask", description = {"Answer a question from the store, with citations.",
    "Extractive by default; set AIO_LLM=openai|ollama|anthropic (and the vendor's variables) for generated answers."})
public final class AskCommand implements Callable<Integer> {

    @ParentCommand
    AioCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question.")
    String question;

    @Option(names = "-k", paramLabel = "N", defaultValue = "5",
            description = "How many chunks to retrieve (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
        Optional<LanguageModel> model = LanguageModels.fromEnv(root.env());
        try (Workspace ws = Workspace.open(common.store())) {
            Retriever retriever = Retriever.builder().embedder(ws.embedder()).vectorStore(ws.index()).build();
            AnswererBuilder builder = Answerer.builder().retriever(retriever).tokenizer(ws.embedder().tokenizer());
            model.ifPresent(builder::languageModel);
            Answer answer = builder.build().answer(RetrievalRequest.builder(question).topK(k).build());
            print(answer);
            return ExitCodes.OK;
        } finally {
            model.ifPresent(LanguageModel::close);
        }
    }

    private void print(Answer answer) {
        // A generated answer cites some passages; an extractive one quotes the first few.
        List<Citation> shown = answer.extractive() ? answer.citations() : answer.cited();
        if (common.json()) {
            List<Map<String, Object>> citations = new ArrayList<>();
            for (Citation c : answer.citations()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("marker", c.marker());
                m.put("location", c.location());
                m.put("store", c.store());
                m.put("bucket", c.bucket());
                m.put("key", c.key());
                m.put("versionId", c.versionId());
                m.put("etag", c.etag());
                m.put("start", c.start());
                m.put("end", c.end());
                m.put("score", c.score());
                m.put("snippet", c.snippet());
                citations.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", question);
            m.put("answer", answer.text());
            m.put("extractive", answer.extractive());
            m.put("citations", citations);
            Reports.printJson(root.out(), m);
            return;
        }
        root.out().println(answer.text());
        if (!shown.isEmpty()) {
            root.out().println();
            root.out().println("Citations:");
            for (Citation c : shown) {
                root.out().printf(Locale.ROOT, "  [%d] %s [chars %s-%s] score %.3f%n", c.marker(), c.location(),
                        c.start(), c.end(), c.score());
            }
        }
        root.out().flush();
    }
}
