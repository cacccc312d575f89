/**
 * Batched inference on GPU or CPU through DJL, with its PyTorch and ONNX Runtime engines, and
 * tensor-based top-k search for large candidate sets. It implements the SPIs of
 * {@code aio-core} and depends on no sibling provider. The implementation lands with its own
 * issue; until then this module holds no types.
 */
package dev.aio.gpu;
