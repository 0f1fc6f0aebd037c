#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root,
# after `node packages/runtime-webgpu/bench/build.mjs`: where the time goes.
# Traced runs (one dispatch per round trip, per-round profile) of the tree sum
# and the loops, then untraced runs over kernel knobs. Each line of
# OUT_DIR/*.jsonl is one bench row.
# Usage: bash packages/runtime-webgpu/bench/profile.sh OUT_DIR [extra bench flags]
set -u
out=$1; shift
B=examples/bench
progs="$B/tree-sum-24.hvmc $B/loops-2p16x4000.hvmc"
bench() { log=$1; shift; timeout 60 node packages/runtime-webgpu/.bundle/bench.mjs --runtime webgpu "$@" 2>&1 | grep '^{' >> "$out/$log.jsonl"; }
bench trace --trace "$@" $progs
bench default "$@" $progs
for e in 1 2 32; do bench share --share-every $e "$@" $progs; done
for b in 256 4096 16384; do bench budget --budget $b "$@" $progs; done
for w in 64 256; do bench wg --wg $w "$@" $progs; done
for m in 256 2048; do bench maxwg --max-wg $m "$@" $progs; done
