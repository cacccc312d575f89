package dev.aio.vector.weaviate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * {@code /v1/backups/s3} of {@link WeaviateStubServer}: a backup is a copy of the included
 * classes kept in memory, and both backups and restores finish at once. As in Weaviate, a
 * backup id is used once, and a class is restored only where it does not exist.
 */
final class StubBackups {

    private static final String BUCKET = "weaviate-backups";

    private StubBackups() {
    }

    @SuppressWarnings("unchecked")
    static MockResponse handle(WeaviateStubServer s, String method, String[] p, Map<String, Object> body) {
        Map<String, Map<String, StubClass>> backups = s.backups();
        if (p.length == 3 && method.equals("POST")) {
            String id = (String) body.get("id");
            if (backups.containsKey(id)) {
                return WeaviateStubServer.error(422, "backup " + id + " already exists at \"s3://" + BUCKET + "/" + id + "\"");
            }
            Map<String, StubClass> copy = new LinkedHashMap<>();
            for (String name : (List<String>) body.get("include")) {
                StubClass c = s.classNamed(name);
                if (c == null) {
                    return WeaviateStubServer.error(422, "class \"" + name + "\" does not exist");
                }
                copy.put(name, c.copy());
            }
            backups.put(id, copy);
            return status(id, "STARTED", copy);
        }
        String id = p[3];
        Map<String, StubClass> backup = backups.get(id);
        if (backup == null) {
            return WeaviateStubServer.error(404, "backup " + id + " not found");
        }
        if (p.length == 4 && method.equals("GET")) {
            return status(id, "SUCCESS", backup);
        }
        if (p.length == 5 && method.equals("POST")) {
            List<String> include = (List<String>) body.getOrDefault("include", List.copyOf(backup.keySet()));
            for (String name : include) {
                if (s.classNamed(name) != null) {
                    return WeaviateStubServer.error(422, "restoration of classes [" + name + "] failed: class name "
                            + name + " already exists");
                }
            }
            include.forEach(name -> s.classes().put(name, backup.get(name).copy()));
            return status(id, "STARTED", backup);
        }
        if (p.length == 5 && method.equals("GET")) {
            return status(id, "SUCCESS", backup);
        }
        return WeaviateStubServer.error(404, "no backup route for " + method);
    }

    private static MockResponse status(String id, String status, Map<String, StubClass> classes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", "s3");
        out.put("classes", List.copyOf(classes.keySet()));
        out.put("id", id);
        out.put("path", "s3://" + BUCKET + "/" + id);
        out.put("status", status);
        return WeaviateStubServer.ok(out);
    }
}
