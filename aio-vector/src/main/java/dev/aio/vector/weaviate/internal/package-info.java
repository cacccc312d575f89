/**
 * Implementation detail of the Weaviate store: HTTP transport and error mapping, the chunk
 * class as code, property naming, record codec and filter translation. Not part of the API.
 */
package dev.aio.vector.weaviate.internal;
