package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each kind of bad input is refused with its own reason, naming the object and the limit. */
class BadInputTest {

    private final Parsers parsers = Parsers.standard();

    private DocumentRejectedException rejected(Parsers registry, String key, byte[] bytes) {
        return catchThrowableOfType(DocumentRejectedException.class,
                () -> registry.parse(DocumentInput.of(DocumentSource.named(key, null), bytes)));
    }

    private DocumentRejectedException rejected(String key, byte[] bytes) {
        return rejected(parsers, key, bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        DocumentRejectedException e = rejected("empty.txt", new byte[0]);
        assertThat(e.reason()).isEqualTo(RejectionReason.EMPTY);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e).hasMessage("Cannot parse memory:empty.txt with parser 'text': EMPTY: the object has 0 bytes");
        assertThat(rejected("blank.md", utf8(" \n\t\n")).reason()).isEqualTo(RejectionReason.EMPTY);
        assertThat(rejected("bom-only.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).reason())
                .isEqualTo(RejectionReason.EMPTY);
    }

    @Test
    void aBinaryFileWithATextExtensionIsRefusedAsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        DocumentRejectedException e = rejected("photo.txt", png);
        assertThat(e.reason()).isEqualTo(RejectionReason.BINARY);
        assertThat(e.detail()).isEqualTo("a NUL byte at offset 8 shows binary content, not text");

        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        DocumentRejectedException noisy = rejected("noise.md", controls);
        assertThat(noisy.reason()).isEqualTo(RejectionReason.BINARY);
        assertThat(noisy.detail()).startsWith("67 control characters in the first 200 bytes");
    }

    @Test
    void invalidUtf8IsRefusedWithTheByteAndLineWhereItBreaks() {
        byte[] bytes = utf8("first line\nsecond é line\nthird \u0000".replace("\u0000", "X"));
        bytes[bytes.length - 1] = (byte) 0xC3; // a lead byte with nothing after it
        DocumentRejectedException e = rejected("latin.txt", bytes);
        assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_ENCODING);
        assertThat(e.detail()).startsWith("invalid UTF-8 at byte " + (bytes.length - 1) + " (line 3)");

        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rejected("menu.txt", latin1).detail()).startsWith("invalid UTF-8 at byte 3 (line 1)");
    }

    @Test
    void aCharsetNamedInTheContentTypeIsHonouredAndAByteOrderMarkIsNotText() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Document declared = parsers.parse(DocumentInput.of(DocumentSource.named("menu.txt", "text/plain; charset=ISO-8859-1"), latin1));
        assertThat(declared.text()).isEqualTo("caf\u00e9");

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(parsers.parse(DocumentInput.of(DocumentSource.named("bom.txt", null), bom)).text()).isEqualTo("hi");
        assertThat(parsers.parse(DocumentInput.of(DocumentSource.named("bom.txt", "text/plain; charset=UTF-8"), bom))
                .text()).isEqualTo("hi");

        byte[] utf16 = "\uFEFFwide text".getBytes(StandardCharsets.UTF_16LE);
        assertThat(parsers.parse(DocumentInput.of(DocumentSource.named("wide.txt", null), utf16)).text())
                .isEqualTo("wide text");

        DocumentRejectedException unknown = catchThrowableOfType(DocumentRejectedException.class, () -> parsers.parse(
                DocumentInput.of(DocumentSource.named("x.txt", "text/plain; charset=klingon-8"), utf8("x"))));
        assertThat(unknown.reason()).isEqualTo(RejectionReason.INVALID_ENCODING);
        assertThat(unknown.detail()).contains("charset 'klingon-8'");
    }

    @Test
    void aDocumentOverTheByteLimitIsRefusedNamingTheLimit() {
        Parsers small = Parsers.builder().addCoreParsers().maxBytes(100).build();
        DocumentRejectedException e = rejected(small, "big.txt", utf8("a".repeat(101)));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(e.detail()).isEqualTo("101 bytes exceed the limit of 100 (ParseLimits.maxBytes); raise it with "
                + "Parsers.builder().maxBytes(...) to accept larger objects");
        assertThat(small.parse(DocumentInput.of(DocumentSource.named("ok.txt", null), utf8("a".repeat(100)))).text())
                .hasSize(100);
    }

    @Test
    void aTextOverTheCharacterLimitIsRefusedNamingTheLimit() {
        Parsers small = Parsers.builder().addCoreParsers().maxChars(10).build();
        DocumentRejectedException e = rejected(small, "long.md", utf8("é".repeat(11)));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(e.detail()).isEqualTo("the text is longer than 10 characters (ParseLimits.maxChars)");
        assertThat(small.parse(DocumentInput.of(DocumentSource.named("ok.md", null), utf8("é".repeat(10)))).text())
                .hasSize(10);
    }

    @Test
    void a50MegabyteTextFileListedAtItsSizeIsRefusedWithoutBeingOpened() {
        GeneratedStore store = new GeneratedStore(50L * 1024 * 1024, (byte) 'a');
        DocumentRejectedException e = catchThrowableOfType(DocumentRejectedException.class,
                () -> parsers.parse(store.object("logs/huge.txt", 50L * 1024 * 1024)));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(e).hasMessageStartingWith("Cannot parse generated:bucket/logs/huge.txt#etag-1 with parser 'text': "
                + "TOO_LARGE: 52428800 bytes exceed the limit of 33554432");
        assertThat(store.opens.get()).isZero();
    }

    @Test
    void a50MegabyteObjectWhoseListingUnderstatesItsSizeIsReadOnlyOneBytePastTheLimit() {
        GeneratedStore store = new GeneratedStore(50L * 1024 * 1024, (byte) 'a');
        Parsers limited = Parsers.builder().addCoreParsers().maxBytes(1024 * 1024).build();
        DocumentRejectedException e = catchThrowableOfType(DocumentRejectedException.class,
                () -> limited.parse(store.object("logs/huge.txt", 10)));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(e.detail()).startsWith("more than 1048576 bytes were read, over the limit");
        assertThat(store.bytesRead.get()).isEqualTo(1024 * 1024 + 1);
    }

    @Test
    void deeplyNestedJsonIsRefusedAsTooDeepNamingTheLimit() {
        String deep = "{\"text\":\"x\",\"n\":" + "[".repeat(100) + "]".repeat(100) + "}";
        DocumentRejectedException e = rejected("deep.json", utf8(deep));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_DEEP);
        assertThat(e.detail()).isEqualTo("the document nests deeper than 64 levels (ParseLimits.maxDepth)");

        Parsers lenient = Parsers.builder().addCoreParsers().maxDepth(200).build();
        assertThat(lenient.parse(DocumentInput.of(DocumentSource.named("deep.json", null), utf8(deep))).text())
                .isEqualTo("x");

        String deepLine = "{\"text\":\"ok\"}\n{\"text\":\"x\",\"n\":" + "{\"a\":".repeat(80) + "1" + "}".repeat(80) + "}";
        assertThat(rejected("deep.jsonl", utf8(deepLine)).detail())
                .isEqualTo("line 2 nests deeper than 64 levels (ParseLimits.maxDepth)");
    }

    @Test
    void malformedJsonIsRefusedAsCorruptNamingTheLine() {
        assertThat(rejected("broken.json", utf8("{\"text\": \"unterminated")).reason())
                .isEqualTo(RejectionReason.CORRUPT);
        DocumentRejectedException line = rejected("broken.jsonl", utf8("{\"text\":\"a\"}\n\n{\"text\": nope}\n"));
        assertThat(line.reason()).isEqualTo(RejectionReason.CORRUPT);
        assertThat(line.detail()).startsWith("line 3 is not valid JSON: ");
    }

    @Test
    void jsonWithoutTheTextFieldsIsRefusedNamingTheFieldsLookedFor() {
        DocumentRejectedException e = rejected("record.json", utf8("{\"title\":\"t\",\"text\":{\"nested\":true}}"));
        assertThat(e.reason()).isEqualTo(RejectionReason.NO_TEXT);
        assertThat(e.detail()).startsWith("none of the text fields [text, content, body] holds text");
    }
}
