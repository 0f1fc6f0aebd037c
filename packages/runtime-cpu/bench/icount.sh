#!/bin/sh
# Instructions per interaction of the single-thread reducer, load-independent:
# valgrind counts the instructions of two runs of one program at two sizes;
# (I2 - I1) / (N2 - N1) cancels startup, parsing and compilation.
# Usage: bench/icount.sh [sum|church|bitonic] [size1] [size2] [ref|parallel]   (from packages/runtime-cpu)
# `parallel` counts the cpu-parallel core on one thread, in process (bench/parallel-core.ts).
set -e
prog=${1:-sum}
s1=${2:-15}
s2=${3:-17}
entry=bench/icount.ts
[ "${4:-ref}" = parallel ] && entry=bench/parallel-core.ts
out=${TMPDIR:-/tmp}/hvm-icount-$$
mkdir -p "$out"
../../node_modules/.bin/esbuild "$entry" --bundle --platform=node --format=esm --outfile="$out/icount.mjs" --log-level=warning
count() {
  valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file --cachegrind-out-file=/dev/null \
    node --single-threaded --max-inlined-bytecode-size-cumulative=10000 $NODE_ARGS "$out/icount.mjs" "$prog" "$1" > "$out/run.txt" 2> "$out/vg.txt"
  refs=$(grep "I *refs" "$out/vg.txt" | sed 's/.*refs: *//; s/,//g')
  n=$(sed 's/.*interactions=//' "$out/run.txt")
  echo "$refs $n"
}
set -- $(count "$s1") $(count "$s2")
echo "$prog $s1: $2 interactions, $1 instructions"
echo "$prog $s2: $4 interactions, $3 instructions"
echo "instructions per interaction: $(( ($3 - $1) / ($4 - $2) ))"
