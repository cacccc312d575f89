/**
 * The {@code aio} command: ingest objects from a store, ask questions with cited answers and
 * inspect pipelines and runs from a shell, built on {@code aio-core} and the provider modules.
 * The implementation lands with its own issue; until then this module holds no types.
 */
package dev.aio.cli;
