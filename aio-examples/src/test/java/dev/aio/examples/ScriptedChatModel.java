package dev.aio.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.llm.langchain4j.AioTools;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A STUB langchain4j {@link ChatModel} for tests, standing in for a real model with a fixed script:
 * given the user's question it calls aio's search tool with it; given the tool's result it answers
 * with the best passage and cites its source as {@code [bucket/key@version]}. It knows nothing of
 * the documents: whatever its answer says came from the tool. Every request is kept.
 */
final class ScriptedChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The requests received, oldest first. */
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        ChatMessage last = request.messages().get(request.messages().size() - 1);
        if (last instanceof UserMessage user) {
            String arguments = JSON.createObjectNode().put("query", user.singleText()).put("k", 3).toString();
            return ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder().id("call-1")
                    .name(AioTools.SEARCH).arguments(arguments).build())).build();
        }
        if (last instanceof ToolExecutionResultMessage result) {
            return ChatResponse.builder().aiMessage(AiMessage.from(answerFrom(result.text()))).build();
        }
        throw new IllegalStateException("ScriptedChatModel has no step for a " + last.type() + " message");
    }

    private static String answerFrom(String toolResult) {
        JsonNode hits;
        try {
            hits = JSON.readTree(toolResult);
        } catch (IOException e) {
            throw new UncheckedIOException("the tool result is not JSON: " + toolResult, e);
        }
        if (!hits.isArray() || hits.isEmpty()) {
            return "I do not know: the search found nothing.";
        }
        JsonNode best = hits.get(0);
        JsonNode source = best.path("source");
        String version = source.hasNonNull("versionId") ? source.get("versionId").asText() : source.path("etag").asText();
        String passage = best.path("text").asText().replaceAll("\\s+", " ").strip();
        return passage + " [" + source.path("bucket").asText() + "/" + source.path("key").asText() + "@" + version + "]";
    }
}
