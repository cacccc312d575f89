/**
 * JMH benchmarks for aio's hot paths, each run beside the peer it is compared with, so that
 * every performance claim rests on a measurement rather than a timed test. Build the
 * self-contained {@code target/benchmarks.jar} with {@code mvn package} and run it with
 * {@code java -jar}. The benchmarks land with their own issues.
 */
package dev.aio.benchmarks;
