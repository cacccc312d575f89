package dev.aio.gpu;

/** Where a {@link DjlEmbedder} or {@link TensorVectorIndex} runs. */
public enum DeviceChoice {
    /** The first GPU when the engine sees one ({@code Engine.getGpuCount() > 0}), else the CPU. */
    AUTO,
    /** The CPU, even when a GPU is present. */
    CPU,
    /** A GPU; building fails with a clear error when the engine sees none. */
    GPU
}
