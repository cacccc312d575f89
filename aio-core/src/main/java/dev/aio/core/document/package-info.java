/**
 * Documents and chunks: turning an object's bytes into text with structure, and that text into
 * chunks an embedder can take.
 *
 * <p>{@link dev.aio.core.document.Parsers} picks a {@link dev.aio.core.document.DocumentParser}
 * for each object by content type, then by file extension, and when none fits it throws a
 * {@link dev.aio.core.document.NoParserFoundException} listing every parser it tried. Parsers
 * for plain text, Markdown, JSON and JSON Lines live here; HTML and PDF parsers live in the
 * {@code aio-documents} module and are found with {@link java.util.ServiceLoader} or added
 * explicitly.
 *
 * <p>Input a parser cannot take (empty, binary, not valid UTF-8, corrupt, too large, too deep)
 * fails with a {@link dev.aio.core.document.DocumentRejectedException}: non-retriable, naming
 * the object, the parser and a {@link dev.aio.core.document.RejectionReason}, so a pipeline
 * dead-letters that one object and goes on. Limits are {@link dev.aio.core.document.ParseLimits}.
 *
 * <p>A {@link dev.aio.core.document.Chunker} cuts a {@link dev.aio.core.document.Document} into
 * {@link dev.aio.core.document.Chunk}s that keep their character offsets into the document's
 * text, their pages and the metadata of their section: {@link
 * dev.aio.core.document.RecursiveCharacterChunker} measures in characters,
 * {@link dev.aio.core.document.TokenChunker} in an embedder's tokens.
 */
package dev.aio.core.document;
