/**
 * Batched inference on GPU or CPU through DJL, with its PyTorch and ONNX Runtime engines, and
 * exact tensor top-k search: {@link dev.aio.gpu.DjlEmbedder} (an {@code Embedder} whose vectors
 * equal aio-llm's {@code OnnxEmbedder}'s, with dynamic batching of concurrent callers) and
 * {@link dev.aio.gpu.TensorVectorIndex} (a {@code VectorStore} whose vectors live as one matrix
 * on the device). Devices are chosen through DJL: a GPU when the PyTorch engine sees one, the CPU
 * otherwise, overridable with {@link dev.aio.gpu.DeviceChoice}. It implements the SPIs of
 * {@code aio-core} and depends on no sibling provider.
 */
package dev.aio.gpu;
