package dev.aio.cli;

import dev.aio.core.Secret;
import dev.aio.core.storage.ObjectStore;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.storage.minio.MinioObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Where an ingest or watch reads from: an opened object store, a bucket and a key prefix.
 *
 * <p>A local folder is read through the filesystem object store without writing anything into
 * it: the folder is linked (a symbolic link) under {@code <store>/sources/<bucket>}, so the
 * object store's root, its temporary folder and its bucket name all live in the store
 * directory. A single file is its folder's bucket with the file name as the prefix.
 *
 * @param label what the user typed, made absolute for paths
 * @param store the opened store; the caller closes it
 * @param bucket the bucket
 * @param prefix the key prefix
 */
public record Source(String label, ObjectStore store, String bucket, String prefix) implements AutoCloseable {

    /** The environment variable that holds the S3 secret key. */
    public static final String SECRET_ENV = "AWS_SECRET_ACCESS_KEY";
    /** The environment variable read when {@code --access-key} is not given. */
    public static final String ACCESS_KEY_ENV = "AWS_ACCESS_KEY_ID";
    /** The environment variable read when {@code --endpoint} is not given. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    /**
     * @param text a folder, a file or {@code s3://bucket/prefix}
     * @param endpoint the S3 endpoint, or null for {@value #ENDPOINT_ENV} or AWS
     * @param accessKey the S3 access key, or null for {@value #ACCESS_KEY_ENV}
     * @param env the environment, for the secret key
     * @param workspace the store directory, where local folders are linked
     * @return the opened source
     * @throws CliException naming what is wrong with the argument
     */
    public static Source open(String text, String endpoint, String accessKey, Map<String, String> env,
            Workspace workspace) {
        if (text.startsWith("s3://")) {
            return s3(text, endpoint, accessKey, env);
        }
        return local(Path.of(text), workspace);
    }

    private static Source s3(String text, String endpoint, String accessKey, Map<String, String> env) {
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new CliException("'" + text + "' names no bucket; use s3://bucket/prefix");
        }
        String url = endpoint != null ? endpoint : env.getOrDefault(ENDPOINT_ENV, "https://s3.amazonaws.com");
        String key = accessKey != null ? accessKey : env.get(ACCESS_KEY_ENV);
        String secret = env.get(SECRET_ENV);
        if (key == null || secret == null || secret.isEmpty()) {
            throw new CliException("reading " + text + " needs credentials: --access-key (or " + ACCESS_KEY_ENV
                    + ") and the secret key in the environment variable " + SECRET_ENV);
        }
        MinioObjectStore store;
        try {
            store = MinioObjectStore.builder().endpoint(url).credentials(key, Secret.of(secret))
                    .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)).build();
        } catch (IllegalArgumentException e) {
            throw new CliException("bad --endpoint: " + e.getMessage(), e);
        }
        return new Source(text, store, bucket, prefix);
    }

    private static Source local(Path path, Workspace workspace) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new CliException("no such file or folder: " + absolute);
        }
        Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        String prefix = Files.isDirectory(absolute) ? "" : absolute.getFileName().toString();
        Path links = workspace.dir().resolve("sources");
        String bucket = link(links, folder);
        return new Source(absolute.toString(), FileSystemObjectStore.at(links), bucket, prefix);
    }

    /** Links the folder under {@code links} and returns the link's name, a valid bucket name. */
    private static String link(Path links, Path folder) {
        String base = bucketName(folder.getFileName() == null ? "root" : folder.getFileName().toString());
        try {
            Files.createDirectories(links);
            for (String name : new String[] {base, base + "-" + shortHash(folder.toString())}) {
                Path link = links.resolve(name);
                if (Files.isSymbolicLink(link)) {
                    if (Files.readSymbolicLink(link).equals(folder)) {
                        return name;
                    }
                    continue; // another folder with the same name: try the name with a hash of the path
                }
                Files.createSymbolicLink(link, folder);
                return name;
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliException("cannot link " + folder + " under " + links + ": " + e.getMessage(), e);
        }
        throw new CliException("cannot link " + folder + " under " + links + ": both names are taken by other folders");
    }

    /** A bucket name (3-63 of a-z, 0-9, '-') made from a folder name. */
    static String bucketName(String folderName) {
        String s = folderName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        while (s.length() < 3) {
            s = s + "x";
        }
        return s;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
