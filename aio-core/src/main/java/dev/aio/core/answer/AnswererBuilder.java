package dev.aio.core.answer;

import dev.aio.core.conversation.ConversationStore;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Tokenizer;
import dev.aio.core.prompt.PromptTemplate;
import dev.aio.core.retrieval.Retriever;
import java.util.Objects;

/**
 * Builds an {@link Answerer}. Required: {@link #retriever}. Without {@link #languageModel} the
 * answers are extractive. Each setting may be set once; a second call is refused, naming the
 * value already set. Not thread-safe.
 */
public final class AnswererBuilder {

    /** Messages of history handed to the model in a conversation unless configured otherwise. */
    public static final int DEFAULT_MEMORY_WINDOW = 10;

    Retriever retriever;
    LanguageModel model;
    PromptTemplate template;
    Tokenizer tokenizer;
    int contextTokens;
    int maxOutputTokens;
    int extractivePassages;
    ConversationStore conversations;
    int memoryWindow;

    AnswererBuilder() {
    }

    private static <T> T once(String name, T current, T value) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException("Answerer " + name + " is already set to " + current);
        }
        return value;
    }

    private static int positiveOnce(String name, int current, int value) {
        if (current != 0) {
            throw new IllegalStateException("Answerer " + name + " is already set to " + current);
        }
        if (value < 1) {
            throw new IllegalArgumentException("Answerer " + name + " must be at least 1, was " + value);
        }
        return value;
    }

    /** @param value finds the chunks; its access rules apply to every answer @return this */
    public AnswererBuilder retriever(Retriever value) {
        retriever = once("retriever", retriever, value);
        return this;
    }

    /** @param value writes the answers; without one they are extractive @return this */
    public AnswererBuilder languageModel(LanguageModel value) {
        model = once("languageModel", model, value);
        return this;
    }

    /**
     * @param value the prompt template, using {@code {{context}}} and {@code {{question}}};
     *     load it with {@link dev.aio.core.prompt.PromptTemplates} or a
     *     {@link dev.aio.core.prompt.PromptTemplateStore}. Default: {@value Answerer#DEFAULT_TEMPLATE_RESOURCE}
     * @return this
     */
    public AnswererBuilder template(PromptTemplate value) {
        template = once("template", template, value);
        return this;
    }

    /** @param value counts context tokens; default 4 characters per token @return this */
    public AnswererBuilder tokenizer(Tokenizer value) {
        tokenizer = once("tokenizer", tokenizer, value);
        return this;
    }

    /** @param tokens the context budget, default {@value Answerer#DEFAULT_CONTEXT_TOKENS} @return this */
    public AnswererBuilder contextTokens(int tokens) {
        contextTokens = positiveOnce("contextTokens", contextTokens, tokens);
        return this;
    }

    /** @param tokens the most tokens the model may write; default the model's @return this */
    public AnswererBuilder maxOutputTokens(int tokens) {
        maxOutputTokens = positiveOnce("maxOutputTokens", maxOutputTokens, tokens);
        return this;
    }

    /** @param passages passages in an extractive answer, default {@value Answerer#DEFAULT_EXTRACTIVE_PASSAGES} @return this */
    public AnswererBuilder extractivePassages(int passages) {
        extractivePassages = positiveOnce("extractivePassages", extractivePassages, passages);
        return this;
    }

    /** @param value keeps conversation memory @return this */
    public AnswererBuilder conversations(ConversationStore value) {
        conversations = once("conversations", conversations, value);
        return this;
    }

    /** @param messages history messages given to the model, default {@value #DEFAULT_MEMORY_WINDOW} @return this */
    public AnswererBuilder memoryWindow(int messages) {
        memoryWindow = positiveOnce("memoryWindow", memoryWindow, messages);
        return this;
    }

    /**
     * @return the answerer
     * @throws IllegalStateException without a retriever
     * @throws dev.aio.core.NonRetriableException when the template lacks {@code {{context}}}
     *     or {@code {{question}}}
     */
    public Answerer build() {
        if (retriever == null) {
            throw new IllegalStateException("Answerer needs retriever(...) before build()");
        }
        if (template != null && !template.variables().containsAll(java.util.Set.of("context", "question"))) {
            throw new dev.aio.core.NonRetriableException("prompt template '" + template.name() + "'@"
                    + template.version() + " must use {{context}} and {{question}}; it uses " + template.variables());
        }
        return new Answerer(this);
    }
}
