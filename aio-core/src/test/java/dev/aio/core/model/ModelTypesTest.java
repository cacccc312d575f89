package dev.aio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTypesTest {

    /** A fixed-vector embedder: enough to exercise the interface's defaults. */
    private static final class FixedEmbedder implements Embedder {
        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            texts.forEach(t -> out.add(new float[] {t.length(), 1}));
            return out;
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public String modelId() {
            return "test/fixed";
        }

        @Override
        public String fingerprint() {
            return "fixed-v1";
        }

        @Override
        public int maxTokens() {
            return 16;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anEmbedderDescribesItsModelSoPipelineFingerprintsFollowIt() {
        Object d = new FixedEmbedder().describe();
        assertThat(d).isEqualTo(Map.of("embedder", "test/fixed", "dimensions", 2, "maxTokens", 16,
                "fingerprint", "fixed-v1"));
    }

    @Test
    void embeddingOneTextIsEmbeddingAListOfOne() {
        assertThat(new FixedEmbedder().embed("abc")).containsExactly(3f, 1f);
    }

    @Test
    void aPromptKeepsItsMessagesInOrderAndItsSettings() {
        Prompt p = Prompt.builder().system("be brief").user("hi").assistant("hello").user("bye")
                .maxOutputTokens(64).temperature(0.2).stop("END").build();
        assertThat(p.messages()).extracting(Message::role).containsExactly(Message.Role.SYSTEM, Message.Role.USER,
                Message.Role.ASSISTANT, Message.Role.USER);
        assertThat(p.maxOutputTokens()).hasValue(64);
        assertThat(p.temperature()).hasValue(0.2);
        assertThat(p.stopSequences()).containsExactly("END");
        assertThat(Prompt.of("hi").maxOutputTokens()).isEmpty();
        assertThat(Prompt.of("hi").temperature()).isEmpty();
        assertThat(Prompt.of("hi")).isEqualTo(Prompt.of("hi")).hasSameHashCodeAs(Prompt.of("hi"));
    }

    @Test
    void aPromptRefusesSettingsOutOfRangeNamingTheValue() {
        assertThatThrownBy(() -> Prompt.builder().temperature(3)).hasMessageContaining("got 3.0");
        assertThatThrownBy(() -> Prompt.builder().maxOutputTokens(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Prompt.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one message");
        assertThatThrownBy(() -> Prompt.builder().stop("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenUsagesAddUpAndRefuseNegativeCounts() {
        TokenUsage total = TokenUsage.NONE.plus(new TokenUsage(10, 5)).plus(new TokenUsage(1, 2));
        assertThat(total).isEqualTo(new TokenUsage(11, 7));
        assertThat(total.totalTokens()).isEqualTo(18);
        assertThatThrownBy(() -> new TokenUsage(-1, 0)).hasMessageContaining("input=-1");
    }

    @Test
    void aModelThatCannotStreamHandsOverItsWholeTextAtOnce() {
        LanguageModel echo = new LanguageModel() {
            @Override
            public Generation generate(Prompt prompt) {
                String text = prompt.messages().get(prompt.messages().size() - 1).text();
                return new Generation(text, FinishReason.STOP, new TokenUsage(1, 1), modelId());
            }

            @Override
            public String modelId() {
                return "echo";
            }
        };
        List<String> pieces = new ArrayList<>();
        Generation g = echo.stream(Prompt.of("hello"), pieces::add);
        assertThat(pieces).containsExactly("hello");
        assertThat(g.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(g.modelId()).isEqualTo("echo");
    }

    @Test
    void aTextWindowRefusesOffsetsThatDoNotMakeARange() {
        assertThatThrownBy(() -> new TextWindow("x", 5, 4, 1)).hasMessageContaining("start=5 end=4");
    }

    @Test
    void aModelFailureIsNotRetriable() {
        assertThat(new ModelException("OnnxEmbedder: broken").isRetriable()).isFalse();
    }
}
