package dev.aio.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@link AgentWithAioTools#main}'s own path, with {@code AIO_LLM=openai} pointed at a loopback
 * STUB of OpenAI's chat completions API that answers with a fixed tool call and then a fixed
 * text: it checks the wiring (the tool offered in OpenAI's format, the tool really run against
 * the index and its result sent back), not what a real model would say.
 */
class AgentWithOpenAiStubTest {

    private static final String TOOL_CALL = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
             "message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
             "function":{"name":"search_documents","arguments":"{\\"query\\":\\"how long are uploads kept\\"}"}}]},
             "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":50,"completion_tokens":10,"total_tokens":60}}
            """;
    private static final String FINAL = """
            {"id":"chatcmpl-2","object":"chat.completion","created":2,"model":"stub-model","choices":[{"index":0,
             "message":{"role":"assistant","content":"The stub's final words."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":90,"completion_tokens":5,"total_tokens":95}}
            """;

    @Test
    void mainRunsTheAgentAgainstAnOpenAiCompatibleServerWithoutAKey() throws Exception {
        try (MockWebServer openai = new MockWebServer()) {
            openai.enqueue(json(TOOL_CALL));
            openai.enqueue(json(FINAL));
            openai.start();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            Optional<String> answer = AgentWithAioTools.run(new String[] {"src/main/resources/samples",
                    "How long are customer uploads kept?"}, Map.of("AIO_LLM", "openai", "OPENAI_BASE_URL",
                    openai.url("/v1").toString(), "OPENAI_MODEL", "stub-model"),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(answer).contains("The stub's final words.");
            assertThat(openai.getRequestCount()).isEqualTo(2);
            RecordedRequest first = openai.takeRequest();
            assertThat(first.getTarget()).endsWith("/chat/completions");
            assertThat(first.getHeaders().get("Authorization")).isNull();
            // langchain4j pretty-prints its JSON, hence the spaces allowed around colons.
            assertThat(first.getBody().utf8()).containsPattern("\"model\"\\s*:\\s*\"stub-model\"")
                    .containsPattern("\"name\"\\s*:\\s*\"search_documents\"")
                    .contains("How long are customer uploads kept?");
            String second = openai.takeRequest().getBody().utf8();
            assertThat(second).containsPattern("\"role\"\\s*:\\s*\"tool\"")
                    .containsPattern("\"tool_call_id\"\\s*:\\s*\"call_1\"")
                    .contains("retention-policy.md").contains("400 days");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The stub's final words.");
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
