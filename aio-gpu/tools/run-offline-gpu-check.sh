#!/usr/bin/env bash
# Runs aio-gpu/gpu-check.sh on a GPU machine with no JDK and no network, from a folder made by
# make-offline-bundle.sh: unpacks the Java runtime, rebuilds the MiniLM ONNX file from its parts
# (found in the bundle or in PARTS_DIR, for parts sent ahead separately), builds DJL's JNI library
# against the machine's Python PyTorch (build-djl-jni.sh) unless LIBDJL_TORCH names a built one,
# exports TorchScript models (fp32, fp16) with that PyTorch, and runs the check with DJL pointed at
# that libtorch. Options (environment): AIO_WORK (scratch, default /tmp/aio), PY (python3),
# EXPORT_DEVICE (cuda), and gpu-check.sh's own AIO_GPU_* variables.
#
#   run-offline-gpu-check.sh BUNDLE_DIR
set -uo pipefail
B="$(cd "$1" && pwd)"; T="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"; W="${AIO_WORK:-/tmp/aio}"
PY="${PY:-python3}"; mkdir -p "$W/model"
M="$W/model/all-minilm-l6-v2.onnx"
if [[ ! -f "$M" ]]; then
  PARTS=()
  for n in $(ls "${PARTS_DIR:-$B}" "$B" | grep '^onnx\.xz\.' | sort -u); do
    if [[ -f "$B/$n" ]]; then PARTS+=("$B/$n"); else PARTS+=("$PARTS_DIR/$n"); fi
  done
  cat "${PARTS[@]}" | xz -d -T0 > "$M" || exit 3
fi
cp "$B/all-minilm-l6-v2-tokenizer.json" "$W/model/"
[[ -x "$W/jrt/bin/java" ]] || tar xzf "$B/jrt.tgz" -C "$W"
if [[ -z "${LIBDJL_TORCH:-}" ]]; then
  bash "$T/build-djl-jni.sh" "$B/jnisrc" "$W/jni" || exit 4
  LIBDJL_TORCH="$W/jni/libdjl_torch.so"
fi
source "$(dirname "$LIBDJL_TORCH")/djl-env.sh"
D="$W/cache/pytorch/${PYTORCH_VERSION}-${PYTORCH_FLAVOR}-linux-x86_64"; mkdir -p "$D"
cp "$LIBDJL_TORCH" "$D/0.36.0-libdjl_torch.so"   # where DJL 0.36 looks for a JNI library it did not ship
export LD_LIBRARY_PATH="${CUDA_HOME:-/usr/local/cuda}/lib64:${LD_LIBRARY_PATH:-}"   # DJL finds GPUs through libcudart
TS=()
"$PY" "$T/export_torchscript.py" "$M" "$W/minilm.pt" --device "${EXPORT_DEVICE:-cuda}" && TS+=(AIO_GPU_TORCHSCRIPT="$W/minilm.pt")
"$PY" "$T/export_torchscript.py" "$M" "$W/minilm16.pt" --half --device "${EXPORT_DEVICE:-cuda}" && TS+=(AIO_GPU_TORCHSCRIPT_FP16="$W/minilm16.pt")
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null
env "${TS[@]}" JAVA="$W/jrt/bin/java" AIO_GPU_CLASSPATH="$B/lib/*:$W/model" AIO_GPU_REFERENCE="$B/reference.bin" \
  DJL_CACHE_DIR="$W/cache" ENGINE_CACHE_DIR="$W/cache" JAVA_OPTS="${JAVA_OPTS:--Xmx64g}" \
  bash "$T/../gpu-check.sh" check
