/**
 * Document parsers that need a library: {@link dev.aio.documents.HtmlParser} (jsoup) and
 * {@link dev.aio.documents.PdfParser} (PDFBox). Both are listed for {@link java.util.ServiceLoader},
 * so {@link dev.aio.core.document.Parsers#standard()} finds them when this module is on the class
 * path; they can also be added explicitly with
 * {@code Parsers.builder().addCoreParsers().add(new PdfParser())}. They follow the
 * {@link dev.aio.core.document.DocumentParser} contract: bad input is refused with a
 * {@link dev.aio.core.document.DocumentRejectedException} naming the object and the reason.
 */
package dev.aio.documents;
