package dev.aio.core.document;

import dev.aio.core.NonRetriableException;
import java.util.Objects;

/**
 * An object that cannot become a document: the input is the problem, so another attempt gives
 * the same answer and a pipeline dead-letters the object at once. The message names the object,
 * the parser, the {@link RejectionReason} and the detail (the limit that was passed, the byte
 * where the encoding broke), for example
 * {@code Cannot parse fs:docs/big.txt with parser 'text': TOO_LARGE: more than 33554432 bytes
 * (ParseLimits.maxBytes)}.
 */
public class DocumentRejectedException extends NonRetriableException {

    private final transient DocumentSource source;
    private final String parser;
    private final RejectionReason reason;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param source the object
     * @param parser the parser's name, or {@code null} when the object was refused before a parser ran
     * @param reason why
     * @param detail what was found and which limit or rule it broke
     * @param cause the underlying failure, or {@code null}
     */
    public DocumentRejectedException(DocumentSource source, String parser, RejectionReason reason, String detail,
            Throwable cause) {
        super(message(source, parser, reason, detail), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.parser = parser;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * Creates the exception without a cause.
     *
     * @param source the object
     * @param parser the parser's name, or {@code null}
     * @param reason why
     * @param detail what was found and which limit or rule it broke
     */
    public DocumentRejectedException(DocumentSource source, String parser, RejectionReason reason, String detail) {
        this(source, parser, reason, detail, null);
    }

    private static String message(DocumentSource source, String parser, RejectionReason reason, String detail) {
        return "Cannot parse " + source.label() + (parser == null ? "" : " with parser '" + parser + "'") + ": "
                + reason + ": " + detail;
    }

    /** @return the object that was refused */
    public DocumentSource source() {
        return source;
    }

    /** @return the parser's name, or {@code null} when the object was refused before a parser ran */
    public String parser() {
        return parser;
    }

    /** @return why the object was refused */
    public RejectionReason reason() {
        return reason;
    }

    /** @return the detail part of the message */
    public String detail() {
        return detail;
    }
}
