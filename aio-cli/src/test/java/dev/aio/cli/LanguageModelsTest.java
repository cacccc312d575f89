package dev.aio.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AIO_LLM chooses the vendor; a wrong or incomplete setting names the variable to fix. */
class LanguageModelsTest {

    @Test
    void noAioLlmMeansExtractiveAnswers() {
        assertThat(LanguageModels.fromEnv(Map.of())).isEmpty();
    }

    @Test
    void eachVendorIsBuiltFromItsUsualVariables() {
        assertThat(LanguageModels.fromEnv(Map.of("AIO_LLM", "openai", "OPENAI_API_KEY", "sk-test")).orElseThrow()
                .modelId()).contains(LanguageModels.OPENAI_DEFAULT_MODEL);
        assertThat(LanguageModels.fromEnv(Map.of("AIO_LLM", "Ollama", "OLLAMA_HOST", "127.0.0.1:11434",
                "OLLAMA_MODEL", "qwen2.5")).orElseThrow().modelId()).contains("qwen2.5");
        assertThat(LanguageModels.fromEnv(Map.of("AIO_LLM", "anthropic", "ANTHROPIC_API_KEY", "k")).orElseThrow()
                .modelId()).contains(LanguageModels.ANTHROPIC_DEFAULT_MODEL);
    }

    @Test
    void aMissingKeyOrAnUnknownVendorIsAClearError() {
        assertThatThrownBy(() -> LanguageModels.fromEnv(Map.of("AIO_LLM", "anthropic")))
                .isInstanceOf(CliException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> LanguageModels.fromEnv(Map.of("AIO_LLM", "openai")))
                .isInstanceOf(CliException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> LanguageModels.fromEnv(Map.of("AIO_LLM", "gpt")))
                .isInstanceOf(CliException.class).hasMessage("AIO_LLM='gpt' is not one of openai, ollama, anthropic");
    }
}
