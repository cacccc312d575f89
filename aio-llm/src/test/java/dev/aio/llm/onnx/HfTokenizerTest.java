package dev.aio.llm.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.model.TextWindow;
import dev.aio.core.model.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HfTokenizerTest {

    private static OnnxEmbedder embedder;
    private static Tokenizer tokenizer;

    @BeforeAll
    static void start() {
        embedder = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2_Q).sessions(1).build();
        tokenizer = embedder.tokenizer();
    }

    @AfterAll
    static void stop() {
        embedder.close();
    }

    @Test
    void countsAndEncodingsLeaveOutTheSpecialTokens() {
        assertThat(tokenizer.count("hello world")).isEqualTo(2);
        assertThat(tokenizer.encode("hello world")).containsExactly(7592, 2088);
        assertThat(tokenizer.specialTokens()).isEqualTo(2);
        assertThat(tokenizer.count("")).isZero();
    }

    @Test
    void countsAreNotTruncatedAtTheModelsLimit() {
        String longText = Texts.passages(1, 30).get(0);
        assertThat(tokenizer.count(longText)).isGreaterThan(500);
    }

    @Test
    void splitCutsOnTokenBoundariesWithTheAskedOverlapAndKeepsOffsets() {
        String text = "The night train left late. Snow closed the pass for four days, and trucks waited.";
        List<TextWindow> windows = tokenizer.split(text, 6, 2);
        assertThat(windows).hasSizeGreaterThan(2);
        for (TextWindow w : windows) {
            assertThat(w.text()).isEqualTo(text.substring(w.start(), w.end()));
            assertThat(w.tokens()).isLessThanOrEqualTo(6).isEqualTo(tokenizer.count(w.text()));
        }
        assertThat(windows.get(0).start()).isZero();
        assertThat(windows.get(windows.size() - 1).end()).isEqualTo(text.length());
        // Consecutive windows share two tokens: the next one starts inside the previous one.
        assertThat(windows.get(1).start()).isLessThan(windows.get(0).end());
    }

    @Test
    void splitOffsetsAreJavaStringIndexesEvenAfterCharactersOutsideTheBasicPlane() {
        String text = "Rain 😀 again 😀 and café ordered";
        for (TextWindow w : tokenizer.split(text, 2, 0)) {
            assertThat(w.text()).isEqualTo(text.substring(w.start(), w.end()));
        }
        assertThat(tokenizer.split(text, 100, 0).get(0).text()).isEqualTo(text);
    }

    @Test
    void splitRefusesAnOverlapThatIsNotSmallerThanTheWindow() {
        assertThatThrownBy(() -> tokenizer.split("text", 4, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlapTokens must be in [0, maxTokens - 1] = [0, 3], got 4");
        assertThat(tokenizer.split("   ", 4, 0)).isEmpty();
    }
}
