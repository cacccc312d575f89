package dev.aio.llm.ollama;

import static dev.aio.llm.testing.VendorStub.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.ModelException;
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

/** OllamaModels against a loopback stub of Ollama's {@code /api/chat} and {@code /api/embed}. */
class OllamaModelsTest {

    private static final String CHAT = """
            {"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z",
             "message":{"role":"assistant","content":"Hello! How are you today?"},
             "done":true,"done_reason":"stop","total_duration":5191566416,"load_duration":2154458,
             "prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":298,"eval_duration":4799921000}""";

    private static final String STREAM = """
            {"model":"llama3.2","created_at":"2023-08-04T08:52:19.385406455-07:00","message":{"role":"assistant","content":"The"},"done":false}
            {"model":"llama3.2","created_at":"2023-08-04T08:52:19.385406455-07:00","message":{"role":"assistant","content":" sky"},"done":false}
            {"model":"llama3.2","created_at":"2023-08-04T08:52:19.385406455-07:00","message":{"role":"assistant","content":" is blue."},"done":false}
            {"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"length","total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}
            """;

    private final VendorStub stub = new VendorStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private OllamaModels ollama() {
        return OllamaModels.builder().baseUrl(stub.url("")).build();
    }

    @Test
    void generateSendsTheModelAndMessagesWithoutStreamingAndMapsTheCounts() {
        stub.json(200, CHAT);

        Generation g = ollama().languageModel("llama3.2").generate(Prompt.builder().system("Be kind.").user("Hi")
                .temperature(0.5).build());

        assertThat(g.text()).isEqualTo("Hello! How are you today?");
        assertThat(g.usage()).isEqualTo(new TokenUsage(26, 298));
        assertThat(g.finishReason()).isEqualTo(FinishReason.STOP);
        RecordedRequest request = stub.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/chat");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode sent = body(request);
        assertThat(sent.path("model").asText()).isEqualTo("llama3.2");
        assertThat(sent.path("stream").asBoolean(true)).isFalse();
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Hi");
        assertThat(sent.path("options").path("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void streamReadsNewlineDelimitedJsonInOrderAndEndsWithTheCounts() {
        stub.ndjson(STREAM);
        List<String> tokens = new ArrayList<>();

        Generation g = ollama().languageModel("llama3.2").stream(Prompt.of("Why is the sky blue?"), tokens::add);

        assertThat(tokens).containsExactly("The", " sky", " is blue.");
        assertThat(g.text()).isEqualTo("The sky is blue.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(26, 282));
        assertThat(g.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(body(stub.take()).path("stream").asBoolean()).isTrue();
    }

    @Test
    void embedderPostsAllInputsToApiEmbedAndChecksTheDimensions() {
        stub.json(200, """
                {"model":"all-minilm","embeddings":[[0.010071029,-0.0017594862,0.05007221],
                  [-0.0098027075,0.06042469,0.025257962]],
                 "total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}""");
        Embedder embedder = ollama().embedder("all-minilm", 3, 256);

        List<float[]> vectors = embedder.embed(List.of("Why is the sky blue?", "Why is the grass green?"));

        assertThat(vectors.get(0)).containsExactly(0.010071029f, -0.0017594862f, 0.05007221f);
        assertThat(vectors.get(1)).containsExactly(-0.0098027075f, 0.06042469f, 0.025257962f);
        RecordedRequest request = stub.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/embed");
        JsonNode sent = body(request);
        assertThat(sent.path("model").asText()).isEqualTo("all-minilm");
        assertThat(sent.path("input").get(0).asText()).isEqualTo("Why is the sky blue?");
        assertThat(sent.path("input").get(1).asText()).isEqualTo("Why is the grass green?");
    }

    @Test
    void vectorsOfTheWrongLengthAreAModelErrorNamingBothSizes() {
        stub.json(200, "{\"model\":\"all-minilm\",\"embeddings\":[[0.1,0.2]]}");
        assertThatThrownBy(() -> ollama().embedder("all-minilm", 384, 256).embed(List.of("x")))
                .isInstanceOf(ModelException.class).hasMessageContaining("2 dimensions").hasMessageContaining("384");
    }

    @Test
    void aModelThatIsNotPulledIsNotRetriableAndSaysSo() {
        stub.json(404, "{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}");
        assertThatThrownBy(() -> ollama().languageModel("llama3.2").generate(Prompt.of("q")))
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("model name");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void serverErrorsAreRetriable(int status) {
        stub.json(status, "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}");
        assertThatThrownBy(() -> ollama().languageModel("llama3.2").generate(Prompt.of("q")))
                .isInstanceOf(RetriableException.class).hasMessageContaining("HTTP " + status);
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void a429WithRetryAfterCarriesTheHintForEmbeddingsToo() {
        stub.json(429, "{\"error\":\"too many requests\"}", "Retry-After", "2");
        RetriableException e = catchThrowableOfType(RetriableException.class,
                () -> ollama().embedder("all-minilm", 3, 256).embed(List.of("x")));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatIsNotRunningIsARetriableConnectionFailure() {
        String url = stub.url("");
        stub.close();
        assertThatThrownBy(() -> OllamaModels.builder().baseUrl(url).build().languageModel("llama3.2")
                .generate(Prompt.of("q")))
                .isInstanceOf(RetriableException.class).hasMessageContaining("reachable");
    }

    @Test
    void blankTextsAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> ollama().embedder("all-minilm", 3, 256).embed(List.of("ok", " ")))
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("text 1 of 2 is blank");
        assertThat(stub.requestCount()).isZero();
    }
}
