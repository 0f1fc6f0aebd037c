#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root,
# after `node packages/runtime-webgpu/bench/build.mjs`: the corpus and random
# books for correctness, then the examples/bench programs on WebGPU (twice
# each: the second run has a warm pipeline cache), the sequential ones small
# on the GPU alone and full size with the CPU fallback, the heavy corpus, and
# the CPU reference.
# Rows go to OUT_DIR/rows.jsonl (labelled), the random-book report to
# OUT_DIR/random.txt.
# Usage: bash packages/runtime-webgpu/bench/device.sh OUT_DIR [full|gpu]
set -u
out=$1
B=examples/bench
P=packages/runtime-webgpu/bench/programs
bench() { label=$1; t=$2; shift 2; timeout "$t" node packages/runtime-webgpu/.bundle/bench.mjs "$@" 2>&1 | grep '^{' | sed "s/^{/{\"label\":\"$label\",/" >> "$out/rows.jsonl"; }
bench corpus 120 --runtime webgpu --memory 268435456 $(ls examples/*.hvmc | grep -v heavy)
timeout 100 node packages/runtime-webgpu/.bundle/random.mjs 400 11 --out "$out/random.txt" > /dev/null 2>&1
bench parallel 90 --runtime webgpu $B/tree-sum-24.hvmc $B/loops-2p16x4000.hvmc $B/tree-sum-24.hvmc $B/loops-2p16x4000.hvmc
bench heavy 60 --runtime webgpu examples/heavy-tree-sum.hvmc examples/heavy-loops.hvmc
bench fallback 90 --runtime webgpu --fallback --memory 2147483648 $B/rec-sum-2p24.hvmc $B/chain-2p25.hvmc examples/heavy-chain.hvmc examples/heavy-rec-sum.hvmc
if [ "${2:-full}" = full ]; then
  for p in tree-sum-24 rec-sum-2p24 chain-2p25 loops-2p16x4000; do bench cpu 80 --runtime cpu --memory 2147483648 $B/$p.hvmc; done
fi
bench sequential 40 --runtime webgpu $P/rec-sum-2p18.hvmc
bench sequential 40 --runtime webgpu $P/chain-2p20.hvmc
