package dev.aio.llm.openai;

import static dev.aio.llm.testing.VendorStub.body;
import static dev.aio.llm.testing.VendorStub.everythingPrinted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.Secret;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.testing.ManualTimeSource;
import dev.aio.llm.langchain4j.Langchain4jLanguageModel;
import dev.aio.llm.testing.VendorStub;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenAiModels against a loopback stub of OpenAI's chat completions and embeddings API. */
class OpenAiModelsTest {

    private static final String KEY = "sk-test-4f9a2c7e1b3d5f6a8c0e";

    private static final String COMPLETION = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
             "model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"The ledger remembers versions.",
               "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
               "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
                 "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_06737a9306"}""";

    private static final String STREAM = chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null")
            + chunk("{\"content\":\"The\"}", "null")
            + chunk("{\"content\":\" ledger\"}", "null")
            + chunk("{\"content\":\" remembers.\"}", "null")
            + chunk("{}", "\"stop\"")
            + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}\n\n"
            + "data: [DONE]\n\n";

    private static final String ERROR_401 = """
            {"error":{"message":"Incorrect API key provided: %s. You can find your API key at \
            https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,\
            "code":"invalid_api_key"}}""".formatted(KEY);

    private static final String ERROR_429 = """
            {"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-abc on requests per min \
            (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.","type":"requests","param":null,\
            "code":"rate_limit_exceeded"}}""";

    private final VendorStub stub = new VendorStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private OpenAiModels openAi() {
        return OpenAiModels.builder().apiKey(Secret.of(KEY)).baseUrl(stub.url("/v1")).build();
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{"
                + "\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    @Test
    void generateSendsTheModelAndMessagesAndReturnsTextUsageAndFinishReason() {
        stub.json(200, COMPLETION);
        LanguageModel model = openAi().languageModel("gpt-4o-mini");

        Generation g = model.generate(Prompt.builder().system("Answer briefly.").user("What does the ledger do?")
                .maxOutputTokens(64).temperature(0.0).stop("\n\n").build());

        assertThat(g.text()).isEqualTo("The ledger remembers versions.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(19, 10));
        assertThat(g.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(g.modelId()).isEqualTo("gpt-4o-mini-2024-07-18");
        RecordedRequest request = stub.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode sent = body(request);
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo("Answer briefly.");
        assertThat(sent.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("What does the ledger do?");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.0);
        assertThat(sent.path("stop").get(0).asText()).isEqualTo("\n\n");
        assertThat(sent.path("max_tokens").asInt(sent.path("max_completion_tokens").asInt())).isEqualTo(64);
        assertThat(sent.path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void aCutShortAnswerReportsLength() {
        stub.json(200, COMPLETION.replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""));
        assertThat(openAi().languageModel("gpt-4o-mini").generate(Prompt.of("q")).finishReason())
                .isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void streamDeliversTokensInOrderThenTheGenerationWithUsage() {
        stub.sse(STREAM);
        List<String> tokens = new ArrayList<>();

        Generation g = openAi().languageModel("gpt-4o-mini").stream(Prompt.of("What does the ledger do?"), tokens::add);

        assertThat(tokens).containsExactly("The", " ledger", " remembers.");
        assertThat(g.text()).isEqualTo("The ledger remembers.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(12, 4));
        assertThat(g.finishReason()).isEqualTo(FinishReason.STOP);
        JsonNode sent = body(stub.take());
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aConsumerThatThrowsAbortsTheStreamAndItsExceptionReachesTheCaller() {
        stub.sse(STREAM);
        List<String> tokens = new ArrayList<>();
        IllegalStateException stop = new IllegalStateException("enough");

        assertThatThrownBy(() -> openAi().languageModel("gpt-4o-mini").stream(Prompt.of("q"), t -> {
            tokens.add(t);
            if (tokens.size() == 2) {
                throw stop;
            }
        })).isSameAs(stop);
        assertThat(tokens).containsExactly("The", " ledger");
    }

    @Test
    void embedderSendsEveryInputAndReturnsVectorsInInputOrder() {
        stub.json(200, """
                {"object":"list","data":[
                  {"object":"embedding","index":0,"embedding":[0.25,-0.5,0.125]},
                  {"object":"embedding","index":1,"embedding":[1.0,0.0,-1.0]}],
                 "model":"text-embedding-3-small","usage":{"prompt_tokens":7,"total_tokens":7}}""");
        Embedder embedder = openAi().embedder("text-embedding-3-small", 3);

        List<float[]> vectors = embedder.embed(List.of("first text", "second text"));

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(0.25f, -0.5f, 0.125f);
        assertThat(vectors.get(1)).containsExactly(1.0f, 0.0f, -1.0f);
        assertThat(embedder.maxTokens()).isEqualTo(OpenAiModels.DEFAULT_EMBEDDING_MAX_TOKENS);
        assertThat(embedder.fingerprint()).contains("text-embedding-3-small").contains("d3");
        RecordedRequest request = stub.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
        JsonNode sent = body(request);
        assertThat(sent.path("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(sent.path("input").get(0).asText()).isEqualTo("first text");
        assertThat(sent.path("input").get(1).asText()).isEqualTo("second text");
    }

    @Test
    void a429WithRetryAfterIsRetriableCarriesTheHintAndIsNotRetriedByLangchain4j() {
        stub.json(429, ERROR_429, "Retry-After", "7", "x-ratelimit-remaining-requests", "0");

        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> openAi().languageModel("gpt-4o-mini").generate(Prompt.of("q")));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e).hasMessageContaining("openai gpt-4o-mini").hasMessageContaining("HTTP 429")
                .hasMessageContaining("PT7S");
        assertThat(stub.requestCount()).as("aio's policy retries, not langchain4j").isEqualTo(1);
    }

    @Test
    void openAisMillisecondHintWinsOverTheSecondsHeader() {
        stub.json(429, ERROR_429, "retry-after-ms", "1500", "Retry-After", "2");
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> openAi().embedder("text-embedding-3-small", 3).embed(List.of("x")));
        assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void aRetryAfterDateIsMeasuredAgainstTheConfiguredClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        stub.json(503, "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}",
                "Retry-After", "Sun, 01 Mar 2026 12:00:42 GMT");
        OpenAiModels models = OpenAiModels.builder().apiKey(Secret.of(KEY)).baseUrl(stub.url("/v1")).clock(clock).build();

        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> models.languageModel("gpt-4o-mini").generate(Prompt.of("q")));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsAreRetriable(int status) {
        stub.json(status, "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}");
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> openAi().languageModel("gpt-4o-mini").generate(Prompt.of("q")));
        assertThat(e).hasMessageContaining("HTTP " + status);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void aServerErrorWhileStreamingIsRetriableWithItsHint() {
        stub.json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}", "Retry-After", "3");
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> openAi().languageModel("gpt-4o-mini").stream(Prompt.of("q"), t -> { }));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void a401IsNotRetriableAndNothingPrintedFromItContainsTheKey() {
        stub.json(401, ERROR_401);

        NonRetriableException e = catchThrowableOfType(NonRetriableException.class,
                () -> openAi().languageModel("gpt-4o-mini").generate(Prompt.of("q")));

        assertThat(e).hasMessageContaining("HTTP 401").hasMessageContaining("API key");
        assertThat(everythingPrinted(e)).doesNotContain(KEY).contains("invalid_api_key");
    }

    @Test
    void a401WhileStreamingOrEmbeddingDoesNotLeakTheKeyEither() {
        stub.json(401, ERROR_401).json(401, ERROR_401);
        OpenAiModels models = openAi();

        NonRetriableException streaming = catchThrowableOfType(NonRetriableException.class,
                () -> models.languageModel("gpt-4o-mini").stream(Prompt.of("q"), t -> { }));
        NonRetriableException embedding = catchThrowableOfType(NonRetriableException.class,
                () -> models.embedder("text-embedding-3-small", 3).embed(List.of("x")));

        assertThat(everythingPrinted(streaming)).contains("HTTP 401").doesNotContain(KEY);
        assertThat(everythingPrinted(embedding)).contains("HTTP 401").doesNotContain(KEY);
    }

    @Test
    void aPipelineRetryWaitsAtLeastAsLongAsTheServerAsked() {
        stub.json(429, ERROR_429, "Retry-After", "4").json(200, COMPLETION);
        LanguageModel model = openAi().languageModel("gpt-4o-mini");
        ManualTimeSource clock = new ManualTimeSource();
        StepPolicy policy = StepPolicy.retry(3).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(30));

        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("answer", (String q) -> model.generate(Prompt.of(q)).text())
                .policy(policy).timeSource(clock).build()) {
            assertThat(pipeline.call("What does the ledger do?")).isEqualTo("The ledger remembers versions.");
        }

        assertThat(clock.sleeps()).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(
                Duration.ofSeconds(4)));
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aCompatibleServerNeedsNoKeyAndGetsNoAuthorizationHeader() {
        stub.json(200, COMPLETION);
        OpenAiModels local = OpenAiModels.builder().baseUrl(stub.url("/v1")).build();

        local.languageModel("qwen2.5-7b-instruct").generate(Prompt.of("q"));

        assertThat(stub.take().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aModelBuiltWithLangchain4jsOwnHttpClientStillMapsStatusesButCannotSeeRetryAfter() {
        stub.json(429, ERROR_429, "Retry-After", "7");
        LanguageModel bridged = Langchain4jLanguageModel.builder()
                .chatModel(OpenAiChatModel.builder().baseUrl(stub.url("/v1")).apiKey(KEY).modelName("gpt-4o-mini")
                        .maxRetries(0).build())
                .redacting(Secret.of(KEY))
                .build();

        RetriableException e = catchThrowableOfType(RetriableException.class, () -> bridged.generate(Prompt.of("q")));

        assertThat(e).hasMessageContaining("HTTP 429");
        assertThat(e.retryAfter()).as("langchain4j's JdkHttpClient drops the headers").isEmpty();
    }

    @Test
    void theBuilderExplainsWhatIsWrong() {
        assertThatThrownBy(() -> OpenAiModels.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("API key").hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> OpenAiModels.builder().baseUrl("ftp://example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://example.com");
        assertThatThrownBy(() -> OpenAiModels.builder().baseUrl("localhost:8000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("localhost:8000");
        assertThatThrownBy(() -> OpenAiModels.builder().timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> OpenAiModels.builder().apiKey(Secret.of(KEY)).apiKey(Secret.of(KEY)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
        assertThatThrownBy(() -> openAi().languageModel(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("languageModel");
        assertThatThrownBy(() -> openAi().embedder("text-embedding-3-small", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThat(openAi().toString()).doesNotContain(KEY).contains(Secret.REDACTED);
    }

    @Test
    void aBaseUrlIsNeverQuotedWithItsCredentialsOrQuery() {
        assertThatThrownBy(() -> OpenAiModels.builder().baseUrl("http://u:hunter2@ho st/v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThatThrownBy(() -> OpenAiModels.builder().baseUrl("https://u:hunter2@api.example.com/v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey(...)")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> OpenAiModels.builder().baseUrl("https://api.example.com/v1?key=sk-hunter2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query")
                .hasMessageNotContaining("hunter2");
    }
}
