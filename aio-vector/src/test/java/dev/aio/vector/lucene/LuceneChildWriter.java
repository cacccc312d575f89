package dev.aio.vector.lucene;

import dev.aio.core.vector.VectorRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link LuceneVectorStoreTest}: writes records, deletes some, reports on
 * stdout, then waits on stdin to be killed without closing the store.
 */
public final class LuceneChildWriter {

    private LuceneChildWriter() {
    }

    public static void main(String[] args) throws IOException {
        LuceneVectorStore store = LuceneVectorStore.builder().directory(Path.of(args[0])).build();
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(VectorRecord.of("r" + i, new float[] {i, 1, 2, 3}, "text " + i, Map.of("i", (long) i)));
        }
        store.upsert(records);
        store.delete(List.of("r0", "r1"));
        System.out.println("WRITTEN");
        System.out.flush();
        System.in.read();
    }
}
