/**
 * The pipeline engine: describe a chain of typed stages with
 * {@link dev.aio.core.pipeline.Pipeline#from(Class)}, protect stages with
 * {@link dev.aio.core.pipeline.StepPolicy}, and run items one at a time
 * ({@link dev.aio.core.pipeline.Pipeline#call}) or as a bounded, back-pressured stream
 * ({@link dev.aio.core.pipeline.Pipeline#run}) that accounts for every item in a
 * {@link dev.aio.core.pipeline.RunReport}.
 */
package dev.aio.core.pipeline;
