/**
 * {@link dev.aio.vector.lucene.LuceneVectorStore}: an embedded Lucene index with HNSW kNN
 * (filters applied inside the graph search), BM25 over the record text, hybrid search by
 * reciprocal-rank or weighted fusion, tenants, and durable writes when kept in a directory.
 */
package dev.aio.vector.lucene;
