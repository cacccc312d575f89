/**
 * {@code Embedder} and {@code LanguageModel} implementations: an in-process ONNX MiniLM embedder
 * (the default, fully offline), bridges to langchain4j models (OpenAI, Ollama, Anthropic and
 * others), and routing and caching around them. The implementation lands with its own issue;
 * until then this module holds no types.
 */
package dev.aio.llm;
