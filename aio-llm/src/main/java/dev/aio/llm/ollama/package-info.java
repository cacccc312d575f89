/**
 * Models served by Ollama as aio language models and embedders:
 * {@link dev.aio.llm.ollama.OllamaModels}. Needs {@code dev.langchain4j:langchain4j-ollama} on
 * the class path (an optional dependency of aio-llm).
 */
package dev.aio.llm.ollama;
