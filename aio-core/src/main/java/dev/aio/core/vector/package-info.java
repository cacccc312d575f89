/**
 * The vector store SPI: records of an id, a float vector, a text and typed metadata, searched by
 * vector similarity with an optional portable {@link dev.aio.core.vector.Filter}, minimum score,
 * tenant and hybrid (vector + keyword) fusion.
 *
 * <p>Callers use {@link dev.aio.core.vector.VectorStore}. Providers extend
 * {@link dev.aio.core.vector.AbstractVectorStore}, which validates every argument and checks the
 * store's {@link dev.aio.core.vector.Capabilities} before a provider sees a call, so that every
 * store refuses unsupported hybrid search, filter operators and tenants the same way: with an
 * {@link dev.aio.core.UnsupportedCapabilityException} naming the store and the capability, never
 * by ignoring them.
 *
 * <p>Filters are immutable values built with the factories on {@link dev.aio.core.vector.Filter}
 * or parsed from text ({@code tenant == 'acme' && year >= 2020}); {@link
 * dev.aio.core.vector.Filter#test(java.util.Map)} evaluates one against a metadata map, for
 * stores without native filtering.
 */
package dev.aio.core.vector;
