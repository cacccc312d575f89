package dev.aio.gpu.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.aio.core.model.ModelException;
import dev.aio.gpu.DeviceChoice;
import dev.aio.gpu.NativeLibraryUnavailableException;

/** Loads DJL engines with an explanation when their native library is missing, and picks devices. */
public final class Engines {

    /** DJL's name of the PyTorch engine. */
    public static final String PYTORCH = "PyTorch";
    /** DJL's name of the ONNX Runtime engine. */
    public static final String ONNX_RUNTIME = "OnnxRuntime";

    private Engines() {
    }

    /**
     * @param name {@link #PYTORCH} or {@link #ONNX_RUNTIME}
     * @return the engine, its native library loaded
     * @throws NativeLibraryUnavailableException when the library cannot be found or loaded
     */
    public static Engine load(String name) {
        try {
            return Engine.getEngine(name);
        } catch (RuntimeException | LinkageError e) {
            if (name.equals(ONNX_RUNTIME) && mentions(e, "OrtEnvironment")) {
                throw new ModelException("aio-gpu: DJL's OnnxRuntime engine cannot start because ONNX Runtime's "
                        + "environment was already created in this JVM by another user (such as aio-llm's "
                        + "OnnxEmbedder); DJL 0.36 insists on creating it itself, with its own thread settings. "
                        + "Start DJL's engine first (build the DjlEmbedder, or call Engine.getEngine(\"OnnxRuntime\"), "
                        + "before any other ONNX Runtime use), or use Backend.PYTORCH. Cause: " + rootMessage(e), e);
            }
            throw new NativeLibraryUnavailableException(name, "aio-gpu: DJL's " + name + " engine could not load its "
                    + "native library (" + rootMessage(e) + "). DJL was configured with offline="
                    + setting("offline", "DJL_OFFLINE") + ", cache=" + setting("ENGINE_CACHE_DIR", "ENGINE_CACHE_DIR")
                    + (name.equals(PYTORCH) ? ", PYTORCH_LIBRARY_PATH=" + setting("PYTORCH_LIBRARY_PATH",
                    "PYTORCH_LIBRARY_PATH") + ". Add ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 and "
                    + "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 to the classpath, or point PYTORCH_LIBRARY_PATH, "
                    + "PYTORCH_VERSION and PYTORCH_FLAVOR at a local libtorch (see aio-gpu's README)"
                    : ". Add com.microsoft.onnxruntime:onnxruntime to the classpath"), e);
        }
    }

    /**
     * @param choice the caller's choice
     * @param engine the engine that will compute
     * @return the device: a GPU for {@code GPU}, and for {@code AUTO} when the engine sees one
     * @throws ModelException for {@code GPU} when the engine sees no GPU
     */
    public static Device device(DeviceChoice choice, Engine engine) {
        int gpus = engine.getGpuCount();
        switch (choice) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    throw new ModelException("aio-gpu: a GPU was asked for but DJL's " + engine.getEngineName()
                            + " engine sees none (its native library is a CPU build, or CUDA is missing); use "
                            + "DeviceChoice.AUTO or CPU, or provide a CUDA build (see aio-gpu's README)");
                }
                return Device.gpu(0);
            default:
                return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
    }

    /** @return the number of GPUs DJL's PyTorch engine sees, 0 when its library cannot load */
    public static int pytorchGpuCount() {
        return load(PYTORCH).getGpuCount();
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null ? "(unset)" : v;
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e) : e + ", caused by " + t;
    }
}
