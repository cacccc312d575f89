package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.llm.langchain4j.AioTools;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link AgentWithAioTools} with a scripted STUB model over a real index and the real MiniLM model. */
class AgentWithAioToolsTest {

    private static final Path SAMPLES = Path.of("src/main/resources/samples");

    private static final OnnxEmbedder EMBEDDER = SharedEmbedder.get();

    @Test
    void theAgentSearchesTheIndexThroughAioToolsAndCitesTheObjectItAnsweredFrom(@TempDir Path dir)
            throws Exception {
        ScriptedChatModel model = new ScriptedChatModel();
        try (FileSystemObjectStore store = FileSystemObjectStore.at(dir)) {
            ExampleFiles.upload(SAMPLES, store, AgentWithAioTools.BUCKET);
            String etag = store.stat(AgentWithAioTools.BUCKET, "retention-policy.md").etag();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            String answer = AgentWithAioTools.ask(model, store, AgentWithAioTools.DEFAULT_QUESTION, EMBEDDER,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            // The model was offered aio's tool, asked for it, and got the index's passages back.
            assertThat(model.requests).hasSize(2);
            ChatRequest first = model.requests.get(0);
            assertThat(first.toolSpecifications()).extracting(s -> s.name()).containsExactly(AioTools.SEARCH);
            assertThat(first.messages().get(0).toString()).contains("cite");
            ToolExecutionResultMessage result = (ToolExecutionResultMessage) model.requests.get(1).messages()
                    .get(model.requests.get(1).messages().size() - 1);
            assertThat(result.toolName()).isEqualTo(AioTools.SEARCH);
            assertThat(result.text()).startsWith("[").contains("\"key\":\"retention-policy.md\"")
                    .contains("\"etag\":\"" + etag + "\"").doesNotContain("\"acl\"");
            // The answer is the passage the tool found, cited to the exact object version.
            assertThat(answer).contains("400 days").endsWith("[samples/retention-policy.md@" + etag + "]");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ingested=3").contains(answer);
        }
    }

    @Test
    void anotherQuestionIsAnsweredFromAnotherDocument(@TempDir Path dir) throws Exception {
        try (FileSystemObjectStore store = FileSystemObjectStore.at(dir)) {
            ExampleFiles.upload(SAMPLES, store, AgentWithAioTools.BUCKET);

            String answer = AgentWithAioTools.ask(new ScriptedChatModel(), store,
                    "What does a new engineer receive on the first day?", EMBEDDER,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThat(answer).contains("[samples/onboarding.md@"
                    + store.stat(AgentWithAioTools.BUCKET, "onboarding.md").etag() + "]");
        }
    }

    @Test
    void withoutAModelMainExplainsWhatToSetAndRunsNothing() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Optional<String> answer = AgentWithAioTools.run(new String[0], Map.of(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(answer).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AIO_LLM=openai").contains("AIO_LLM=ollama");
    }

    @Test
    void theModelComesFromTheEnvironmentAndMissingKeysAreNamedNotShown() {
        assertThat(AgentWithAioTools.modelFromEnvironment(Map.of("AIO_LLM", "openai", "OPENAI_API_KEY", "sk-test")))
                .get().isInstanceOf(OpenAiChatModel.class);
        assertThat(AgentWithAioTools.modelFromEnvironment(Map.of("AIO_LLM", "ollama")))
                .get().isInstanceOf(OpenAiChatModel.class);
        assertThatThrownBy(() -> AgentWithAioTools.modelFromEnvironment(Map.of("AIO_LLM", "openai")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> AgentWithAioTools.modelFromEnvironment(Map.of("AIO_LLM", "mystery")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openai or ollama");
    }
}
