package dev.aio.benchmarks.e5;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What E5's setup finds beside the JMH score: the calibrated effort, its recall and the build
 * rate of one engine at one base size, kept in {@code benchmarks/target/e5/result-ENGINE-N.properties}
 * for {@code Summary} (JMH's JSON has room for the measured score only).
 *
 * @param engine the engine's name
 * @param n the base size
 * @param settings the graph settings, e.g. {@code M=16,beam=100}
 * @param effort the search effort measured
 * @param recall recall@10 at that effort over every held-out query
 * @param buildRate vectors indexed per second
 */
public record E5Results(String engine, int n, String settings, int effort, double recall, double buildRate) {

    private static Path file(String engine, int n) {
        return E5Data.dir().resolve("result-" + engine + "-" + n + ".properties");
    }

    static void write(E5Results r) throws IOException {
        Properties p = new Properties();
        p.setProperty("settings", r.settings);
        p.setProperty("effort", Integer.toString(r.effort));
        p.setProperty("recall", Double.toString(r.recall));
        p.setProperty("buildRate", Double.toString(r.buildRate));
        Files.createDirectories(E5Data.dir());
        try (Writer w = Files.newBufferedWriter(file(r.engine, r.n))) {
            p.store(w, "E5 calibration of " + r.engine + " at n=" + r.n);
        }
    }

    /** @return the results an E5 setup wrote for this engine and base size, or null when none */
    public static E5Results read(String engine, int n) {
        Path f = file(engine, n);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new E5Results(engine, n, p.getProperty("settings"), Integer.parseInt(p.getProperty("effort")),
                Double.parseDouble(p.getProperty("recall")), Double.parseDouble(p.getProperty("buildRate")));
    }
}
