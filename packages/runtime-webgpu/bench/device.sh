#!/usr/bin/env bash
# Runs on the GPU machine (through .device/remote.sh) from the project root:
# the corpus for correctness, then the bench programs under several kernel
# geometries, small sequential variants, and the CPU reference, each capped.
# Usage: bash packages/runtime-webgpu/bench/device.sh OUT_DIR [full|gpu]
set -u
out=$1
B=examples/bench
P=packages/runtime-webgpu/bench/programs
run() { name=$1; shift; timeout "$@" 2>&1 | grep -v artificially | tail -1 | cut -c1-600 >> "$out/$name.log"; }
node .bundle/bench.mjs --runtime webgpu --memory 268435456 $(ls examples/*.hvmc | grep -v heavy) --out "$out/corpus.json" > /dev/null 2>&1
for k in "--wg 128 --max-wg 1024 --budget 1024" "--wg 128 --max-wg 4096 --budget 1024" "--wg 128 --max-wg 4096 --budget 4096"; do
  run tree 40 node .bundle/bench.mjs --runtime webgpu --memory 1073741824 $k $B/tree-sum-24.hvmc
  run loops 60 node .bundle/bench.mjs --runtime webgpu --memory 1073741824 $k $B/loops-2p16x4000.hvmc
done
run seq 40 node .bundle/bench.mjs --runtime webgpu --memory 1073741824 $P/chain-2p20.hvmc
run seq 40 node .bundle/bench.mjs --runtime webgpu --memory 1073741824 $P/rec-sum-2p18.hvmc
if [ "${2:-full}" = full ]; then
  for p in tree-sum-24 rec-sum-2p24 chain-2p25; do run cpu 40 node .bundle/bench.mjs --runtime cpu --memory 2147483648 $B/$p.hvmc; done
fi
