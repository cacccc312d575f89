/**
 * {@code Embedder} and {@code LanguageModel} implementations. The in-process default embedder,
 * fully offline, is {@link dev.aio.llm.onnx.OnnxEmbedder} (all-MiniLM-L6-v2 on ONNX Runtime).
 * Bridges to langchain4j models (OpenAI, Ollama, Anthropic and others), routing and caches are
 * planned and not here yet.
 */
package dev.aio.llm;
