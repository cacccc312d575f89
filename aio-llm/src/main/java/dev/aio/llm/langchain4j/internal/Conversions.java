package dev.aio.llm.langchain4j.internal;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Message;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between aio's model types and langchain4j's, in both directions. The two agree on
 * text chat; what only langchain4j has (tools, images, response formats, top-p ...) is refused
 * loudly when it would otherwise be silently dropped.
 */
public final class Conversions {

    private Conversions() {
    }

    /**
     * An aio prompt as a langchain4j request. The model name is left unset, so the model's own
     * default applies.
     *
     * @param prompt the prompt
     * @return the request
     * @throws NonRetriableException when a message cannot be expressed (langchain4j refuses a blank
     *     system message)
     */
    public static ChatRequest toChatRequest(Prompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(prompt.messages().size());
        for (int i = 0; i < prompt.messages().size(); i++) {
            Message m = prompt.messages().get(i);
            switch (m.role()) {
                case SYSTEM -> {
                    if (m.text().isBlank()) {
                        throw new NonRetriableException("prompt message " + i + " is a blank system message, which "
                                + "langchain4j refuses; leave it out or give it text");
                    }
                    messages.add(SystemMessage.from(m.text()));
                }
                case USER -> messages.add(UserMessage.from(m.text()));
                case ASSISTANT -> messages.add(AiMessage.from(m.text()));
                default -> throw new IllegalStateException("unknown role " + m.role());
            }
        }
        DefaultChatRequestParameters.Builder<?> params = DefaultChatRequestParameters.builder();
        prompt.maxOutputTokens().ifPresent(params::maxOutputTokens);
        prompt.temperature().ifPresent(params::temperature);
        if (!prompt.stopSequences().isEmpty()) {
            params.stopSequences(prompt.stopSequences());
        }
        return ChatRequest.builder().messages(messages).parameters(params.build()).build();
    }

    /**
     * A langchain4j response as an aio generation.
     *
     * @param response the response
     * @param fallbackModelId the model id to report when the response names none
     * @return the generation
     */
    public static Generation toGeneration(ChatResponse response, String fallbackModelId) {
        AiMessage ai = response.aiMessage();
        String text = ai == null || ai.text() == null ? "" : ai.text();
        String model = response.modelName() == null || response.modelName().isBlank()
                ? fallbackModelId : response.modelName();
        return new Generation(text, finishReason(response.finishReason()), usage(response.tokenUsage()), model);
    }

    /**
     * langchain4j's finish reason as aio's.
     *
     * @param reason the reason, or null when the provider gave none
     * @return aio's reason; {@link FinishReason#OTHER} for null
     */
    public static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALL;
            default -> FinishReason.OTHER;
        };
    }

    /**
     * aio's finish reason as langchain4j's.
     *
     * @param reason the reason
     * @return langchain4j's reason
     */
    public static dev.langchain4j.model.output.FinishReason finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> dev.langchain4j.model.output.FinishReason.STOP;
            case LENGTH -> dev.langchain4j.model.output.FinishReason.LENGTH;
            case CONTENT_FILTER -> dev.langchain4j.model.output.FinishReason.CONTENT_FILTER;
            case TOOL_CALL -> dev.langchain4j.model.output.FinishReason.TOOL_EXECUTION;
            case OTHER -> dev.langchain4j.model.output.FinishReason.OTHER;
        };
    }

    /**
     * langchain4j's token usage as aio's; counts the provider did not report are zero.
     *
     * @param usage the usage, or null
     * @return aio's usage
     */
    public static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.NONE;
        }
        long in = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new TokenUsage(in, out);
    }

    /**
     * A langchain4j request as an aio prompt.
     *
     * @param request the request
     * @return the prompt
     * @throws UnsupportedFeatureException naming the message or parameter aio's prompt cannot
     *     carry (tools, images, audio, response formats, sampling knobs other than temperature)
     */
    public static Prompt toPrompt(ChatRequest request) {
        Prompt.Builder prompt = Prompt.builder();
        List<ChatMessage> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m instanceof SystemMessage s) {
                prompt.system(s.text());
            } else if (m instanceof UserMessage u) {
                if (!u.hasSingleText()) {
                    throw new UnsupportedFeatureException("message " + i + " is a user message with " + u.contents().size()
                            + " contents or non-text content; aio language models take text only");
                }
                prompt.user(u.singleText());
            } else if (m instanceof AiMessage a) {
                if (a.hasToolExecutionRequests()) {
                    throw new UnsupportedFeatureException("message " + i + " holds tool calls; aio language models "
                            + "do not call tools");
                }
                prompt.assistant(a.text() == null ? "" : a.text());
            } else {
                throw new UnsupportedFeatureException("message " + i + " is a " + m.type() + " message; aio language "
                        + "models take system, user and AI text messages only");
            }
        }
        ChatRequestParameters p = request.parameters();
        if (p != null) {
            refuse("topP", p.topP());
            refuse("topK", p.topK());
            refuse("frequencyPenalty", p.frequencyPenalty());
            refuse("presencePenalty", p.presencePenalty());
            refuse("responseFormat", p.responseFormat());
            refuse("toolChoice", p.toolChoice());
            if (p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
                throw new UnsupportedFeatureException("the request offers " + p.toolSpecifications().size()
                        + " tools; aio language models do not call tools");
            }
            if (p.maxOutputTokens() != null) {
                prompt.maxOutputTokens(p.maxOutputTokens());
            }
            if (p.temperature() != null) {
                prompt.temperature(p.temperature());
            }
            if (p.stopSequences() != null) {
                p.stopSequences().forEach(prompt::stop);
            }
        }
        return prompt.build();
    }

    private static void refuse(String name, Object value) {
        if (value != null) {
            throw new UnsupportedFeatureException("request parameter " + name + "=" + value
                    + " has no counterpart in an aio Prompt; leave it unset");
        }
    }
}
