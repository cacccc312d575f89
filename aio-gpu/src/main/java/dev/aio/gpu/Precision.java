package dev.aio.gpu;

/** The floating-point precision a model computes in. Pooling and normalisation are always float32. */
public enum Precision {
    /** 32-bit floats: the reference precision, vectors equal to aio-llm's {@code OnnxEmbedder}'s. */
    FP32,
    /**
     * 16-bit floats on a GPU: weights and activations in half precision, about twice the
     * throughput and half the memory, vectors with a cosine of about 0.999 to the float32 ones.
     * Refused on the CPU, where half-precision arithmetic is slower, not faster.
     */
    FP16
}
