#!/usr/bin/env bash
# The GPU check of aio-gpu: parity of DjlEmbedder's vectors with OnnxEmbedder's (fp32, fp16),
# E2 embedding throughput at GPU batch sizes, E4 exact top-10 with the matrix resident, and the
# device's matmul and copy ceilings. Prints one GPU.* line per figure; exits 1 if parity fails.
#
#   aio-gpu/gpu-check.sh prepare   # on a build machine with Maven and network to Maven Central:
#                                  # builds, writes the reference vectors (CPU, OnnxEmbedder) and
#                                  # copies the jars the check needs into aio-gpu/target/gpu-check/
#   aio-gpu/gpu-check.sh [check]   # on the GPU machine, offline: runs the check
#
# Inputs of `check` (environment):
#   JAVA                    java executable (default: $JAVA_HOME/bin/java, else java on PATH)
#   AIO_GPU_CLASSPATH       classpath of the check (default: aio-gpu/target/gpu-check/lib/*)
#   AIO_GPU_REFERENCE       reference vectors file (default: aio-gpu/target/gpu-check/reference.bin)
#   AIO_GPU_TORCHSCRIPT     optional fp32 TorchScript model (tools/export_torchscript.py)
#   AIO_GPU_TORCHSCRIPT_FP16 optional fp16 TorchScript model (export_torchscript.py --half)
#   AIO_GPU_DEVICE          auto|gpu|cpu (default auto)
#   AIO_GPU_SIZES           E4 corpus sizes (default 100000,1000000)
#   AIO_GPU_BATCHES         E2 device batch sizes (default 64,128,256,512)
#   AIO_GPU_CHUNKS          E2 chunks per call (default 2048)
#   JAVA_OPTS               JVM options (default -Xmx24g: 1M records are built on the heap)
#   PYTORCH_LIBRARY_PATH, PYTORCH_VERSION, PYTORCH_FLAVOR: a local CUDA libtorch for DJL (README)
#   DJL_CACHE_DIR, ENGINE_CACHE_DIR: default aio-gpu/target/djl-cache
set -euo pipefail

MODE="${1:-check}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUTDIR="$HERE/target/gpu-check"

case "$MODE" in
  prepare)
    cd "$HERE/.."
    MVN_ARGS=(-B -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL})
    mvn "${MVN_ARGS[@]}" -pl aio-gpu -am install -DskipTests
    mkdir -p "$OUTDIR/lib"
    # Test scope: the check lives in the test-jar and writes the reference with aio-llm.
    mvn "${MVN_ARGS[@]}" -pl aio-gpu dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$OUTDIR/test-classpath.txt"
    CP="$HERE/target/classes:$HERE/target/test-classes:$(cat "$OUTDIR/test-classpath.txt")"
    export DJL_OFFLINE=true DJL_CACHE_DIR="$HERE/target/djl-cache" ENGINE_CACHE_DIR="$HERE/target/djl-cache"
    "${JAVA:-java}" -Doffline=true -cp "$CP" dev.aio.gpu.tools.GpuCheck write-reference "$OUTDIR/reference.bin"
    # The GPU machine needs neither the CPU libtorch nor ONNX Runtime, aio-llm or the test tools.
    rm -f "$OUTDIR"/lib/*.jar
    cp "$HERE"/target/aio-gpu-*.jar "$OUTDIR/lib/"
    tr ':' '\n' < "$OUTDIR/test-classpath.txt" \
      | grep -vE 'pytorch-native-cpu|onnxruntime|aio-llm|junit|assertj|byte-buddy|opentest4j|apiguardian|lucene' \
      | xargs -I{} cp {} "$OUTDIR/lib/"
    du -sh "$OUTDIR/lib" "$OUTDIR/reference.bin"
    ;;
  check)
    if [[ -n "${JAVA:-}" ]]; then :; elif [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
    CP="${AIO_GPU_CLASSPATH:-$OUTDIR/lib/*}"
    REF="${AIO_GPU_REFERENCE:-$OUTDIR/reference.bin}"
    [[ -f "$REF" ]] || { echo "gpu-check: no reference vectors at $REF (run '$0 prepare' on a build machine)" >&2; exit 2; }
    export DJL_OFFLINE=true
    export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HERE/target/djl-cache}" ENGINE_CACHE_DIR="${ENGINE_CACHE_DIR:-$HERE/target/djl-cache}"
    ARGS=(device="${AIO_GPU_DEVICE:-auto}" sizes="${AIO_GPU_SIZES:-100000,1000000}"
          batches="${AIO_GPU_BATCHES:-64,128,256,512}" chunks="${AIO_GPU_CHUNKS:-2048}")
    [[ -n "${AIO_GPU_TORCHSCRIPT:-}" ]] && ARGS+=(torchscript="$AIO_GPU_TORCHSCRIPT")
    [[ -n "${AIO_GPU_TORCHSCRIPT_FP16:-}" ]] && ARGS+=(torchscript16="$AIO_GPU_TORCHSCRIPT_FP16")
    echo "# $("$JAVA" -version 2>&1 | head -1); PYTORCH_LIBRARY_PATH=${PYTORCH_LIBRARY_PATH:-} PYTORCH_VERSION=${PYTORCH_VERSION:-} PYTORCH_FLAVOR=${PYTORCH_FLAVOR:-}" >&2
    # shellcheck disable=SC2086
    exec "$JAVA" ${JAVA_OPTS:--Xmx24g} -Doffline=true -cp "$CP" dev.aio.gpu.tools.GpuCheck check "$REF" "${ARGS[@]}"
    ;;
  *) echo "usage: $0 [prepare|check]" >&2; exit 2 ;;
esac
