/**
 * {@link dev.aio.vector.memory.InMemoryVectorStore}: exact top-k search over vectors held in
 * memory, SIMD-accelerated when the JVM runs with {@code --add-modules jdk.incubator.vector},
 * with optional int8 quantization, every filter operator, tenants, and snapshots to a file.
 */
package dev.aio.vector.memory;
