/**
 * In-process embeddings on ONNX Runtime. {@link dev.aio.llm.onnx.OnnxEmbedder} runs
 * all-MiniLM-L6-v2 ({@link dev.aio.llm.onnx.MiniLmModel}) with no network: batched Hugging Face
 * tokenisation, length-bucketed dynamic padding, masked mean pooling and L2 normalisation, on a
 * pool of sessions sized to the machine.
 */
package dev.aio.llm.onnx;
