package dev.aio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.Secret;
import dev.aio.storage.minio.MinioObjectStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aio ingest s3://...} and {@code aio watch s3://...} against a real S3 API server in-process. */
class S3CommandsTest {

    private static final String ACCESS_KEY = "aio-cli-access";
    private static final String SECRET = "aio-cli-secret-0123456789-never-print-me";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static S3Proxy proxy;
    static String endpoint;

    @BeforeAll
    static void startServer() throws Exception {
        Path blobs = Files.createDirectories(tmp.resolve("blobs"));
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(blobs.toString())).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET).build();
        proxy.start();
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        try (MinioObjectStore store = MinioObjectStore.builder().endpoint(endpoint)
                .credentials(ACCESS_KEY, Secret.of(SECRET)).build()) {
            store.ensureBucket("handbook");
            store.put("handbook", "travel/expenses.md", ("# Expenses\n\nTrain tickets are refunded within ten "
                    + "working days of handing in the receipt.\n").getBytes(StandardCharsets.UTF_8));
            store.put("handbook", "travel/visas.md", ("# Visas\n\nThe office manager books visa appointments two "
                    + "months ahead.\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        proxy.stop();
    }

    @Test
    void ingestsAPrefixAndCitesTheObjectVersions() throws Exception {
        Cli cli = new Cli(tmp.resolve("store-ok"), Map.of(Source.SECRET_ENV, SECRET));
        Cli.Result r = cli.run("ingest", "s3://handbook/travel/", "--endpoint", endpoint, "--access-key", ACCESS_KEY);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2 objects (ingested 2");

        JsonNode answer = JSON.readTree(cli.run("ask", "How fast are train tickets refunded?", "--json").out());
        assertThat(answer.path("citations").get(0).path("location").asText())
                .matches("handbook/travel/expenses\\.md@\\S+");

        Cli.Result watch = cli.run("watch", "s3://handbook/travel/", "--once", "--json", "--endpoint", endpoint,
                "--access-key", ACCESS_KEY);
        assertThat(watch.code()).as(watch.toString()).isZero();
        assertThat(JSON.readTree(watch.out()).path("counts").path("ingested").asLong()).isZero();
    }

    @Test
    void aWrongSecretIsAClearErrorThatDoesNotEchoTheSecret() {
        String wrong = "wrong-secret-abcdefghijklmnop";
        Cli cli = new Cli(tmp.resolve("store-bad"), Map.of(Source.SECRET_ENV, wrong));
        Cli.Result r = cli.run("ingest", "s3://handbook/travel/", "--endpoint", endpoint, "--access-key", ACCESS_KEY);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("aio: access denied (check --access-key and AWS_SECRET_ACCESS_KEY)")
                .doesNotContain(wrong).doesNotContain(SECRET).doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain(wrong);
    }

    @Test
    void anUnreachableEndpointIsAClearError() {
        Cli cli = new Cli(tmp.resolve("store-down"), Map.of(Source.SECRET_ENV, SECRET));
        Cli.Result r = cli.run("ingest", "s3://handbook/", "--endpoint", "http://127.0.0.1:1", "--access-key",
                ACCESS_KEY);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("aio: the object store cannot be reached (check --endpoint)")
                .doesNotContain(SECRET);
    }

    @Test
    void missingCredentialsAndAMissingBucketAreClearErrors() {
        Cli noSecret = new Cli(tmp.resolve("store-nosecret"), Map.of());
        Cli.Result r = noSecret.run("ingest", "s3://handbook/", "--endpoint", endpoint, "--access-key", ACCESS_KEY);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("the secret key in the environment variable AWS_SECRET_ACCESS_KEY");

        Cli ok = new Cli(tmp.resolve("store-nobucket"), Map.of(Source.SECRET_ENV, SECRET));
        Cli.Result missing = ok.run("ingest", "s3://no-such-bucket/x", "--endpoint", endpoint, "--access-key",
                ACCESS_KEY);
        assertThat(missing.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no bucket 'no-such-bucket'");
    }
}
