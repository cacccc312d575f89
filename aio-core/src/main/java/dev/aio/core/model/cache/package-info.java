/**
 * Caches in front of models: {@link dev.aio.core.model.cache.CachingEmbedder} keeps vectors per
 * embedder fingerprint and text (in memory, optionally also on disk, so a restart or a re-run
 * does not pay for the same text twice), and {@link dev.aio.core.model.cache.CachingLanguageModel}
 * keeps exact responses per model, prompt template version, tenant and full prompt. Both count
 * hits and misses ({@link dev.aio.core.model.cache.CacheStats}).
 *
 * <p>Why in aio-core rather than aio-llm (where the issue listed them): they are decorators over
 * the {@code Embedder} and {@code LanguageModel} SPIs and need only Caffeine, which core may use,
 * so they work in front of every provider, including ones a host writes itself.
 */
package dev.aio.core.model.cache;
