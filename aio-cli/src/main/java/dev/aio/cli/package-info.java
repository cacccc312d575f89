/**
 * The {@code aio} command: ingest objects from a folder or an S3 bucket into an embedded store,
 * search it, ask questions answered with citations, embed texts, and inspect the store and its
 * pipelines, from a shell. {@link dev.aio.cli.Main} is the entry point; each sub-command is its
 * own class, and {@link dev.aio.cli.Workspace} opens the store directory with the embedded
 * defaults (Lucene index, SQLite ledger, in-process MiniLM embedder).
 */
package dev.aio.cli;
