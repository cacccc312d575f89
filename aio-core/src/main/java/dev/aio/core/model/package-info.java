/**
 * The model SPIs: {@link dev.aio.core.model.Embedder} turns texts into vectors,
 * {@link dev.aio.core.model.LanguageModel} turns a {@link dev.aio.core.model.Prompt} into a
 * {@link dev.aio.core.model.Generation}, and {@link dev.aio.core.model.Tokenizer} counts, encodes
 * and splits text in a model's own tokens.
 *
 * <p>Implementations live in provider modules ({@code aio-llm}: an in-process ONNX MiniLM
 * embedder; bridges to hosted models). Core holds only these interfaces and their value types,
 * so pipelines, ingestors and answerers work with any provider.
 *
 * <p>Decorators that need only these SPIs live beside them: routing between language models
 * ({@code dev.aio.core.model.routing}), embedding and response caches
 * ({@code dev.aio.core.model.cache}) and token and cost accounting
 * ({@code dev.aio.core.model.usage}).
 */
package dev.aio.core.model;
