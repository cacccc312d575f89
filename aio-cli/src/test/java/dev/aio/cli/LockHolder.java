package dev.aio.cli;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM by the tests: locks a store's lock file as a second {@code aio} process
 * would, says so on stdout, and holds the lock until its stdin is closed.
 */
public final class LockHolder {

    private LockHolder() {
    }

    /** @param args the lock file @throws Exception when locking fails */
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            System.out.println("locked " + lock.isValid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
