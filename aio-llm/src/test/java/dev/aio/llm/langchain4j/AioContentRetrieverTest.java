package dev.aio.llm.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.AccessViolationException;
import dev.aio.core.vector.Filter;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.service.AiServices;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AioContentRetrieverTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme", "group:eng");
    static final AccessContext GUS = AccessContext.of("user:gus", "globex");

    interface Assistant {
        String chat(String question);
    }

    final TenantVectorStore store = TenantVectorStore.twoTenants();

    static List<String> keys(List<Content> contents) {
        return contents.stream().map(c -> c.textSegment().metadata().getString("key")).toList();
    }

    @Test
    void anAiServiceAnswersFromTheUsersTenantOnly() {
        ScriptedChatModelStub model = ScriptedChatModelStub.calling();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
                .contentRetriever(AioContentRetriever.builder().retriever(store.retriever()).access(ALICE).topK(10).build())
                .build();

        String answer = assistant.chat("what is the refund policy for customers?");

        assertThat(answer).contains("thirty days").doesNotContain("globex").doesNotContain("salary");
    }

    @Test
    void contentsCarryCitationLineageAndScore() {
        List<Content> contents = AioContentRetriever.builder().retriever(store.retriever()).access(ALICE).build()
                .retrieve(Query.from("refund policy"));

        assertThat(contents).hasSize(1);
        dev.langchain4j.data.document.Metadata m = contents.get(0).textSegment().metadata();
        assertThat(m.getString("bucket")).isEqualTo("docs");
        assertThat(m.getString("key")).isEqualTo("acme/refunds.md");
        assertThat(m.getString("versionId")).isEqualTo("v-acme/refunds.md");
        assertThat(m.getLong("firstPage")).isEqualTo(2L);
        assertThat(m.getString(AioContentRetriever.CHUNK_ID)).isEqualTo("acme/refunds.md#0");
        assertThat(m.getString(AioContentRetriever.TENANT)).isEqualTo("acme");
        assertThat(m.containsKey("acl")).isFalse();
        assertThat(contents.get(0).metadata()).containsKey(ContentMetadata.SCORE)
                .containsEntry(ContentMetadata.EMBEDDING_ID, "acme/refunds.md#0");
    }

    @Test
    void theResolverPicksEachUsersContextFromTheQueryMetadata() {
        Map<Object, AccessContext> users = Map.of("alice-chat", ALICE, "gus-chat", GUS);
        AioContentRetriever retriever = AioContentRetriever.builder().retriever(store.retriever())
                .access(q -> users.get(q.metadata().chatMemoryId())).topK(10).build();

        assertThat(keys(retriever.retrieve(query("refund policy", "alice-chat")))).containsExactly("acme/refunds.md");
        assertThat(keys(retriever.retrieve(query("refund policy", "gus-chat")))).containsExactly("globex/refunds.md");
        assertThatThrownBy(() -> retriever.retrieve(query("refund policy", "mallory-chat")))
                .isInstanceOf(AccessViolationException.class).hasMessageContaining("no AccessContext");
    }

    @Test
    void aConfiguredFilterCannotWidenTheContext() {
        Filter widening = Filter.parse("tenant == 'globex' || acl in ['group:hr'] || exists(key)");
        List<Content> contents = AioContentRetriever.builder().retriever(store.retriever()).access(ALICE)
                .filter(widening).topK(10).build().retrieve(Query.from("refund policy salary globex"));

        assertThat(keys(contents)).containsExactly("acme/refunds.md");
    }

    @Test
    void aMultiTenantRetrieverNeedsAnAccessContext() {
        assertThatThrownBy(() -> AioContentRetriever.builder().retriever(store.retriever()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("access(AccessContext)");
    }

    static Query query(String text, Object memoryId) {
        return Query.from(text, Metadata.from(UserMessage.from(text), memoryId, List.of()));
    }
}
