/** Metadata and filter translation between langchain4j and aio. Not part of the contract. */
package dev.aio.vector.langchain4j.internal;
