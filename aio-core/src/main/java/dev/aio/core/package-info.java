/**
 * aio's foundation types: the exception tree every module throws
 * ({@link dev.aio.core.AioException}, with retriable and non-retriable branches) and
 * {@link dev.aio.core.Secret} for credentials. The pipeline engine lives in
 * {@link dev.aio.core.pipeline}; the model SPIs (embedders, language models, tokenizers) in
 * {@link dev.aio.core.model}.
 */
package dev.aio.core;
