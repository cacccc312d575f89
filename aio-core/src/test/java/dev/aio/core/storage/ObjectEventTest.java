package dev.aio.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.testing.InMemoryObjectStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectEventTest {

    /** A webhook body in the shape MinIO posts (fields trimmed to those aio reads, plus a few). */
    private static final String MINIO_PUT_AND_DELETE = """
            {"EventName":"s3:ObjectCreated:Put","Key":"docs/a b+c.txt","Records":[
              {"eventVersion":"2.0","eventSource":"minio:s3","awsRegion":"","eventTime":"2026-11-28T10:00:00.000Z",
               "eventName":"s3:ObjectCreated:Put","userIdentity":{"principalId":"minio"},
               "s3":{"s3SchemaVersion":"1.0","configurationId":"Config",
                     "bucket":{"name":"docs","ownerIdentity":{"principalId":"minio"},"arn":"arn:aws:s3:::docs"},
                     "object":{"key":"reports%2F2026%2Fa+b%2Bc%C3%BC.txt","size":1234,
                               "eTag":"d41d8cd98f00b204e9800998ecf8427e","contentType":"text/plain",
                               "versionId":"v-1","sequencer":"17F1A2B3C4D5E6F7"}}},
              {"eventName":"s3:ObjectAccessed:Get","s3":{"bucket":{"name":"docs"},"object":{"key":"x"}}},
              {"eventName":"s3:ObjectRemoved:Delete",
               "s3":{"bucket":{"name":"docs"},"object":{"key":"old.txt","sequencer":"17F1A2B3C4D5E6F8"}}}
            ]}""";

    @Test
    void aMinioNotificationBecomesCreatedAndRemovedEventsWithDecodedKeys() {
        List<ObjectEvent> events = ObjectEvent.parse(MINIO_PUT_AND_DELETE);
        assertThat(events).hasSize(2);
        ObjectEvent created = events.get(0);
        assertThat(created.type()).isEqualTo(ObjectEvent.Type.CREATED);
        assertThat(created.bucket()).isEqualTo("docs");
        assertThat(created.key()).isEqualTo("reports/2026/a b+cü.txt");
        assertThat(created.etag()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(created.size()).isEqualTo(1234);
        assertThat(created.versionId()).isEqualTo("v-1");
        assertThat(created.sequencer()).isEqualTo("17F1A2B3C4D5E6F7");
        ObjectEvent removed = events.get(1);
        assertThat(removed.type()).isEqualTo(ObjectEvent.Type.REMOVED);
        assertThat(removed.key()).isEqualTo("old.txt");
        assertThat(removed.etag()).isNull();
        assertThat(removed.size()).isEqualTo(-1);
    }

    @Test
    void aTestEventWithoutRecordsYieldsNothingAndMalformedBodiesFailClearly() {
        assertThat(ObjectEvent.parse("{\"EventName\":\"s3:TestEvent\"}")).isEmpty();
        assertThatThrownBy(() -> ObjectEvent.parse("not json")).isInstanceOf(ObjectEventParseException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ObjectEvent.parse("{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{}}]}"))
                .isInstanceOf(ObjectEventParseException.class).hasMessageContaining("record 0")
                .hasMessageContaining("s3.bucket.name");
    }

    @Test
    void pollingReportsExistingObjectsThenOnlyChangesAndRemovals() {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.ensureBucket("docs");
        store.put("docs", "in/a", new byte[] {1});
        store.put("docs", "in/b", new byte[] {2});
        store.put("docs", "out/c", new byte[] {3});
        ObjectWatcher watcher = ObjectWatcher.polling(store, "docs", "in/");

        assertThat(watcher.poll()).extracting(ObjectEvent::type, ObjectEvent::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.CREATED, "in/a"),
                        org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.CREATED, "in/b"));
        assertThat(watcher.poll()).isEmpty();

        store.put("docs", "in/b", new byte[] {7});
        store.put("docs", "in/new", new byte[] {4});
        store.delete("docs", "in/a");
        store.put("docs", "out/d", new byte[] {5});
        assertThat(watcher.poll()).extracting(ObjectEvent::type, ObjectEvent::key, ObjectEvent::eventName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.CREATED, "in/b", ObjectWatcher.POLLED_CREATED),
                        org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.CREATED, "in/new", ObjectWatcher.POLLED_CREATED),
                        org.assertj.core.groups.Tuple.tuple(ObjectEvent.Type.REMOVED, "in/a", ObjectWatcher.POLLED_REMOVED));
        assertThat(store.gets()).isZero();
    }
}
