#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root:
# the corpus for correctness, then the bench programs, each under a time cap.
# Usage: bash packages/runtime-webgpu/bench/device.sh OUT_DIR [bench args...]
set -u
out=$1
shift
node .bundle/bench.mjs --runtime webgpu --memory 268435456 "$@" $(ls examples/*.hvmc | grep -v heavy) --out "$out/corpus.json" > "$out/corpus.log" 2>&1
grep -c '"correct":true' "$out/corpus.json" || true
for p in tree-sum-24 loops-2p16x4000 rec-sum-2p24 chain-2p25; do
  timeout 150 node .bundle/bench.mjs --runtime webgpu --memory 2147483648 "$@" "examples/bench/$p.hvmc" --out "$out/$p.json" 2>&1 | grep -v artificially
done
