package dev.aio.documents;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the charset an HTML page declares in its head, as browsers do before decoding it. */
final class MetaCharset {

    /** Browsers look for the declaration in the first 1024 bytes. */
    static final int SNIFF_BYTES = 1024;

    private static final Pattern META = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);

    private MetaCharset() {
    }

    /** @return the declared charset, or {@code null} when none is declared or this JVM lacks it */
    static Charset sniff(byte[] head) {
        // Declarations are ASCII; reading the head as Latin-1 never fails, whatever the real charset.
        Matcher m = META.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(m.group(1));
            // The HTML standard reads a declared UTF-16 as UTF-8: a page that could state it in ASCII is not UTF-16.
            return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
