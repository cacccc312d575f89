/**
 * E5: approximate top-10 search over 100k real MiniLM embeddings (20k in quick). {@link
 * dev.aio.benchmarks.e5.E5Data} makes and caches the embeddings of {@code E5Texts} and the exact
 * ground truth; {@link dev.aio.benchmarks.e5.ApproximateSearchBenchmark} builds each engine (ours,
 * Lucene HNSW, JVector), calibrates its search effort to recall@10 {@code >=} 0.95 and measures
 * queries per second; {@link dev.aio.benchmarks.e5.E5Results} carries effort, recall and build
 * rate to the summary.
 */
package dev.aio.benchmarks.e5;
