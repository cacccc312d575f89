package dev.aio.boot.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service over real HTTP: documents written here, ingested at startup and on POST /ingest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aio.embedder.sessions=1", "logging.level.root=WARN"})
class AskServiceTest {

    private static final Path ROOT = createRoot();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("aio-boot-example");
            write(root.resolve("docs/sourdough.md"), "# Keeping a rye starter\n\nA rye sourdough starter is fed "
                    + "twice a day, in the morning and in the evening, with equal weights of rye flour and "
                    + "lukewarm water. Half of it is discarded before each feeding.");
            write(root.resolve("docs/lighthouse.md"), "# The Varne lighthouse\n\nThe keeper lights the lamp at "
                    + "dusk and winds the clockwork that turns the lens every four hours. In fog the horn sounds "
                    + "twice a minute.");
            write(root.resolve("docs/brakes.txt"), "A mechanical disc brake is adjusted by loosening the caliper "
                    + "bolts, squeezing the lever, tightening the bolts while it is held and turning the pad "
                    + "adjuster until the rotor spins without rubbing.");
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @DynamicPropertySource
    static void documents(DynamicPropertyRegistry registry) {
        registry.add("aio.object-store.filesystem.root", ROOT::toString);
    }

    @AfterAll
    static void removeDocuments() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ask(String question) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void askCitesTheDocumentIngestedAtStartupThatHoldsTheAnswer() throws Exception {
        JsonNode body = ask("How often is the rye sourdough starter fed?");
        assertThat(body.get("extractive").asBoolean()).isTrue();
        assertThat(body.get("answer").asText()).contains("twice a day");
        JsonNode top = body.get("citations").get(0);
        assertThat(top.get("bucket").asText()).isEqualTo("docs");
        assertThat(top.get("key").asText()).isEqualTo("sourdough.md");
        assertThat(top.get("version").asText()).isNotBlank();
        assertThat(top.get("start").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(top.get("end").asLong()).isGreaterThan(top.get("start").asLong());
        assertThat(top.get("score").asDouble()).isGreaterThan(0);
        for (JsonNode other : body.get("citations")) {
            assertThat(other.get("score").asDouble()).isLessThanOrEqualTo(top.get("score").asDouble());
        }
    }

    @Test
    void postIngestAddsANewDocumentAndSkipsTheUnchangedOnes() throws Exception {
        write(ROOT.resolve("docs/tides.md"), "# Reading a tide table\n\nHigh water at the harbour mouth comes "
                + "about fifty minutes later each day; spring tides follow the full and the new moon.");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("ingested").asLong()).isEqualTo(1);
        assertThat(report.get("unchanged").asLong()).isEqualTo(3);
        assertThat(report.get("failed").asLong()).isZero();

        JsonNode top = ask("When is high water at the harbour mouth?").get("citations").get(0);
        assertThat(top.get("key").asText()).isEqualTo("tides.md");
    }

    @Test
    void aBlankQuestionIsABadRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ask?q=%20")).GET());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void actuatorShowsAiosHealthAndTheIngestMetrics() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET());
        JsonNode aio = JSON.readTree(health.body()).path("components").path("aio");
        assertThat(aio.path("status").asText()).as(health.body()).isEqualTo("UP");
        assertThat(aio.path("components").path("objectStore").path("details").path("bucket").asText()).isEqualTo("docs");

        HttpResponse<String> metric = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/metrics/aio.pipeline.items.out?tag=stage:write")).GET());
        assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
        double written = JSON.readTree(metric.body()).get("measurements").get(0).get("value").asDouble();
        assertThat(written).isGreaterThanOrEqualTo(3);
    }
}
