package dev.aio.examples;

import dev.aio.core.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** File chores the examples share: the bundled samples, copying a folder into a bucket, cleanup. */
final class ExampleFiles {

    private ExampleFiles() {
    }

    /** @return the samples folder shipped in this module, from a directory or from the jar */
    static Path bundledSamples() throws IOException, URISyntaxException {
        URI uri = ExampleFiles.class.getResource("/samples").toURI();
        if ("jar".equals(uri.getScheme())) {
            try {
                return FileSystems.getFileSystem(uri).getPath("/samples");
            } catch (FileSystemNotFoundException notOpen) {
                return FileSystems.newFileSystem(uri, Map.of()).getPath("/samples");
            }
        }
        return Path.of(uri);
    }

    /**
     * Puts every regular file under {@code dir} into the bucket, keyed by its relative path. A
     * copy, not the folder itself, so the examples write nothing into the user's folder and read
     * the bundled samples from a jar as well as from a directory.
     */
    static void upload(Path dir, ObjectStore store, String bucket) throws IOException {
        store.ensureBucket(bucket);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String key = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            store.put(bucket, key, Files.readAllBytes(file));
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // Deepest first, so each folder is empty when its turn comes.
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
