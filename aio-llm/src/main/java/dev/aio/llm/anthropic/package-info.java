/**
 * Anthropic's Claude models as aio language models: {@link dev.aio.llm.anthropic.AnthropicModels}.
 * Needs {@code dev.langchain4j:langchain4j-anthropic} on the class path (an optional dependency
 * of aio-llm).
 */
package dev.aio.llm.anthropic;
