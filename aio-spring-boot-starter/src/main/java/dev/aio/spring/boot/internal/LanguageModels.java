package dev.aio.spring.boot.internal;

import dev.aio.core.model.LanguageModel;
import dev.aio.llm.anthropic.AnthropicModels;
import dev.aio.llm.ollama.OllamaModels;
import dev.aio.llm.openai.OpenAiModels;
import dev.aio.spring.boot.AioProperties;

/** Builds the language model {@code aio.llm.*} describes; building makes no network call. */
public final class LanguageModels {

    /** OpenAI's model unless {@code aio.llm.model} says otherwise. */
    public static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";
    /** Ollama's model unless {@code aio.llm.model} says otherwise. */
    public static final String OLLAMA_DEFAULT_MODEL = "llama3.2";
    /** Anthropic's model unless {@code aio.llm.model} says otherwise. */
    public static final String ANTHROPIC_DEFAULT_MODEL = "claude-3-5-haiku-latest";

    private LanguageModels() {
    }

    /**
     * @param p the properties; {@code provider} is not {@code none}
     * @return the model; the caller closes it
     */
    public static LanguageModel create(AioProperties.Llm p) {
        return switch (p.provider()) {
            case NONE -> throw new IllegalArgumentException("aio.llm.provider=none configures no model");
            case OPENAI -> openAi(p);
            case OLLAMA -> ollama(p);
            case ANTHROPIC -> anthropic(p);
        };
    }

    /**
     * @param p the properties
     * @return the model name that {@link #create} uses
     */
    public static String modelName(AioProperties.Llm p) {
        if (p.model() != null && !p.model().isBlank()) {
            return p.model();
        }
        return switch (p.provider()) {
            case NONE -> "";
            case OPENAI -> OPENAI_DEFAULT_MODEL;
            case OLLAMA -> OLLAMA_DEFAULT_MODEL;
            case ANTHROPIC -> ANTHROPIC_DEFAULT_MODEL;
        };
    }

    private static LanguageModel openAi(AioProperties.Llm p) {
        Props.requireClass("dev.langchain4j.model.openai.OpenAiChatModel", "aio.llm.provider=openai",
                "dev.langchain4j:langchain4j-open-ai");
        if (p.apiKey() == null && p.baseUrl() == null) {
            throw Props.missing("aio.llm.api-key", "for OpenAI's own API (or set aio.llm.base-url to an "
                    + "OpenAI-compatible server that needs no key)");
        }
        OpenAiModels.Builder b = OpenAiModels.builder();
        if (p.apiKey() != null) {
            b.apiKey(p.apiKey());
        }
        if (p.baseUrl() != null) {
            Props.apply("aio.llm.base-url", p.baseUrl(), () -> b.baseUrl(p.baseUrl()));
        }
        if (p.timeout() != null) {
            Props.apply("aio.llm.timeout", p.timeout(), () -> b.timeout(p.timeout()));
        }
        OpenAiModels models = Props.apply("aio.llm.api-key", null, b::build);
        return Props.apply("aio.llm.model", p.model(), () -> models.languageModel(modelName(p)));
    }

    private static LanguageModel ollama(AioProperties.Llm p) {
        Props.requireClass("dev.langchain4j.model.ollama.OllamaChatModel", "aio.llm.provider=ollama",
                "dev.langchain4j:langchain4j-ollama");
        OllamaModels.Builder b = OllamaModels.builder();
        if (p.baseUrl() != null) {
            Props.apply("aio.llm.base-url", p.baseUrl(), () -> b.baseUrl(p.baseUrl()));
        }
        if (p.timeout() != null) {
            Props.apply("aio.llm.timeout", p.timeout(), () -> b.timeout(p.timeout()));
        }
        OllamaModels models = b.build();
        return Props.apply("aio.llm.model", p.model(), () -> models.languageModel(modelName(p)));
    }

    private static LanguageModel anthropic(AioProperties.Llm p) {
        Props.requireClass("dev.langchain4j.model.anthropic.AnthropicChatModel", "aio.llm.provider=anthropic",
                "dev.langchain4j:langchain4j-anthropic");
        Props.require(p.apiKey(), "aio.llm.api-key", "when aio.llm.provider=anthropic");
        AnthropicModels.Builder b = AnthropicModels.builder().apiKey(p.apiKey());
        if (p.baseUrl() != null) {
            Props.apply("aio.llm.base-url", p.baseUrl(), () -> b.baseUrl(p.baseUrl()));
        }
        if (p.timeout() != null) {
            Props.apply("aio.llm.timeout", p.timeout(), () -> b.timeout(p.timeout()));
        }
        AnthropicModels models = b.build();
        return Props.apply("aio.llm.model", p.model(), () -> models.languageModel(modelName(p)));
    }
}
