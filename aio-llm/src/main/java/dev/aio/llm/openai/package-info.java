/**
 * OpenAI and OpenAI-compatible servers as aio language models and embedders:
 * {@link dev.aio.llm.openai.OpenAiModels}. Needs {@code dev.langchain4j:langchain4j-open-ai} on
 * the class path (an optional dependency of aio-llm).
 */
package dev.aio.llm.openai;
