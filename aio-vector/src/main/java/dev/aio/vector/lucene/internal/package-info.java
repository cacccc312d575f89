/**
 * How {@link dev.aio.vector.lucene.LuceneVectorStore} maps records and filters onto Lucene
 * documents and queries. Not part of the contract.
 */
package dev.aio.vector.lucene.internal;
