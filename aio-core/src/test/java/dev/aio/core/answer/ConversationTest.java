package dev.aio.core.answer;

import static dev.aio.core.retrieval.Corpus.tenantChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.conversation.ConversationStore;
import dev.aio.core.model.Message;
import dev.aio.core.model.Message.Role;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.Corpus;
import dev.aio.core.retrieval.ExactVectorStore;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.testing.InMemoryObjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme");
    static final AccessContext GUS = AccessContext.of("user:gus", "globex");

    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final ExactVectorStore store = ExactVectorStore.withTenants();
    final ScriptedModel model = ScriptedModel.echo("judge-1");
    final Answerer answerer;

    ConversationTest() {
        objects.ensureBucket("memory");
        store.upsert(List.of(tenantChunk("acme", "a.md", "refunds take fourteen days", "*"),
                tenantChunk("globex", "g.md", "refunds take thirty days", "*")));
        answerer = Answerer.builder()
                .retriever(Retriever.builder().embedder(Corpus.embedder()).vectorStore(store).multiTenant().build())
                .languageModel(model).conversations(ConversationStore.in(objects, "memory")).memoryWindow(2).build();
    }

    @Test
    void eachTurnSeesOnlyTheLastWindowOfMessagesAndIsRemembered() {
        Conversation chat = answerer.conversation("c1", ALICE);

        chat.ask("refunds first");
        chat.ask("refunds second");
        chat.ask("refunds third");

        List<Message> third = model.prompts().get(2).messages();
        assertThat(third).hasSize(3);
        assertThat(third.get(0)).isEqualTo(new Message(Role.USER, "refunds second"));
        assertThat(third.get(1).role()).isEqualTo(Role.ASSISTANT);
        assertThat(third.get(2).text()).contains("Question: refunds third");
        assertThat(model.prompts().get(0).messages()).hasSize(1);
        assertThat(chat.history()).hasSize(6).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
    }

    @Test
    void theSameConversationIdInAnotherTenantHasNoSharedMemory() {
        answerer.conversation("support", ALICE).ask("refunds for acme");

        Conversation theirs = answerer.conversation("support", GUS);
        Answer answer = theirs.ask("refunds for globex");

        assertThat(model.prompts().get(1).messages()).hasSize(1);
        assertThat(answer.text()).containsIgnoringCase("thirty").doesNotContainIgnoringCase("fourteen");
        assertThat(theirs.history()).extracting(Message::text).noneMatch(t -> t.contains("acme"));
    }

    @Test
    void clearingForgetsTheConversation() {
        Conversation chat = answerer.conversation("c2", ALICE);
        chat.ask("refunds");

        chat.clear();

        assertThat(chat.history()).isEmpty();
    }

    @Test
    void anAnswererWithoutAConversationStoreRefusesConversations() {
        Answerer plain = Answerer.builder().retriever(Retriever.builder().embedder(Corpus.embedder())
                .vectorStore(store).build()).build();

        assertThatThrownBy(() -> plain.conversation("c", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conversations(");
    }
}
