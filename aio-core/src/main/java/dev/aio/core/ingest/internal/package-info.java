/**
 * Implementation of {@link dev.aio.core.ingest}: the per-object write protocol, the pipeline of a
 * run, fingerprints and listing bookkeeping. Not part of the API; it may change in any release.
 */
package dev.aio.core.ingest.internal;
