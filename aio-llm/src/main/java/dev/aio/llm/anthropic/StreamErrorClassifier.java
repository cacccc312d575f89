package dev.aio.llm.anthropic;

import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.anthropic.internal.api.AnthropicStreamingException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Set;

/**
 * Marks Anthropic's transient mid-stream errors as retriable. Once a stream has started with
 * HTTP 200, Anthropic reports overload as an {@code event: error} with a type, which langchain4j
 * surfaces as a plain {@link AnthropicStreamingException}; without this the shared error mapper
 * could not tell an overload from a bad request. The mapping lives here because only Anthropic
 * has it. Text-only: it forwards what aio's bridge listens to (text pieces, completion, errors).
 */
final class StreamErrorClassifier implements StreamingChatModel {

    /** Anthropic's error types that another attempt may not meet (its "errors" documentation). */
    private static final Set<String> TRANSIENT =
            Set.of("overloaded_error", "api_error", "rate_limit_error", "timeout_error");

    private final StreamingChatModel delegate;

    StreamErrorClassifier(StreamingChatModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        delegate.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                handler.onPartialResponse(partial);
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handler.onPartialResponse(partial, context);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                handler.onCompleteResponse(response);
            }

            @Override
            public void onError(Throwable error) {
                handler.onError(classify(error));
            }
        });
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    static Throwable classify(Throwable error) {
        if (error instanceof AnthropicStreamingException e && e.type() != null && TRANSIENT.contains(e.type())) {
            return new RetriableException("Anthropic stream error " + e.type() + ": " + e.getMessage(), e);
        }
        return error;
    }
}
