/**
 * Implementation detail of {@link dev.aio.llm.onnx}: model loading, batch planning, session
 * runners and pooling. Not part of the contract; may change in any release.
 */
package dev.aio.llm.onnx.internal;
