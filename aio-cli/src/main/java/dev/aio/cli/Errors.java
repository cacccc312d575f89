package dev.aio.cli;

import dev.aio.core.ingest.IngestFailedException;
import dev.aio.core.storage.AccessDeniedException;
import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.StorageUnavailableException;
import dev.aio.core.vector.FilterParseException;

/** Turns a failure into the one line the user sees. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable e) {
        Throwable t = e instanceof IngestFailedException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof CliException) {
            return t.getMessage();
        }
        if (t instanceof FilterParseException) {
            return "bad --filter expression: " + t.getMessage();
        }
        if (t instanceof AccessDeniedException) {
            return "access denied (check --access-key and " + Source.SECRET_ENV + "): " + t.getMessage();
        }
        if (t instanceof StorageUnavailableException) {
            return "the object store cannot be reached (check --endpoint): " + t.getMessage();
        }
        if (t instanceof BucketNotFoundException) {
            return "no such bucket: " + t.getMessage();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }
}
