/**
 * Implementation details of the filesystem store: key-to-path mapping with escape checks,
 * metadata sidecars, per-key locks and the sorted, paged directory walk. Not part of aio's
 * contract; may change in any release.
 */
package dev.aio.storage.fs.internal;
