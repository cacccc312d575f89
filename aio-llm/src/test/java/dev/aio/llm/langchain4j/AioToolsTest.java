package dev.aio.llm.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.AccessViolationException;
import dev.aio.core.testing.InMemoryObjectStore;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AioToolsTest {

    static final AccessContext ALICE = AccessContext.of("user:alice", "acme", "group:eng");
    static final AccessContext HANA = AccessContext.of("user:hana", "acme", "group:hr");

    interface Agent {
        String chat(String question);
    }

    final TenantVectorStore vectors = TenantVectorStore.twoTenants();
    final InMemoryObjectStore objects = objects();

    static InMemoryObjectStore objects() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.ensureBucket("docs");
        store.ensureBucket("other");
        store.put("docs", "acme/refunds.md", "Refunds within thirty days.".getBytes(StandardCharsets.UTF_8));
        store.put("docs", "acme/hr/salaries.md", "Salary bands: confidential.".getBytes(StandardCharsets.UTF_8));
        store.put("docs", "acme-rival/plan.md", "rival plan".getBytes(StandardCharsets.UTF_8));
        store.put("docs", "globex/refunds.md", "Globex secret: ninety days.".getBytes(StandardCharsets.UTF_8));
        store.put("other", "acme/refunds.md", "a different bucket".getBytes(StandardCharsets.UTF_8));
        return store;
    }

    AioTools tools(AccessContext access) {
        return AioTools.builder().access(access).retriever(vectors.retriever())
                .objectStore(objects, c -> new ObjectScope("docs", c.tenant() + "/"))
                // HR files are for the HR group: the host's per-object rule on top of the tenant scope.
                .readable((c, info) -> !info.key().contains("/hr/") || c.groups().contains("group:hr"))
                .maxObjectBytes(16).build();
    }

    /** Runs one scripted agent turn that makes the given tool calls and returns what the tools said. */
    String agentTurn(AccessContext access, String... toolAndArgs) {
        Agent agent = AiServices.builder(Agent.class).chatModel(ScriptedChatModelStub.calling(toolAndArgs))
                .tools(tools(access).tools()).build();
        return agent.chat("help me");
    }

    String call(AccessContext access, String tool, String args) {
        Map<ToolSpecification, ToolExecutor> tools = tools(access).tools();
        ToolSpecification spec = tools.keySet().stream().filter(s -> s.name().equals(tool)).findFirst().orElseThrow();
        return tools.get(spec).execute(ToolExecutionRequest.builder().id("1").name(tool).arguments(args).build(), null);
    }

    @Test
    void anAgentSearchesThenReadsAndListsThroughTheTools() {
        String said = agentTurn(ALICE,
                AioTools.SEARCH, "{\"query\": \"refund policy\", \"k\": 3}",
                AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/refunds.md\"}",
                AioTools.LIST_OBJECTS, "{}");

        assertThat(said).contains(AioTools.SEARCH + " -> [{\"id\":\"acme/refunds.md#0\"")
                .contains("\"versionId\":\"v-acme/refunds.md\"")
                .contains(AioTools.GET_OBJECT_TEXT + " -> Refunds within t\n[cut at 16 of 27 bytes]")
                .contains(AioTools.LIST_OBJECTS + " -> {\"objects\":[{\"key\":\"acme/refunds.md\",\"size\":27}],"
                        + "\"truncated\":false}")
                .doesNotContain("globex").doesNotContain("ninety").doesNotContain("\"acl\"");
    }

    @Test
    void theToolsDescribeTheirArguments() {
        assertThat(tools(ALICE).tools().keySet()).extracting(ToolSpecification::name)
                .containsExactly(AioTools.SEARCH, AioTools.GET_OBJECT_TEXT, AioTools.LIST_OBJECTS);
        ToolSpecification search = tools(ALICE).tools().keySet().iterator().next();
        assertThat(search.parameters().properties()).containsOnlyKeys("query", "k", "filter");
        assertThat(search.parameters().required()).containsExactly("query");
    }

    @Test
    void anArgumentNamingAnotherTenantIsRefusedNotIgnored() {
        String said = call(ALICE, AioTools.SEARCH, "{\"query\": \"refund policy\", \"tenant\": \"globex\"}");

        assertThat(said).startsWith(AioTools.ERROR_PREFIX).contains("unknown argument 'tenant'");
    }

    @Test
    void aFilterCannotWidenTheSearchBeyondTheUsersTenantAndLabels() {
        String said = call(ALICE, AioTools.SEARCH, "{\"query\": \"refund policy salary globex\", \"k\": 10, "
                + "\"filter\": \"tenant == 'globex' || acl in ['group:hr'] || !(key == 'x') || exists(key)\"}");

        assertThat(said).contains("acme/refunds.md").doesNotContain("globex/").doesNotContain("salar");
    }

    @Test
    void anotherTenantsObjectReadsExactlyLikeAMissingOne() {
        String globex = call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"globex/refunds.md\"}");
        String missing = call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/nothing.md\"}");

        assertThat(globex).startsWith(AioTools.ERROR_PREFIX + AioTools.GET_OBJECT_TEXT + ": no readable object")
                .doesNotContain("ninety");
        assertThat(missing.replace("acme/nothing.md", "K")).isEqualTo(globex.replace("globex/refunds.md", "K"));
    }

    @Test
    void pathTricksOtherBucketsAndPrefixLookalikesReachNothing() {
        assertThat(call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/../globex/refunds.md\"}"))
                .startsWith(AioTools.ERROR_PREFIX).doesNotContain("ninety");
        assertThat(call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme-rival/plan.md\"}"))
                .startsWith(AioTools.ERROR_PREFIX).doesNotContain("rival plan");
        assertThat(call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/refunds.md\", \"bucket\": \"other\"}"))
                .startsWith(AioTools.ERROR_PREFIX).doesNotContain("different");
        assertThat(call(ALICE, AioTools.LIST_OBJECTS, "{\"prefix\": \"globex/\"}"))
                .startsWith(AioTools.ERROR_PREFIX).contains("outside what you can read");
        assertThat(call(ALICE, AioTools.LIST_OBJECTS, "{\"prefix\": \"acme\"}"))
                .startsWith(AioTools.ERROR_PREFIX);
    }

    @Test
    void theHostsPerObjectRuleHidesObjectsInsideTheTenant() {
        assertThat(call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/hr/salaries.md\"}"))
                .startsWith(AioTools.ERROR_PREFIX + AioTools.GET_OBJECT_TEXT + ": no readable object");
        assertThat(call(ALICE, AioTools.LIST_OBJECTS, "{\"prefix\": \"acme/\"}")).doesNotContain("salaries");
        assertThat(call(HANA, AioTools.GET_OBJECT_TEXT, "{\"key\": \"acme/hr/salaries.md\"}"))
                .startsWith("Salary bands");
        assertThat(call(HANA, AioTools.LIST_OBJECTS, "{}")).contains("acme/hr/salaries.md");
    }

    @Test
    void aStoreThatLeaksFailsTheCallInsteadOfShowingTheModelAnything() {
        Map<ToolSpecification, ToolExecutor> tools = AioTools.builder().access(ALICE)
                .retriever(TenantVectorStore.twoTenants(true).retriever()).build().tools();
        ToolSpecification search = tools.keySet().iterator().next();
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("1").name(AioTools.SEARCH)
                .arguments("{\"query\": \"refund policy globex\", \"k\": 10}").build();

        assertThatThrownBy(() -> tools.get(search).execute(request, null))
                .isInstanceOf(AccessViolationException.class);
    }

    @Test
    void malformedArgumentsComeBackAsErrorsTheModelCanFix() {
        assertThat(call(ALICE, AioTools.SEARCH, "{\"query\": ")).startsWith(AioTools.ERROR_PREFIX)
                .contains("not valid JSON");
        assertThat(call(ALICE, AioTools.SEARCH, "[1]")).contains("must be a JSON object");
        assertThat(call(ALICE, AioTools.SEARCH, "{\"k\": 2}")).contains("'query' is required");
        assertThat(call(ALICE, AioTools.SEARCH, "{\"query\": \"x\", \"k\": 5000}")).contains("'k' must be an integer in [1, 20]");
        assertThat(call(ALICE, AioTools.SEARCH, "{\"query\": \"x\", \"filter\": \"key ==\"}"))
                .startsWith(AioTools.ERROR_PREFIX);
        assertThat(call(ALICE, AioTools.GET_OBJECT_TEXT, "{\"key\": 7}")).contains("'key' must be a string");
    }
}
