#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root,
# after `node packages/runtime-webgpu/bench/build.mjs`: where the time goes.
# A traced run (one dispatch per round trip, per-round profile) of the tree
# sum and the loops with the default kernel, then one untraced run of both
# per experiment; an experiment is "LABEL|bench flags" (flags: see bench.ts).
# Each line of OUT_DIR/LABEL.jsonl is one bench row.
# Usage: bash packages/runtime-webgpu/bench/profile.sh OUT_DIR ["LABEL|FLAGS"...]
set -u
out=$1; shift
B=examples/bench
progs="$B/tree-sum-24.hvmc $B/loops-2p16x4000.hvmc"
bench() { log=$1; shift; timeout 60 node packages/runtime-webgpu/.bundle/bench.mjs --runtime webgpu "$@" 2>&1 | grep '^{' >> "$out/$log.jsonl"; }
bench trace --trace $progs
for e in "$@"; do bench "${e%%|*}" ${e#*|} $progs; done
