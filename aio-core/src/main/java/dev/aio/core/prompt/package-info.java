/**
 * Versioned prompt templates: {@link dev.aio.core.prompt.PromptTemplate} (text with
 * {@code {{variable}}} placeholders and a content version) and
 * {@link dev.aio.core.prompt.PromptTemplateStore}, which keeps every version in an object store.
 */
package dev.aio.core.prompt;
