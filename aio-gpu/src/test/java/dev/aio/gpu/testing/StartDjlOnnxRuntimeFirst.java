package dev.aio.gpu.testing;

import ai.djl.engine.Engine;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts DJL's OnnxRuntime engine before any test runs. The tests compare with aio-llm's
 * OnnxEmbedder, which creates ONNX Runtime's environment in the plain way, after which DJL 0.36's
 * engine (which creates it with thread options) can no longer start in the same JVM; DJL first,
 * then OnnxEmbedder, works. Registered in META-INF/services.
 */
public final class StartDjlOnnxRuntimeFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Engine.getEngine("OnnxRuntime");
    }
}
