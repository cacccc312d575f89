#!/usr/bin/env bash
# Collects what build-djl-jni.sh needs to compile DJL 0.36.0's PyTorch JNI library on a machine
# without network or a JDK: the native sources at tag v0.36.0, DJL's utils header, the JNI header
# generated from PyTorchLibrary.java, and the JDK's jni.h. Run it on a build machine.
#
#   prepare-djl-jni-sources.sh DJL_GIT_DIR OUT_DIR
#
# DJL_GIT_DIR is a clone of https://github.com/deepjavalibrary/djl (any checkout that has the tag).
set -euo pipefail
DJL="$1"; OUT="$2"; TAG="${DJL_TAG:-v0.36.0}"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
rm -rf "$OUT" && mkdir -p "$OUT"/{src,hdr,utils,jni} && OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
git -C "$DJL" archive "$TAG" engines/pytorch/pytorch-native/src/main/native \
    engines/pytorch/pytorch-engine/src/main/java api/src/main/native | tar x -C "$TMP"
cp "$TMP"/engines/pytorch/pytorch-native/src/main/native/* "$OUT/src/"
cp -r "$TMP"/api/src/main/native/djl "$OUT/utils/"
CP="$(ls "$M2"/ai/djl/api/0.36.0/api-0.36.0.jar):$(ls "$M2"/org/slf4j/slf4j-api/*/slf4j-api-*.jar | head -1):$(ls "$M2"/com/google/code/gson/gson/*/gson-*.jar | head -1)"
"$JDK/bin/javac" -nowarn -cp "$CP" -sourcepath "$TMP/engines/pytorch/pytorch-engine/src/main/java" \
    "$TMP/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java" -h "$OUT/hdr" -d "$TMP/classes"
cp "$JDK/include/jni.h" "$JDK/include/linux/jni_md.h" "$OUT/jni/"
echo "# DJL $TAG JNI sources in $OUT" >&2
