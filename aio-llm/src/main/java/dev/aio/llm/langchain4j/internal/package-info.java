/**
 * Implementation detail of the langchain4j bridges, shared by every vendor builder and not part
 * of aio's API: the one error mapper ({@link dev.aio.llm.langchain4j.internal.ProviderErrors}),
 * the HTTP client that keeps response headers for {@code Retry-After}
 * ({@link dev.aio.llm.langchain4j.internal.HeaderKeepingHttpClient}), secret masking and type
 * conversions.
 */
package dev.aio.llm.langchain4j.internal;
