#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root,
# after `node packages/runtime-webgpu/bench/build.mjs`: where the time goes.
# One bench run per experiment "LABEL|bench flags|programs" (programs default
# to the tree sum and the loops of examples/bench; add --trace to the flags
# for the per-round profile). Every row goes to OUT_DIR/rows.jsonl with its
# label.
# Usage: bash packages/runtime-webgpu/bench/profile.sh OUT_DIR "LABEL|FLAGS[|PROGRAMS]"...
set -u
out=$1; shift
B=examples/bench
for e in "$@"; do
  IFS='|' read -r label flags progs <<< "$e"
  [ -n "$progs" ] || progs="$B/tree-sum-24.hvmc $B/loops-2p16x4000.hvmc"
  timeout 90 node packages/runtime-webgpu/.bundle/bench.mjs --runtime webgpu $flags $progs 2>&1 \
    | grep '^{' | sed "s/^{/{\"label\":\"$label\",/" >> "$out/rows.jsonl"
done
