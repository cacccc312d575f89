package dev.aio.llm.anthropic;

import static dev.aio.llm.testing.VendorStub.body;
import static dev.aio.llm.testing.VendorStub.everythingPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.Secret;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.aio.llm.testing.VendorStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AnthropicModels against a loopback stub of Anthropic's Messages API, plain and streaming. */
class AnthropicModelsTest {

    private static final String KEY = "sk-ant-api03-test-9d8c7b6a5f4e3d2c1b0a";

    private static final String MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5-20250929",
             "content":[{"type":"text","text":"Chunks carry their lineage."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":21,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
               "output_tokens":7,"service_tier":"standard"}}""";

    private static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Chunks"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" carry"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" lineage."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":15}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private static final String ERROR_401 = """
            {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key %s"},\
            "request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""".formatted(KEY);

    private final VendorStub stub = new VendorStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private AnthropicModels anthropic() {
        return AnthropicModels.builder().apiKey(Secret.of(KEY)).baseUrl(stub.url("/v1")).build();
    }

    @Test
    void generateSendsTheKeyVersionModelAndMessagesAndMapsUsage() {
        stub.json(200, MESSAGE);

        Generation g = anthropic().languageModel("claude-sonnet-4-5").generate(Prompt.builder()
                .system("Cite sources.").user("What do chunks carry?").maxOutputTokens(200).build());

        assertThat(g.text()).isEqualTo("Chunks carry their lineage.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(21, 7));
        assertThat(g.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(g.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
        RecordedRequest request = stub.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo(AnthropicModels.DEFAULT_VERSION);
        JsonNode sent = body(request);
        assertThat(sent.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(sent.path("system").toString()).contains("Cite sources.");
        assertThat(sent.path("messages")).hasSize(1);
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(sent.path("messages").get(0).path("content").toString()).contains("What do chunks carry?");
    }

    @Test
    void aPromptWithoutALimitGetsTheConfiguredDefault() {
        stub.json(200, MESSAGE);
        AnthropicModels.builder().apiKey(Secret.of(KEY)).baseUrl(stub.url("/v1")).defaultMaxOutputTokens(333).build()
                .languageModel("claude-sonnet-4-5").generate(Prompt.of("q"));
        assertThat(body(stub.take()).path("max_tokens").asInt()).isEqualTo(333);
    }

    @Test
    void streamDeliversTextDeltasInOrderThenUsageAndTheStopReason() {
        stub.sse(STREAM);
        List<String> tokens = new ArrayList<>();

        Generation g = anthropic().languageModel("claude-sonnet-4-5").stream(Prompt.of("q"), tokens::add);

        assertThat(tokens).containsExactly("Chunks", " carry", " lineage.");
        assertThat(g.text()).isEqualTo("Chunks carry lineage.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(25, 15));
        assertThat(g.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(body(stub.take()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void anOverloadErrorInTheMiddleOfAStreamIsRetriable() {
        stub.sse("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

                event: error
                data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

                """);
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> anthropic().languageModel("claude-sonnet-4-5").stream(Prompt.of("q"), t -> { }));
        assertThat(e).hasMessageContaining("overloaded_error");
    }

    @Test
    void anInvalidRequestErrorInAStreamIsNotRetriable() {
        stub.sse("""
                event: error
                data: {"type":"error","error":{"type":"invalid_request_error","message":"messages: field required"}}

                """);
        assertThatThrownBy(() -> anthropic().languageModel("claude-sonnet-4-5").stream(Prompt.of("q"), t -> { }))
                .isInstanceOf(NonRetriableException.class);
    }

    @Test
    void a429WithRetryAfterIsRetriableWithTheHint() {
        stub.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request "
                + "tokens has exceeded your per-minute rate limit\"}}", "retry-after", "12");
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> anthropic().languageModel("claude-sonnet-4-5").generate(Prompt.of("q")));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503, 529})
    void serverErrorsAndOverloadAreRetriable(int status) {
        stub.json(status, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThatThrownBy(() -> anthropic().languageModel("claude-sonnet-4-5").generate(Prompt.of("q")))
                .isInstanceOf(RetriableException.class).hasMessageContaining("HTTP " + status);
    }

    @Test
    void a401IsNotRetriableAndNeverShowsTheKey() {
        stub.json(401, ERROR_401).json(401, ERROR_401);
        AnthropicModels models = anthropic();

        NonRetriableException plain = catchThrowableOfType(NonRetriableException.class,
                () -> models.languageModel("claude-sonnet-4-5").generate(Prompt.of("q")));
        NonRetriableException streaming = catchThrowableOfType(NonRetriableException.class,
                () -> models.languageModel("claude-sonnet-4-5").stream(Prompt.of("q"), t -> { }));

        assertThat(everythingPrinted(plain)).contains("HTTP 401").contains("authentication_error").doesNotContain(KEY);
        assertThat(everythingPrinted(streaming)).contains("HTTP 401").doesNotContain(KEY);
    }

    @Test
    void theBuilderExplainsWhatIsWrong() {
        assertThatThrownBy(() -> AnthropicModels.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> AnthropicModels.builder().version("v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'v1'");
        assertThatThrownBy(() -> AnthropicModels.builder().defaultMaxOutputTokens(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(anthropic().toString()).doesNotContain(KEY);
    }
}
