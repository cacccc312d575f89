package dev.aio.llm.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stub chat model (no LLM can run here) that plays a script: on its first call it asks for
 * the given tool calls, as a model that chose them would; on the next it answers with every tool
 * result it was sent, one per line, so a test sees exactly what the tools gave the model. With
 * no tool calls scripted it answers with the last user message, which is where langchain4j puts
 * retrieved content. Records every request.
 */
final class ScriptedChatModelStub implements ChatModel {

    private final List<ToolExecutionRequest> calls;
    final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedChatModelStub(List<ToolExecutionRequest> calls) {
        this.calls = calls;
    }

    /** @return a stub that calls {@code tool} with {@code jsonArgs} pairs, in one turn */
    static ScriptedChatModelStub calling(String... toolAndArgs) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (int i = 0; i < toolAndArgs.length; i += 2) {
            calls.add(ToolExecutionRequest.builder().id("call-" + i / 2).name(toolAndArgs[i])
                    .arguments(toolAndArgs[i + 1]).build());
        }
        return new ScriptedChatModelStub(calls);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        List<ChatMessage> messages = request.messages();
        boolean toolsAnswered = messages.stream().anyMatch(m -> m instanceof ToolExecutionResultMessage);
        if (!calls.isEmpty() && !toolsAnswered) {
            return ChatResponse.builder().aiMessage(AiMessage.from(calls)).build();
        }
        if (toolsAnswered) {
            String results = messages.stream().filter(m -> m instanceof ToolExecutionResultMessage)
                    .map(m -> ((ToolExecutionResultMessage) m).toolName() + " -> "
                            + ((ToolExecutionResultMessage) m).text())
                    .collect(Collectors.joining("\n"));
            return ChatResponse.builder().aiMessage(AiMessage.from(results)).build();
        }
        UserMessage last = (UserMessage) messages.stream().filter(m -> m instanceof UserMessage)
                .reduce((a, b) -> b).orElseThrow();
        return ChatResponse.builder().aiMessage(AiMessage.from(last.singleText())).build();
    }
}
