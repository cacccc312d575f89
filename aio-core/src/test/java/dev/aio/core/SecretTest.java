package dev.aio.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Secret never shows its value by accident, and shows it on purpose. */
class SecretTest {

    private static final String VALUE = "sk-live-0123456789abcdef";

    record Credentials(String user, Secret apiKey) {
    }

    @Test
    void printingASecretShowsOnlyTheRedactedMarker() {
        Secret secret = Secret.of(VALUE);
        assertThat(secret.toString()).isEqualTo(Secret.REDACTED).doesNotContain(VALUE);
        assertThat(String.valueOf(secret)).isEqualTo("****");
        assertThat("key=" + secret).isEqualTo("key=****");
        assertThat(String.format("%s", secret)).doesNotContain(VALUE);
    }

    @Test
    void aRecordHoldingASecretPrintsWithoutItsValue() {
        Credentials credentials = new Credentials("alice", Secret.of(VALUE));
        assertThat(credentials.toString()).contains("alice").contains("****").doesNotContain(VALUE);
        assertThat(List.of(credentials).toString()).doesNotContain(VALUE);
        assertThat(Map.of("k", Secret.of(VALUE)).toString()).doesNotContain(VALUE);
    }

    @Test
    void jacksonWritesTheRedactedMarkerForASecretAndForARecordHoldingOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Secret.of(VALUE))).isEqualTo("\"****\"");
        String record = json.writeValueAsString(new Credentials("alice", Secret.of(VALUE)));
        assertThat(record).isEqualTo("{\"user\":\"alice\",\"apiKey\":\"****\"}");
        assertThat(json.writeValueAsString(Map.of("nested", List.of(Secret.of(VALUE))))).doesNotContain(VALUE);
    }

    @Test
    void revealReturnsTheValue() {
        assertThat(Secret.of(VALUE).reveal()).isEqualTo(VALUE);
    }

    @Test
    void withValueHandsOverACopyAndWipesItAfterwards() {
        char[][] seen = new char[1][];
        Secret secret = Secret.of(VALUE);
        int length = secret.withValue(chars -> {
            assertThat(new String(chars)).isEqualTo(VALUE);
            seen[0] = chars;
            return chars.length;
        });
        assertThat(length).isEqualTo(VALUE.length());
        assertThat(new String(seen[0])).isEqualTo("\0".repeat(VALUE.length()));
        assertThat(secret.reveal()).as("the secret itself is untouched").isEqualTo(VALUE);
    }

    @Test
    void equalityComparesValues() {
        assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(VALUE)).hasSameHashCodeAs(Secret.of(VALUE));
        assertThat(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x"));
        assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of(VALUE)).isNotEqualTo(VALUE);
    }

    @Test
    void anEmptyOrNullValueIsRefused() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsetEnvironmentVariableIsReportedByName() {
        String name = "AIO_TEST_SECRET_THAT_IS_NEVER_SET_7F3A";
        assertThat(System.getenv(name)).isNull();
        assertThatThrownBy(() -> Secret.fromEnv(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("not set");
    }

    @Test
    void aSetEnvironmentVariableBecomesTheSecretsValue() {
        String name = System.getenv().keySet().stream().filter(k -> !System.getenv(k).isEmpty())
                .sorted().findFirst().orElseThrow();
        Secret secret = Secret.fromEnv(name);
        assertThat(secret.reveal()).isEqualTo(System.getenv(name));
        assertThat(secret.toString()).isEqualTo("****");
    }

    @Test
    void urlsInMessagesLoseTheirUserInfoAndQueryEvenWhenMalformed() {
        assertThat(Secret.redactUrl("http://id:Pa55word@ho st:9000/x")).isEqualTo("http://****@ho st:9000/x")
                .doesNotContain("Pa55word");
        assertThat(Secret.redactUrl("https://api.example.com/v1?api_key=sk-123#frag"))
                .isEqualTo("https://api.example.com/v1?****");
        assertThat(Secret.redactUrl("user:pw@host:9000")).isEqualTo("****@host:9000");
        assertThat(Secret.redactUrl("http://a@b@c/")).isEqualTo("http://****@c/");
        assertThat(Secret.redactUrl("http://127.0.0.1:9000")).isEqualTo("http://127.0.0.1:9000");
        assertThat(Secret.redactUrl(null)).isEqualTo("null");
    }
}
