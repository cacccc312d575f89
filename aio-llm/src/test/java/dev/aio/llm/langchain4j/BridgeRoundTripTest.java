package dev.aio.llm.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Message;
import dev.aio.core.model.ModelException;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** aio models through langchain4j's interfaces and back: nothing a user sees may change. */
class BridgeRoundTripTest {

    /** A scripted aio model that answers in three pieces and records what it was asked. */
    static final class ScriptedModel implements LanguageModel {
        final List<Prompt> prompts = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Generation generate(Prompt prompt) {
            prompts.add(prompt);
            if (failure != null) {
                throw failure;
            }
            return new Generation("Versions are kept.", FinishReason.LENGTH, new TokenUsage(11, 4), "scripted-1");
        }

        @Override
        public Generation stream(Prompt prompt, Consumer<String> onToken) {
            Generation g = generate(prompt);
            onToken.accept("Versions");
            onToken.accept(" are");
            onToken.accept(" kept.");
            return g;
        }

        @Override
        public String modelId() {
            return "scripted-1";
        }
    }

    /** A fixed three-dimensional aio embedder: the vector holds the text's length and two constants. */
    static final class LengthEmbedder implements Embedder {
        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> new float[] {t.length(), 1f, -1f}).toList();
        }

        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public String modelId() {
            return "length";
        }

        @Override
        public String fingerprint() {
            return "length:3";
        }

        @Override
        public int maxTokens() {
            return 512;
        }

        @Override
        public void close() {
        }
    }

    private final ScriptedModel aio = new ScriptedModel();

    @Test
    void aPromptAndItsGenerationSurviveTheRoundTrip() {
        LanguageModel back = Langchain4jLanguageModel.of((ChatModel) AioChatModel.of(aio));
        Prompt prompt = Prompt.builder().system("Be exact.").user("What is kept?").assistant("Versions.")
                .user("And?").maxOutputTokens(32).temperature(0.2).stop("END").build();

        Generation g = back.generate(prompt);

        assertThat(aio.prompts).containsExactly(prompt);
        assertThat(g).isEqualTo(new Generation("Versions are kept.", FinishReason.LENGTH, new TokenUsage(11, 4),
                "scripted-1"));
        assertThat(back.modelId()).isEqualTo("scripted-1");
    }

    @Test
    void streamedPiecesSurviveTheRoundTripInOrder() {
        LanguageModel back = Langchain4jLanguageModel.of((StreamingChatModel) AioChatModel.of(aio));
        List<String> tokens = new ArrayList<>();

        Generation g = back.stream(Prompt.of("q"), tokens::add);

        assertThat(tokens).containsExactly("Versions", " are", " kept.");
        assertThat(g.text()).isEqualTo("Versions are kept.");
        assertThat(g.usage()).isEqualTo(new TokenUsage(11, 4));
        assertThat(back.generate(Prompt.of("q")).text()).as("generate through a streaming-only bridge")
                .isEqualTo("Versions are kept.");
    }

    @Test
    void anAioErrorComesBackAsItselfWithItsRetryAfterHint() {
        RetriableException throttled = new RetriableException("busy", null, Duration.ofSeconds(5));
        aio.failure = throttled;
        AioChatModel l4j = AioChatModel.of(aio);

        assertThatThrownBy(() -> l4j.chat("q")).isInstanceOf(dev.langchain4j.exception.RetriableException.class)
                .hasCause(throttled);
        assertThatThrownBy(() -> Langchain4jLanguageModel.of((ChatModel) l4j).generate(Prompt.of("q")))
                .isSameAs(throttled);
        assertThatThrownBy(() -> Langchain4jLanguageModel.of((StreamingChatModel) l4j).stream(Prompt.of("q"), t -> { }))
                .isSameAs(throttled);

        NonRetriableException bad = new NonRetriableException("bad prompt");
        aio.failure = bad;
        assertThatThrownBy(() -> l4j.chat("q")).isInstanceOf(dev.langchain4j.exception.NonRetriableException.class);
    }

    @Test
    void langchain4jRequestsThatAioCannotCarryAreRefusedNotStripped() {
        AioChatModel l4j = AioChatModel.of(aio);
        ChatRequest withTools = ChatRequest.builder().messages(UserMessage.from("q"))
                .parameters(DefaultChatRequestParameters.builder()
                        .toolSpecifications(ToolSpecification.builder().name("search").build()).build())
                .build();
        ChatRequest withTopP = ChatRequest.builder().messages(UserMessage.from("q"))
                .parameters(DefaultChatRequestParameters.builder().topP(0.9).build()).build();

        assertThatThrownBy(() -> l4j.chat(withTools)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("tools");
        assertThatThrownBy(() -> l4j.chat(withTopP)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("topP=0.9");
        assertThat(aio.prompts).isEmpty();
    }

    @Test
    void aBlankSystemMessageIsRefusedWithItsPosition() {
        LanguageModel back = Langchain4jLanguageModel.of((ChatModel) AioChatModel.of(aio));
        Prompt prompt = Prompt.builder().message(new Message(Message.Role.SYSTEM, " ")).user("q").build();
        assertThatThrownBy(() -> back.generate(prompt)).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("message 0");
    }

    @Test
    void vectorsSurviveTheRoundTripThroughLangchain4jsEmbeddingModel() {
        AioEmbeddingModel l4j = AioEmbeddingModel.of(new LengthEmbedder());
        Embedder back = Langchain4jEmbedder.builder().model(l4j).dimensions(3).maxTokens(512).build();

        List<float[]> vectors = back.embed(List.of("abc", "abcdef"));

        assertThat(vectors.get(0)).containsExactly(3f, 1f, -1f);
        assertThat(vectors.get(1)).containsExactly(6f, 1f, -1f);
        assertThat(back.modelId()).isEqualTo("length");
        assertThat(l4j.dimension()).isEqualTo(3);
        assertThat(back.embed(List.of())).isEmpty();
    }

    @Test
    void declaredDimensionsThatDoNotMatchAreAModelError() {
        Embedder wrong = Langchain4jEmbedder.builder().model(AioEmbeddingModel.of(new LengthEmbedder()))
                .dimensions(4).maxTokens(512).build();
        assertThatThrownBy(() -> wrong.embed(List.of("x"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("3 dimensions").hasMessageContaining("declared with 4");
    }

    @Test
    void buildersNameWhatIsMissing() {
        assertThatThrownBy(() -> Langchain4jLanguageModel.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chatModel(...)");
        assertThatThrownBy(() -> Langchain4jEmbedder.builder().model(AioEmbeddingModel.of(new LengthEmbedder()))
                .maxTokens(10).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("dimensions(...)");
        ChatModel unnamed = new ChatModel() { };
        assertThatThrownBy(() -> Langchain4jLanguageModel.of(unnamed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modelId(...)");
        assertThatThrownBy(() -> Langchain4jLanguageModel.builder().chatModel(unnamed).chatModel(unnamed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }
}
