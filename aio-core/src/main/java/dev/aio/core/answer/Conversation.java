package dev.aio.core.answer;

import dev.aio.core.model.Message;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.RetrievalRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A multi-turn conversation with an {@link Answerer}: each question is answered with the last
 * messages of the conversation (the memory window) before it, and the question and the answer
 * are then appended to the {@link dev.aio.core.conversation.ConversationStore}.
 *
 * <p>The memory is stored under an id derived from the tenant, the principal and the caller's
 * conversation id, so two tenants (or two users) using the same conversation id never read each
 * other's history. Retrieval uses the new question alone, with the conversation's access
 * context; history shapes the wording of the answer, never which chunks may be read.
 *
 * <p>Thread-safe; concurrent questions in one conversation are each answered with the memory
 * as it was when they started.
 */
public final class Conversation {

    private final Answerer answerer;
    private final String id;
    private final String storageId;
    private final AccessContext access;

    Conversation(Answerer answerer, String id, AccessContext access) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a conversation id must be non-blank, got '" + id + "'");
        }
        this.answerer = answerer;
        this.id = id;
        this.access = access;
        this.storageId = storageId(access, id);
    }

    /** @return the caller's conversation id */
    public String id() {
        return id;
    }

    /**
     * @param question the next question
     * @return the answer
     */
    public Answer ask(String question) {
        return ask(request(question), null);
    }

    /**
     * @param question the next question
     * @param onToken receives the answer's text as it is written
     * @return the answer
     */
    public Answer stream(String question, Consumer<String> onToken) {
        return ask(request(question), java.util.Objects.requireNonNull(onToken, "onToken"));
    }

    /** @return the conversation's messages, oldest first */
    public List<Message> history() {
        return answerer.conversations.load(storageId);
    }

    /** Forgets the conversation. */
    public void clear() {
        answerer.conversations.delete(storageId);
    }

    private RetrievalRequest request(String question) {
        RetrievalRequest.Builder b = RetrievalRequest.builder(question);
        return access == null ? b.build() : b.access(access).build();
    }

    private Answer ask(RetrievalRequest request, Consumer<String> onToken) {
        List<Message> memory = answerer.conversations.window(storageId, answerer.memoryWindow);
        Answer answer = answerer.answer(request, memory, onToken);
        answerer.conversations.append(storageId, new Message(Message.Role.USER, request.query()));
        answerer.conversations.append(storageId, new Message(Message.Role.ASSISTANT, answer.text()));
        return answer;
    }

    /** Length-prefixed fields, hashed: no two (tenant, principal, id) triples share a key. */
    static String storageId(AccessContext access, String id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {access == null ? "" : access.tenant(),
                    access == null ? "" : access.principal(), id}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                d.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                d.update(bytes);
            }
            return "c-" + HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
