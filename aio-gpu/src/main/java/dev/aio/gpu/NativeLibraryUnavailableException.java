package dev.aio.gpu;

import dev.aio.core.model.ModelException;

/**
 * A DJL engine's native library (libtorch or ONNX Runtime) could not be loaded. The message
 * names the engine, what DJL was configured with (offline, cache directory, library path) and
 * what to add. Not retriable: the same JVM will fail the same way until its setup changes.
 */
public class NativeLibraryUnavailableException extends ModelException {

    private final String engine;

    /**
     * @param engine the DJL engine name, e.g. {@code PyTorch}
     * @param message what failed and how to fix it
     * @param cause the engine's own error
     */
    public NativeLibraryUnavailableException(String engine, String message, Throwable cause) {
        super(message, cause);
        this.engine = engine;
    }

    /** @return the DJL engine whose native library is missing, e.g. {@code PyTorch} */
    public String engine() {
        return engine;
    }
}
