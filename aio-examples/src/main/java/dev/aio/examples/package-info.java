/**
 * Small, runnable programs that show how a host application drives aio through its public
 * API. They are compiled and run by the build, so they stay in step with the code they show;
 * run the main demo with {@code mvn -pl aio-examples exec:java}. The examples land with their
 * own issues.
 */
package dev.aio.examples;
