/**
 * A {@link dev.aio.core.vector.VectorStore} backed by a Weaviate server:
 * {@link dev.aio.vector.weaviate.WeaviateVectorStore}, built with
 * {@link dev.aio.vector.weaviate.WeaviateVectorStoreBuilder}, and its S3 backups
 * ({@link dev.aio.vector.weaviate.WeaviateBackups}).
 *
 * <p>The store speaks Weaviate's REST and GraphQL APIs with OkHttp and Jackson instead of the
 * {@code io.weaviate:client} 5.5.0 library. That client would bring gRPC, protobuf, Apache
 * HttpClient 5, Gson, Lombok and an OIDC SDK into every host application, two HTTP stacks
 * beside the OkHttp aio already uses; and every request the store makes (schema, tenants,
 * batches, GraphQL Get/Aggregate with {@code Not}, backups) is a few lines of JSON, which tests
 * assert byte for byte against a loopback stub.
 */
package dev.aio.vector.weaviate;
