/**
 * Test doubles that ship with aio so that host applications can test their pipelines the way
 * aio tests its own: {@link dev.aio.core.testing.ManualTimeSource} instead of sleeping, and
 * {@link dev.aio.core.testing.RecordingPipelineListener} to assert what a run did, and
 * {@link dev.aio.core.testing.InMemoryObjectStore}, an object store that counts body reads.
 */
package dev.aio.core.testing;
