#!/usr/bin/env bash
# Grading throughput: a class of N submissions (the bundled examples, cycled) graded with W workers.
# Usage (after `mvn -B -q install -DskipTests`): grading/bench/throughput.sh [N=20] [W=2] [extra grader options...]
# e.g. grading/bench/throughput.sh 20 2 --public-only
set -euo pipefail
n="${1:-20}"; w="${2:-2}"; shift $(( $# > 2 ? 2 : $# ))
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
class="$(mktemp -d)"; out="$(mktemp -d)"
trap 'rm -rf "$class" "$out"' EXIT
mapfile -t examples < <(find "$root/grading/examples/class" -mindepth 1 -maxdepth 1 -type d | sort)
for ((i = 0; i < n; i++)); do
  src="${examples[$((i % ${#examples[@]}))]}"
  name="$(basename "$src" | sed -E "s/_([0-9]+)_assignsubmission/ copy${i}_$((200000 + i))_assignsubmission/")"
  cp -r "$src" "$class/$name"
done
cd "$root"
start=$(date +%s.%N)
mvn -B -q -o -pl grading exec:java -Dexec.args="class $class --out $out --workers $w $*" | grep -E "^Graded|^Grading [0-9]"
end=$(date +%s.%N)
python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} submissions, {sys.argv[4]} worker(s): {t:.0f} s wall, {t/n:.1f} s per submission, {60*n/t:.1f} per minute')" "$start" "$end" "$n" "$w"
