/**
 * LLM-based enrichment stages for pipelines: summaries, tags from a closed vocabulary, and
 * structured fields extracted into a Java record through JSON output, validated, with bounded
 * retries that feed the parse error back to the model. Each is a
 * {@link dev.aio.core.pipeline.StageFunction} for {@code PipelineBuilder.map}; start at
 * {@link dev.aio.core.enrich.Enrichers}.
 */
package dev.aio.core.enrich;
