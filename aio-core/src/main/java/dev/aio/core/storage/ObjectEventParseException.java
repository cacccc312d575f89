package dev.aio.core.storage;

import dev.aio.core.NonRetriableException;

/**
 * An event notification body could not be read as S3 event JSON. Not retriable: the same body
 * fails the same way. The message says which record and field are wrong.
 */
public class ObjectEventParseException extends NonRetriableException {

    /**
     * @param detail what is wrong
     * @param cause the parser's failure, or {@code null}
     */
    public ObjectEventParseException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
