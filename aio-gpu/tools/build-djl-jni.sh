#!/usr/bin/env bash
# Builds DJL's PyTorch JNI library (libdjl_torch.so) against the libtorch of the local Python
# PyTorch install, for machines whose libtorch version has no prebuilt DJL JNI (DJL 0.36.0 ships
# JNI for libtorch 2.7.1 only). Offline: needs g++, the CUDA headers when libtorch has CUDA, and
# a sources folder made by prepare-djl-jni-sources.sh.
#
#   build-djl-jni.sh SOURCES_DIR OUTPUT_DIR
#
# Prints the environment that points DJL at the result (PYTORCH_LIBRARY_PATH, PYTORCH_VERSION,
# PYTORCH_FLAVOR) into OUTPUT_DIR/djl-env.sh.
set -euo pipefail
SRC="$(cd "$1" && pwd)"; OUT="$2"
PY="${PYTHON:-python3}"
mkdir -p "$OUT/obj"
OUT="$(cd "$OUT" && pwd)"
read -r TORCH_DIR TORCH_VERSION CUDA_VERSION ABI < <("$PY" -c 'import torch,os
print(os.path.dirname(torch.__file__), torch.__version__.split("+")[0], (torch.version.cuda or "none").replace(".",""), int(torch._C._GLIBCXX_USE_CXX11_ABI))')
FLAGS=(-O2 -fPIC -std=c++17 -D_GLIBCXX_USE_CXX11_ABI="$ABI"
       -I"$SRC/hdr" -I"$SRC/jni" -I"$SRC/utils" -I"$TORCH_DIR/include"
       -I"$TORCH_DIR/include/torch/csrc/api/include")
LIBS=(-L"$TORCH_DIR/lib" -ltorch -ltorch_cpu -lc10)
FLAVOR=cpu
if [[ "$CUDA_VERSION" != none ]]; then
  FLAVOR="cu$CUDA_VERSION"
  FLAGS+=(-DUSE_CUDA -I"${CUDA_HOME:-/usr/local/cuda}/include")
  LIBS+=(-ltorch_cuda -lc10_cuda)
fi
echo "# libtorch $TORCH_VERSION ($FLAVOR, cxx11 abi $ABI) at $TORCH_DIR" >&2
export SRC OUT
printf '%s\0' "$SRC"/src/*.cc | xargs -0 -P "$(nproc)" -I{} sh -c \
  'f="{}"; n=$(basename "$f" .cc); g++ -c "$@" "$f" -o "$OUT/obj/$n.o" 2>"$OUT/obj/$n.log" || { echo "FAILED $n"; tail -20 "$OUT/obj/$n.log"; exit 1; }' _ "${FLAGS[@]}"
g++ -shared -o "$OUT/libdjl_torch.so" "$OUT"/obj/*.o "${LIBS[@]}" -Wl,-rpath,"$TORCH_DIR/lib"
cat > "$OUT/djl-env.sh" <<ENV
export PYTORCH_LIBRARY_PATH="$TORCH_DIR/lib"
export PYTORCH_VERSION="$TORCH_VERSION"
export PYTORCH_FLAVOR="$FLAVOR"
ENV
echo "# built $OUT/libdjl_torch.so" >&2
