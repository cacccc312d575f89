package dev.aio.llm.langchain4j;

import dev.aio.core.AioException;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.llm.langchain4j.internal.Conversions;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An aio {@link LanguageModel} as a langchain4j {@link ChatModel} and {@link StreamingChatModel},
 * so langchain4j's AI services, memory and RAG pieces can use any aio model (a router, a cached
 * model, a test double).
 *
 * <p>Text chat only: a request with tools, images or sampling parameters other than
 * temperature, max output tokens and stop sequences is refused with langchain4j's
 * {@code UnsupportedFeatureException} rather than silently stripped. aio failures reach
 * langchain4j as its {@link RetriableException} or {@link NonRetriableException} (by the aio
 * error's branch) with the aio error as cause, so a bridge back to aio recovers it, retry-after
 * hint included.
 *
 * <p>Streaming runs on the caller's thread: {@code chat(request, handler)} returns after
 * {@code onCompleteResponse} or {@code onError}. Thread-safe when the aio model is.
 */
public final class AioChatModel implements ChatModel, StreamingChatModel {

    private final LanguageModel model;
    private final ChatRequestParameters defaults;

    private AioChatModel(LanguageModel model) {
        this.model = model;
        this.defaults = DefaultChatRequestParameters.builder().modelName(model.modelId()).build();
    }

    /**
     * Wraps an aio model.
     *
     * @param model the aio model, not null
     * @return the langchain4j view of it
     */
    public static AioChatModel of(LanguageModel model) {
        return new AioChatModel(Objects.requireNonNull(model, "model"));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        try {
            return toResponse(model.generate(Conversions.toPrompt(request)));
        } catch (AioException e) {
            throw toLangchain4j(e);
        }
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        ChatResponse response;
        try {
            response = toResponse(model.stream(Conversions.toPrompt(request), handler::onPartialResponse));
        } catch (AioException e) {
            handler.onError(toLangchain4j(e));
            return;
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        handler.onCompleteResponse(response);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }

    /** Text chat only: no tools, no JSON schema, no images. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public String toString() {
        return "AioChatModel[" + model.modelId() + "]";
    }

    private static ChatResponse toResponse(Generation g) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(g.text()))
                .modelName(g.modelId())
                .finishReason(Conversions.finishReason(g.finishReason()))
                .tokenUsage(new TokenUsage(Math.toIntExact(g.usage().inputTokens()),
                        Math.toIntExact(g.usage().outputTokens())))
                .build();
    }

    /** The aio error in langchain4j's tree, on the same branch, with the aio error as cause. */
    static RuntimeException toLangchain4j(AioException e) {
        return e.isRetriable() ? new RetriableException(e.getMessage(), e) : new NonRetriableException(e.getMessage(), e);
    }
}
