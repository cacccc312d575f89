/**
 * The engine behind {@link dev.aio.core.pipeline.Pipeline}: compiled stages, fused worker
 * segments, policy runtimes and spec rendering. Not part of aio's API; it may change in any
 * release.
 */
package dev.aio.core.pipeline.internal;
