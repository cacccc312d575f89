package dev.aio.core.model.cache;

import dev.aio.core.model.Message;
import dev.aio.core.model.Prompt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The exact-response cache key: SHA-256 over the model id, the template name and version, the
 * tenant, the task and the whole prompt (every message with its role, and every setting). Each
 * field is length-prefixed, so no two different requests can produce the same byte stream.
 */
final class PromptKey {

    private static final String ABSENT = "\u0000absent";

    private PromptKey() {
    }

    static String of(String modelId, Prompt prompt) {
        MessageDigest d = Digests.sha256();
        field(d, "aio-response-cache/1");
        field(d, modelId);
        field(d, prompt.templateName().orElse(ABSENT));
        field(d, prompt.templateVersion().orElse(ABSENT));
        field(d, prompt.tenant().orElse(ABSENT));
        field(d, prompt.task().orElse(ABSENT));
        field(d, String.valueOf(prompt.maxOutputTokens().orElse(-1)));
        field(d, prompt.temperature().isPresent() ? Double.toString(prompt.temperature().getAsDouble()) : ABSENT);
        field(d, Integer.toString(prompt.stopSequences().size()));
        for (String stop : prompt.stopSequences()) {
            field(d, stop);
        }
        field(d, Integer.toString(prompt.messages().size()));
        for (Message m : prompt.messages()) {
            field(d, m.role().name());
            field(d, m.text());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void field(MessageDigest d, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        d.update(bytes);
    }
}
