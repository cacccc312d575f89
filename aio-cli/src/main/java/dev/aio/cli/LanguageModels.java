package dev.aio.cli;

import dev.aio.core.Secret;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.anthropic.AnthropicModels;
import dev.aio.llm.ollama.OllamaModels;
import dev.aio.llm.openai.OpenAiModels;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language model {@code aio ask} uses, chosen by the environment: {@code AIO_LLM} names
 * the vendor and each vendor's usual variables configure it. Without {@code AIO_LLM} there is
 * none, and answers are extractive.
 *
 * <ul>
 *   <li>{@code openai}: {@code OPENAI_API_KEY} (required unless {@code OPENAI_BASE_URL} points at
 *       a local OpenAI-compatible server), {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}
 *       (default {@value #OPENAI_DEFAULT_MODEL})</li>
 *   <li>{@code ollama}: {@code OLLAMA_HOST} (default {@code http://localhost:11434}),
 *       {@code OLLAMA_MODEL} (default {@value #OLLAMA_DEFAULT_MODEL})</li>
 *   <li>{@code anthropic}: {@code ANTHROPIC_API_KEY} (required), {@code ANTHROPIC_BASE_URL},
 *       {@code ANTHROPIC_MODEL} (default {@value #ANTHROPIC_DEFAULT_MODEL})</li>
 * </ul>
 */
public final class LanguageModels {

    /** The variable that names the vendor. */
    public static final String AIO_LLM = "AIO_LLM";
    /** OpenAI's model unless {@code OPENAI_MODEL} says otherwise. */
    public static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";
    /** Ollama's model unless {@code OLLAMA_MODEL} says otherwise. */
    public static final String OLLAMA_DEFAULT_MODEL = "llama3.2";
    /** Anthropic's model unless {@code ANTHROPIC_MODEL} says otherwise. */
    public static final String ANTHROPIC_DEFAULT_MODEL = "claude-3-5-haiku-latest";

    private LanguageModels() {
    }

    /**
     * @param env the environment
     * @return the configured model, or empty for extractive answers
     * @throws CliException naming the variable that is missing or wrong
     */
    public static Optional<LanguageModel> fromEnv(Map<String, String> env) {
        String vendor = env.get(AIO_LLM);
        if (vendor == null || vendor.isBlank()) {
            return Optional.empty();
        }
        switch (vendor.strip().toLowerCase(Locale.ROOT)) {
            case "openai": {
                OpenAiModels.Builder b = OpenAiModels.builder();
                String key = env.get("OPENAI_API_KEY");
                String url = env.get("OPENAI_BASE_URL");
                if (key == null && url == null) {
                    throw new CliException(AIO_LLM + "=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                            + "OpenAI-compatible server)");
                }
                if (key != null) {
                    b.apiKey(Secret.of(key));
                }
                if (url != null) {
                    b.baseUrl(url);
                }
                return Optional.of(b.build().languageModel(env.getOrDefault("OPENAI_MODEL", OPENAI_DEFAULT_MODEL)));
            }
            case "ollama": {
                OllamaModels.Builder b = OllamaModels.builder();
                String host = env.get("OLLAMA_HOST");
                if (host != null) {
                    b.baseUrl(host.contains("://") ? host : "http://" + host);
                }
                return Optional.of(b.build().languageModel(env.getOrDefault("OLLAMA_MODEL", OLLAMA_DEFAULT_MODEL)));
            }
            case "anthropic": {
                String key = env.get("ANTHROPIC_API_KEY");
                if (key == null) {
                    throw new CliException(AIO_LLM + "=anthropic needs ANTHROPIC_API_KEY");
                }
                AnthropicModels.Builder b = AnthropicModels.builder().apiKey(Secret.of(key));
                String url = env.get("ANTHROPIC_BASE_URL");
                if (url != null) {
                    b.baseUrl(url);
                }
                return Optional.of(b.build().languageModel(env.getOrDefault("ANTHROPIC_MODEL",
                        ANTHROPIC_DEFAULT_MODEL)));
            }
            default:
                throw new CliException(AIO_LLM + "='" + vendor + "' is not one of openai, ollama, anthropic");
        }
    }
}
