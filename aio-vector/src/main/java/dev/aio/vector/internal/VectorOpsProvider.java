package dev.aio.vector.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the fastest {@link VectorOps} this JVM can run: the SIMD implementation when
 * {@code jdk.incubator.vector} is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and links, the scalar one otherwise. The system
 * property {@value #DISABLE_PROPERTY}{@code =true} forces the scalar one.
 */
public final class VectorOpsProvider {

    /** Set to {@code true} to use the scalar implementation even when SIMD is available. */
    public static final String DISABLE_PROPERTY = "aio.vector.simd.disable";

    private static final Logger LOG = LoggerFactory.getLogger(VectorOpsProvider.class);
    private static final VectorOps SIMD = loadSimd();

    private VectorOpsProvider() {
    }

    /** @return the SIMD implementation when available and not disabled, else the scalar one */
    public static VectorOps best() {
        return SIMD != null && !Boolean.getBoolean(DISABLE_PROPERTY) ? SIMD : ScalarVectorOps.INSTANCE;
    }

    /** @return the scalar, unrolled implementation */
    public static VectorOps scalar() {
        return ScalarVectorOps.INSTANCE;
    }

    /** @return whether the SIMD implementation loaded on this JVM */
    public static boolean simdAvailable() {
        return SIMD != null;
    }

    private static VectorOps loadSimd() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            LOG.debug("jdk.incubator.vector is not in the boot layer; using scalar vector arithmetic. "
                    + "Start the JVM with --add-modules jdk.incubator.vector for SIMD.");
            return null;
        }
        try {
            Class<?> type = Class.forName("dev.aio.vector.internal.PanamaVectorOps");
            VectorOps ops = (VectorOps) type.getDeclaredConstructor().newInstance();
            LOG.debug("using {} vector arithmetic", ops.name());
            return ops;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("jdk.incubator.vector is present but unusable here ({}); using scalar vector arithmetic", e.toString());
            return null;
        }
    }
}
