/**
 * Implementation of aio-gpu: the model files and their weights, tokenization, the encoders on
 * each DJL engine, pooling, the dynamic batcher and native-library loading. Not part of the
 * contract; it may change in any release.
 */
package dev.aio.gpu.internal;
