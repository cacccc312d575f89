package dev.aio.llm.langchain4j;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.core.NonRetriableException;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.AccessViolationException;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.llm.langchain4j.internal.ObjectReader;
import dev.aio.llm.langchain4j.internal.ToolArgumentException;
import dev.aio.llm.langchain4j.internal.ToolArguments;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.tool.ToolExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * aio's search and object-store reads as langchain4j tools for agents:
 * {@code AiServices.builder(Agent.class).chatModel(model).tools(aioTools.tools())}.
 *
 * <ul>
 *   <li>{@value #SEARCH}: {@code query}, optional {@code k} and {@code filter} (aio's filter
 *       expression); returns the best chunks with their text and lineage as JSON.</li>
 *   <li>{@value #GET_OBJECT_TEXT}: {@code key}, optional {@code bucket}; returns an object's
 *       text, read-only, cut at {@link Builder#maxObjectBytes(int)}.</li>
 *   <li>{@value #LIST_OBJECTS}: optional {@code prefix}; returns keys and sizes, at most
 *       {@link Builder#maxListed(int)}.</li>
 * </ul>
 *
 * <p><b>Access.</b> A set of tools is bound to one {@link AccessContext} when it is built (build
 * one per user or request). No argument can choose another: searches are made for that context,
 * so the retriever ANDs its tenant and ACL condition to any filter the model sends; object
 * tools only reach the {@link ObjectScope} the host maps the context to, checked before the
 * store is touched, and answer a key outside it exactly as a missing key, so a model cannot
 * probe for other tenants' objects. Arguments a tool does not declare (say {@code tenant}) are
 * refused, not ignored.
 *
 * <p><b>Errors.</b> Bad arguments, bad filters and refused keys come back to the model as a tool
 * result starting with {@value #ERROR_PREFIX}, so it can correct its call; retriable failures
 * (a store that is down) propagate to langchain4j's tool error handling, and so does an
 * {@link AccessViolationException} (a store that returned another tenant's chunk), whose message
 * is never shown to the model.
 *
 * <p>Immutable and thread-safe when the retriever and store are.
 */
public final class AioTools {

    /** The search tool's name. */
    public static final String SEARCH = "search_documents";
    /** The object read tool's name. */
    public static final String GET_OBJECT_TEXT = "get_object_text";
    /** The object listing tool's name. */
    public static final String LIST_OBJECTS = "list_objects";
    /** How a tool result that reports a refused call starts. */
    public static final String ERROR_PREFIX = "ERROR: ";
    /** The most chunks a search may ask for unless {@link Builder#maxResults(int)} says otherwise. */
    public static final int DEFAULT_MAX_RESULTS = 20;
    /** The most bytes of an object read unless {@link Builder#maxObjectBytes(int)} says otherwise. */
    public static final int DEFAULT_MAX_OBJECT_BYTES = 32 * 1024;
    /** The most keys listed unless {@link Builder#maxListed(int)} says otherwise. */
    public static final int DEFAULT_MAX_LISTED = 100;

    private final AccessContext access;
    private final Retriever retriever;
    private final ObjectReader objects;
    private final int maxResults;

    private AioTools(Builder b) {
        this.access = b.access;
        this.retriever = b.retriever;
        this.objects = b.store == null ? null : new ObjectReader(b.store, b.scopes.apply(b.access),
                b.readable == null ? (c, info) -> true : b.readable, b.access, b.maxObjectBytes, b.maxListed);
        this.maxResults = b.maxResults;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the context every call is made for */
    public AccessContext access() {
        return access;
    }

    /**
     * @return the tool specifications and their executors, in a stable order: search when a
     *     retriever was given, the object tools when an object store was given
     */
    public Map<ToolSpecification, ToolExecutor> tools() {
        Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();
        if (retriever != null) {
            tools.put(ToolSpecification.builder().name(SEARCH)
                    .description("Searches the user's documents and returns the most relevant passages with "
                            + "their source (bucket, key, versionId, pages) as JSON.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("query", "what to look for, in natural language")
                            .addIntegerProperty("k", "how many passages, 1 to " + maxResults)
                            .addStringProperty("filter", "optional metadata filter, e.g. key == 'a.md' && firstPage >= 2")
                            .required("query").additionalProperties(false).build())
                    .build(), guarded(SEARCH, this::search));
        }
        if (objects != null) {
            tools.put(ToolSpecification.builder().name(GET_OBJECT_TEXT)
                    .description("Returns the text of one document by its key (as given by search or listing), "
                            + "cut at " + objects.maxBytes() + " bytes.")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("key", "the object key")
                            .addStringProperty("bucket", "optional; the bucket, which is always "
                                    + objects.scope().bucket())
                            .required("key").additionalProperties(false).build())
                    .build(), guarded(GET_OBJECT_TEXT, objects::text));
            tools.put(ToolSpecification.builder().name(LIST_OBJECTS)
                    .description("Lists document keys and sizes under a prefix (keys start with '"
                            + objects.scope().prefix() + "'), at most " + objects.maxListed() + ".")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("prefix", "optional key prefix")
                            .additionalProperties(false).build())
                    .build(), guarded(LIST_OBJECTS, objects::list));
        }
        return tools;
    }

    private String search(String json) {
        ToolArguments args = ToolArguments.parse(SEARCH, json, Set.of("query", "k", "filter"));
        RetrievalRequest.Builder request = RetrievalRequest.builder(args.requiredText("query"))
                .topK(args.optionalInt("k", 1, maxResults, Math.min(RetrievalRequest.DEFAULT_TOP_K, maxResults)))
                .access(access);
        String filter = args.optionalText("filter");
        if (filter != null && !filter.isBlank()) {
            request.filter(Filter.parse(filter));
        }
        ArrayNode out = ToolArguments.json().createArrayNode();
        for (SearchHit hit : retriever.retrieve(request.build())) {
            ObjectNode h = out.addObject();
            h.put("id", hit.id());
            h.put("score", hit.score());
            h.put("text", hit.text());
            ObjectNode source = h.putObject("source");
            hit.metadata().forEach((k, v) -> {
                if (!dev.aio.core.ingest.Lineage.ACL.equals(k)) { // labels are access data, not content
                    source.putPOJO(k, v);
                }
            });
        }
        return out.toString();
    }

    private static ToolExecutor guarded(String tool, Function<String, String> body) {
        return (ToolExecutionRequest request, Object memoryId) -> {
            try {
                return body.apply(request.arguments());
            } catch (AccessViolationException e) {
                // A component broke isolation: a security failure for the host, not a message for
                // the model (it may name another tenant's chunk).
                throw e;
            } catch (NonRetriableException | IllegalArgumentException e) {
                // The model can fix its call: tell it what was wrong instead of failing the chat.
                return ERROR_PREFIX + e.getMessage();
            }
        };
    }

    @Override
    public String toString() {
        return "AioTools{" + access + (retriever == null ? "" : ", search") + (objects == null ? "" : ", " + objects.scope())
                + "}";
    }

    /** Builds {@link AioTools}; each setting may be set once. Not thread-safe. */
    public static final class Builder {
        private AccessContext access;
        private Retriever retriever;
        private ObjectStore store;
        private Function<AccessContext, ObjectScope> scopes;
        private BiPredicate<AccessContext, dev.aio.core.storage.ObjectInfo> readable;
        private int maxResults = DEFAULT_MAX_RESULTS;
        private int maxObjectBytes = DEFAULT_MAX_OBJECT_BYTES;
        private int maxListed = DEFAULT_MAX_LISTED;

        private Builder() {
        }

        private static <T> T once(String name, T current, T value) {
            Objects.requireNonNull(value, name);
            if (current != null) {
                throw new IllegalStateException("AioTools " + name + " is already set to " + current);
            }
            return value;
        }

        private static int positive(String name, int value, int max) {
            if (value < 1 || value > max) {
                throw new IllegalArgumentException("AioTools " + name + " must be in [1, " + max + "], was " + value);
            }
            return value;
        }

        /** @param value whom every call is made for, not null @return this */
        public Builder access(AccessContext value) {
            access = once("access", access, value);
            return this;
        }

        /** @param value enables the search tool @return this */
        public Builder retriever(Retriever value) {
            retriever = once("retriever", retriever, value);
            return this;
        }

        /**
         * Enables the object tools.
         *
         * @param value the store, read only through {@code get} and {@code list}
         * @param scope maps the access context to the bucket and prefix it may read
         * @return this
         */
        public Builder objectStore(ObjectStore value, Function<AccessContext, ObjectScope> scope) {
            store = once("objectStore", store, value);
            scopes = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * @param value a further check per object inside the scope (say, its ACL metadata);
         *     an object it refuses is answered as missing and never listed
         * @return this
         */
        public Builder readable(BiPredicate<AccessContext, dev.aio.core.storage.ObjectInfo> value) {
            readable = once("readable", readable, value);
            return this;
        }

        /** @param value the most chunks a search returns, 1 to 1000; default 20 @return this */
        public Builder maxResults(int value) {
            maxResults = positive("maxResults", value, RetrievalRequest.MAX_TOP_K);
            return this;
        }

        /** @param value the most bytes of an object returned, default 32 KiB @return this */
        public Builder maxObjectBytes(int value) {
            maxObjectBytes = positive("maxObjectBytes", value, 16 * 1024 * 1024);
            return this;
        }

        /** @param value the most keys one listing returns, 1 to 1000; default 100 @return this */
        public Builder maxListed(int value) {
            maxListed = positive("maxListed", value, 1000);
            return this;
        }

        /**
         * @return the tools
         * @throws IllegalStateException without an access context, or with neither a retriever
         *     nor an object store
         */
        public AioTools build() {
            if (access == null) {
                throw new IllegalStateException("AioTools needs access(AccessContext) before build(): every tool "
                        + "call is made for one principal and tenant");
            }
            if (retriever == null && store == null) {
                throw new IllegalStateException("AioTools needs retriever(...) or objectStore(...) before build()");
            }
            if (store != null && scopes.apply(access) == null) {
                throw new IllegalStateException("AioTools object scope function gave no scope for " + access);
            }
            return new AioTools(this);
        }
    }
}
