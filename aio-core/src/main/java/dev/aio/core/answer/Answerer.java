package dev.aio.core.answer;

import dev.aio.core.conversation.ConversationStore;
import dev.aio.core.model.Generation;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Message;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.model.Tokenizer;
import dev.aio.core.prompt.PromptTemplate;
import dev.aio.core.prompt.PromptTemplates;
import dev.aio.core.retrieval.AccessContext;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.vector.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Answers questions from retrieved chunks (RAG), with citations to the exact object versions.
 *
 * <p>For each question: the {@link Retriever} finds chunks (with the request's
 * {@link AccessContext}, so the answer can only rest on what the caller may read); the best of
 * them are placed in a context within a token budget and numbered; the prompt template (named
 * and versioned) is rendered with {@code {{context}}} and {@code {{question}}}; the language model
 * writes the answer, citing passages as {@code [n]}. The prompt carries the tenant, so a
 * response cache keyed by it ({@link dev.aio.core.model.cache.CachingLanguageModel}) never hands
 * one tenant's answer to another.
 *
 * <p>Without a language model the answer is <em>extractive</em>, the embedded default: the best
 * passages quoted with their citations, and a first line that says no model wrote it. When
 * nothing is retrieved, no model is called and the answer says that nothing was found.
 *
 * <p>Immutable and thread-safe when its components are; it does not close them.
 */
public final class Answerer {

    /** The classpath resource of the default template. */
    public static final String DEFAULT_TEMPLATE_RESOURCE = "/dev/aio/core/answer/answer-with-citations.txt";
    /** The default template's name. */
    public static final String DEFAULT_TEMPLATE_NAME = "answer-with-citations";
    /** The context budget in tokens unless configured otherwise. */
    public static final int DEFAULT_CONTEXT_TOKENS = 2_000;
    /** Passages quoted in an extractive answer unless configured otherwise. */
    public static final int DEFAULT_EXTRACTIVE_PASSAGES = 3;
    /** Characters of a chunk kept as a citation's snippet. */
    public static final int DEFAULT_SNIPPET_CHARS = 240;
    /** The first line of every extractive answer. */
    public static final String EXTRACTIVE_NOTICE = "No language model is configured; these are the passages that "
            + "best match the question:";
    /** The whole answer when nothing was retrieved. */
    public static final String NOTHING_FOUND = "No passages that match the question were found, so it cannot be "
            + "answered from the indexed documents.";

    final Retriever retriever;
    final LanguageModel model;
    final PromptTemplate template;
    final Tokenizer tokenizer;
    final int contextTokens;
    final int maxOutputTokens;
    final int extractivePassages;
    final ConversationStore conversations;
    final int memoryWindow;

    Answerer(AnswererBuilder b) {
        this.retriever = b.retriever;
        this.model = b.model;
        this.template = b.template != null ? b.template
                : PromptTemplates.classpath(DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_RESOURCE);
        this.tokenizer = b.tokenizer;
        this.contextTokens = b.contextTokens == 0 ? DEFAULT_CONTEXT_TOKENS : b.contextTokens;
        this.maxOutputTokens = b.maxOutputTokens;
        this.extractivePassages = b.extractivePassages == 0 ? DEFAULT_EXTRACTIVE_PASSAGES : b.extractivePassages;
        this.conversations = b.conversations;
        this.memoryWindow = b.memoryWindow == 0 ? AnswererBuilder.DEFAULT_MEMORY_WINDOW : b.memoryWindow;
    }

    /** @return a builder; a {@link Retriever} is required */
    public static AnswererBuilder builder() {
        return new AnswererBuilder();
    }

    /** @return whether answers are extractive because no language model is configured */
    public boolean extractive() {
        return model == null;
    }

    /**
     * @param question the question
     * @param access whom it is for
     * @return the answer
     */
    public Answer answer(String question, AccessContext access) {
        return answer(RetrievalRequest.of(question, access));
    }

    /**
     * @param request the question and its retrieval settings
     * @return the answer
     * @throws dev.aio.core.retrieval.AccessViolationException as the retriever does
     * @throws dev.aio.core.AioException when the language model fails
     */
    public Answer answer(RetrievalRequest request) {
        return answer(request, List.of(), null);
    }

    /**
     * Answers, handing the text to {@code onToken} as the model produces it; an extractive
     * answer arrives in one piece.
     *
     * @param request the question and its retrieval settings
     * @param onToken receives the pieces; concatenated they equal the answer's text
     * @return the answer, after the last piece
     */
    public Answer stream(RetrievalRequest request, Consumer<String> onToken) {
        return answer(request, List.of(), Objects.requireNonNull(onToken, "onToken"));
    }

    /**
     * A multi-turn conversation whose memory is kept in the configured {@link ConversationStore}.
     *
     * @param conversationId the caller's id for the conversation; scoped to the access context,
     *     so two tenants or principals using the same id never share memory
     * @param access whom the conversation is with, or {@code null} for a single-tenant retriever
     * @return the conversation
     * @throws IllegalStateException when no conversation store is configured
     */
    public Conversation conversation(String conversationId, AccessContext access) {
        if (conversations == null) {
            throw new IllegalStateException("Answerer has no conversation store; set conversations(...) on its builder");
        }
        return new Conversation(this, conversationId, access);
    }

    Answer answer(RetrievalRequest request, List<Message> history, Consumer<String> onToken) {
        List<SearchHit> hits = retriever.retrieve(request);
        AccessContext access = request.access().orElse(null);
        String tenant = access == null ? null : access.tenant();
        String principal = access == null ? null : access.principal();
        int maxPassages = model == null ? extractivePassages : Integer.MAX_VALUE;
        ContextWindow window = ContextWindow.of(hits, tokenizer, contextTokens, maxPassages, DEFAULT_SNIPPET_CHARS);
        List<String> chunkIds = window.citations.stream().map(Citation::chunkId).toList();

        if (window.passages.isEmpty() || model == null) {
            String text = window.passages.isEmpty() ? NOTHING_FOUND
                    : EXTRACTIVE_NOTICE + "\n" + window.render();
            if (onToken != null) {
                onToken.accept(text);
            }
            AnswerLineage lineage = new AnswerLineage(request.query(), null, null, null, tenant, principal, chunkIds,
                    window.tokens, window.dropped);
            return new Answer(text, window.citations, TokenUsage.NONE, lineage, true);
        }

        String rendered = template.render(Map.of("context", window.render(), "question", request.query()));
        Prompt.Builder prompt = Prompt.builder().task("answer").template(template.name(), template.version());
        if (tenant != null) {
            prompt.tenant(tenant);
        }
        if (maxOutputTokens > 0) {
            prompt.maxOutputTokens(maxOutputTokens);
        }
        history.forEach(prompt::message);
        prompt.user(rendered);
        Generation g = onToken == null ? model.generate(prompt.build()) : model.stream(prompt.build(), onToken);
        AnswerLineage lineage = new AnswerLineage(request.query(), g.modelId(), template.name(), template.version(),
                tenant, principal, chunkIds, window.tokens, window.dropped);
        return new Answer(g.text(), window.citations, g.usage(), lineage, false);
    }

    @Override
    public String toString() {
        return "Answerer{" + retriever + ", model=" + (model == null ? "none (extractive)" : model.modelId())
                + ", template=" + template.name() + "@" + template.version() + ", contextTokens=" + contextTokens + "}";
    }
}
