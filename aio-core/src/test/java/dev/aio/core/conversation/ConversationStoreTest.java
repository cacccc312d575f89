package dev.aio.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.model.Message;
import dev.aio.core.model.Message.Role;
import dev.aio.core.testing.InMemoryObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {

    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final ConversationStore conversations;

    ConversationStoreTest() {
        objects.ensureBucket("memory");
        conversations = ConversationStore.in(objects, "memory");
    }

    @Test
    void appendedMessagesLoadInOrder() {
        conversations.append("alice", new Message(Role.USER, "hello"));
        conversations.append("alice", new Message(Role.ASSISTANT, "hi, how can I help?"));
        conversations.append("bob", new Message(Role.USER, "unrelated"));

        assertThat(conversations.load("alice")).containsExactly(new Message(Role.USER, "hello"),
                new Message(Role.ASSISTANT, "hi, how can I help?"));
        assertThat(conversations.load("nobody")).isEmpty();
    }

    @Test
    void aWindowReturnsTheLastMessagesAndDownloadsOnlyThem() {
        for (int i = 0; i < 10; i++) {
            conversations.append("c", new Message(Role.USER, "m" + i));
        }
        long before = objects.gets();

        List<Message> window = conversations.window("c", 3);

        assertThat(window).extracting(Message::text).containsExactly("m7", "m8", "m9");
        assertThat(objects.gets() - before).isEqualTo(3);
    }

    @Test
    void concurrentAppendsLoseNothingAndKeepEachWritersOrder() throws Exception {
        int writers = 8;
        int each = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    conversations.append("shared", new Message(Role.USER, writer + ":" + i));
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        List<String> texts = conversations.load("shared").stream().map(Message::text).collect(Collectors.toList());
        assertThat(texts).hasSize(writers * each).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String writer = w + ":";
            List<Integer> order = texts.stream().filter(t -> t.startsWith(writer))
                    .map(t -> Integer.parseInt(t.substring(writer.length()))).collect(Collectors.toList());
            assertThat(order).isSorted().hasSize(each);
        }
    }

    @Test
    void saveReplacesTheConversationAndDeleteRemovesIt() {
        conversations.append("c", new Message(Role.USER, "a long exchange"));
        conversations.append("c", new Message(Role.ASSISTANT, "with many turns"));

        conversations.save("c", List.of(new Message(Role.SYSTEM, "summary: greetings were exchanged")));

        assertThat(conversations.load("c")).containsExactly(
                new Message(Role.SYSTEM, "summary: greetings were exchanged"));
        conversations.delete("c");
        assertThat(conversations.load("c")).isEmpty();
    }

    @Test
    void conversationIdsThatWouldEscapeTheirPrefixAreRefused() {
        assertThatThrownBy(() -> conversations.append("a/b", new Message(Role.USER, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no '/'");
        assertThatThrownBy(() -> conversations.window("c", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
