/**
 * Implementation details of the aio-vector stores: vector arithmetic (SIMD through
 * {@code jdk.incubator.vector} when the JVM has the module, a scalar unrolled fallback
 * otherwise), int8 quantization, bounded top-k selection and the snapshot file format. Not part
 * of the contract: these types may change in any release. The benchmarks use them directly.
 */
package dev.aio.vector.internal;
