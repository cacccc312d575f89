/**
 * Answers with citations: {@link dev.aio.core.answer.Answerer} (RAG over a
 * {@link dev.aio.core.retrieval.Retriever}, extractive when no language model is configured),
 * {@link dev.aio.core.answer.Answer} with {@link dev.aio.core.answer.Citation}s to exact object
 * versions, and multi-turn {@link dev.aio.core.answer.Conversation}s with memory in a
 * {@link dev.aio.core.conversation.ConversationStore}.
 */
package dev.aio.core.answer;
