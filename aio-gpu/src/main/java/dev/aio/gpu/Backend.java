package dev.aio.gpu;

/** Which DJL engine runs a {@link DjlEmbedder}'s model. */
public enum Backend {
    /**
     * The PyTorch engine when the chosen device is a GPU, ONNX Runtime when it is the CPU (the
     * fastest choice on each, with the native libraries aio-gpu depends on).
     */
    AUTO,
    /** DJL's ONNX Runtime engine running the MiniLM ONNX file; CPU only with the default onnxruntime jar. */
    ONNX_RUNTIME,
    /**
     * DJL's PyTorch engine: a TorchScript model when the builder was given one, else the MiniLM
     * weights read from the ONNX file and run as PyTorch tensor operations on the chosen device.
     */
    PYTORCH
}
