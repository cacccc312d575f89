package dev.aio.examples.ingest;

import dev.aio.core.vector.VectorStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Run in a child JVM by {@link KillNineIngestTest}: ingests the folder and prints a line after
 * each write to the index, so the parent can kill it with SIGKILL in the middle of the run.
 */
public final class IngestChild {

    private IngestChild() {
    }

    public static void main(String[] args) throws java.io.IOException {
        DurableSetup setup = new DurableSetup(Path.of(args[0]));
        VectorStore reporting = (VectorStore) Proxy.newProxyInstance(VectorStore.class.getClassLoader(),
                new Class<?>[] {VectorStore.class}, (proxy, method, a) -> {
                    Object result;
                    try {
                        result = method.invoke(setup.index, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("upsert") || method.getName().equals("delete")) {
                        int n = a[a.length - 1] instanceof Collection<?> c ? c.size() : -1;
                        System.out.println("WROTE " + method.getName() + " " + n);
                        System.out.flush();
                    }
                    return result;
                });
        setup.ingestor(reporting).run(DurableSetup.BUCKET, "");
        System.out.println("FINISHED");
        System.out.flush();
        // Deliberately no close: wait to be killed like an unfinished run would be.
        System.in.read();
    }
}
