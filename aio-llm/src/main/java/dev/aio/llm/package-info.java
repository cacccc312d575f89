/**
 * {@code Embedder} and {@code LanguageModel} implementations. The in-process default embedder,
 * fully offline, is {@link dev.aio.llm.onnx.OnnxEmbedder} (all-MiniLM-L6-v2 on ONNX Runtime).
 * {@link dev.aio.llm.langchain4j} bridges any langchain4j chat, streaming or embedding model to
 * aio and back; {@link dev.aio.llm.openai.OpenAiModels}, {@link dev.aio.llm.anthropic.AnthropicModels}
 * and {@link dev.aio.llm.ollama.OllamaModels} are ready builders for those vendors.
 */
package dev.aio.llm;
