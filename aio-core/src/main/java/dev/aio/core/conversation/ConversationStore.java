package dev.aio.core.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.model.Message;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.ObjectNames;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.storage.PutOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Conversation memory kept as objects in a bucket: one small JSON object per message, under
 * {@code <prefix><conversation id>/<time>-<sequence>-<random>.json}.
 *
 * <p>Why one object per message: object stores have no append and no cross-object transaction.
 * Writing each message under a new key makes concurrent appends to one conversation safe
 * without locks or conditional writes (no append can overwrite another), and the keys sort in
 * the order the messages were appended, which is the order S3 lists them in. {@link #window}
 * downloads only the messages it returns.
 *
 * <p>Thread-safe. Conversation ids are free text (a user id, a session id); they become part of
 * an object key, so they follow the store's key rules and may not contain {@code /}.
 */
public final class ConversationStore {

    /** The key prefix used when none is given. */
    public static final String DEFAULT_PREFIX = "conversations/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PutOptions JSON_OBJECT = PutOptions.contentType("application/json");

    private final ObjectStore store;
    private final String bucket;
    private final String prefix;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    /** Distinguishes this instance's keys from another process's written in the same microsecond. */
    private final String writer = UUID.randomUUID().toString().substring(0, 8);

    private ConversationStore(ObjectStore store, String bucket, String prefix, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.bucket = ObjectNames.requireValidBucket(bucket);
        this.prefix = ObjectNames.requireValidPrefix(bucket, prefix);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A conversation store in a bucket, under {@value #DEFAULT_PREFIX}.
     *
     * @param store the object store
     * @param bucket the bucket, which must exist
     * @return the conversation store
     */
    public static ConversationStore in(ObjectStore store, String bucket) {
        return new ConversationStore(store, bucket, DEFAULT_PREFIX, Clock.systemUTC());
    }

    /**
     * A conversation store under a prefix of the caller's choice, with a clock (tests).
     *
     * @param store the object store
     * @param bucket the bucket, which must exist
     * @param prefix the key prefix, ending in {@code /}
     * @param clock stamps appended messages
     * @return the conversation store
     */
    public static ConversationStore in(ObjectStore store, String bucket, String prefix, Clock clock) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("conversation prefix must end with '/', got '" + prefix + "'");
        }
        return new ConversationStore(store, bucket, prefix, clock);
    }

    /**
     * Appends a message to a conversation, creating it if needed.
     *
     * @param conversationId the conversation
     * @param message the message
     */
    public void append(String conversationId, Message message) {
        Objects.requireNonNull(message, "message");
        String key = conversationPrefix(conversationId) + nextName();
        store.put(bucket, key, encode(message), JSON_OBJECT);
    }

    /**
     * All messages of a conversation, oldest first; empty for an unknown conversation.
     *
     * @param conversationId the conversation
     * @return the messages
     */
    public List<Message> load(String conversationId) {
        return read(keys(conversationId));
    }

    /**
     * The last {@code size} messages of a conversation, oldest first: the memory window handed to
     * a language model. Only those messages are downloaded.
     *
     * @param conversationId the conversation
     * @param size at least 1
     * @return up to {@code size} messages
     */
    public List<Message> window(String conversationId, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a conversation window holds at least 1 message, got " + size);
        }
        List<String> keys = keys(conversationId);
        return read(keys.subList(Math.max(0, keys.size() - size), keys.size()));
    }

    /**
     * Replaces a conversation's messages (after summarising it, say). The new messages are
     * written before the old ones are deleted, so a concurrent reader may briefly see both, but
     * never neither.
     *
     * @param conversationId the conversation
     * @param messages the new content, oldest first
     */
    public void save(String conversationId, List<Message> messages) {
        List<String> old = keys(conversationId);
        for (Message message : messages) {
            append(conversationId, message);
        }
        deleteKeys(conversationId, old);
    }

    /**
     * Deletes a conversation; unknown conversations are ignored.
     *
     * @param conversationId the conversation
     */
    public void delete(String conversationId) {
        deleteKeys(conversationId, keys(conversationId));
    }

    private void deleteKeys(String conversationId, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        var failures = store.deleteAll(bucket, keys);
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
    }

    private List<String> keys(String conversationId) {
        try (Stream<ObjectInfo> listing = store.list(bucket, conversationPrefix(conversationId))) {
            return listing.map(ObjectInfo::key).filter(key -> key.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
    }

    private List<Message> read(List<String> keys) {
        List<Message> messages = new ArrayList<>(keys.size());
        for (String key : keys) {
            messages.add(decode(key, store.getBytes(bucket, key)));
        }
        return messages;
    }

    private String conversationPrefix(String conversationId) {
        if (conversationId == null || conversationId.isBlank() || conversationId.contains("/")) {
            throw new IllegalArgumentException("a conversation id must be non-blank and contain no '/', got '"
                    + conversationId + "'");
        }
        return ObjectNames.requireValidPrefix(bucket, prefix + conversationId + "/");
    }

    /** {@code <micros since epoch, 17 digits>-<sequence, 12 digits>-<writer>}: sorts in append order. */
    private String nextName() {
        java.time.Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return String.format(java.util.Locale.ROOT, "%017d-%012d-%s.json", micros, sequence.incrementAndGet(),
                writer);
    }

    private static byte[] encode(Message message) {
        try {
            return JSON.writeValueAsBytes(java.util.Map.of("role", message.role().name(), "text", message.text()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a message as JSON", e);
        }
    }

    private Message decode(String key, byte[] bytes) {
        try {
            var node = JSON.readTree(bytes);
            return new Message(Message.Role.valueOf(node.get("role").asText()), node.get("text").asText());
        } catch (java.io.IOException | RuntimeException e) {
            throw new dev.aio.core.NonRetriableException("conversation message " + bucket + "/" + key
                    + " is not a message written by ConversationStore: "
                    + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8), e);
        }
    }
}
