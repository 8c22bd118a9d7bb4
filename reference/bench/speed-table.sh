#!/usr/bin/env bash
# The speed table of issue 20: the kit's side (org.scorelab.bench.SpeedTable, reference test scope) in one JVM per
# OMP_NUM_THREADS, 1 and 2 (the kit keeps to one native thread whatever it says: the second column checks that), then PyTorch's side (reference/src/test/python/pytorch_speed.py) with 1 and 2 threads
# where /usr/bin/python3 has torch, back to back; then one Markdown table of the medians in ms per step.
# Usage (after `mvn -B -q install -DskipTests`): reference/bench/speed-table.sh [quick] [row-name prefix...]
#   quick: one repeat of a tenth of each row's steps, to check that everything runs (its figures mean little);
#   prefixes, e.g. `dsm_step ml_`: only those rows. MVN replaces the Maven command, e.g. MVN="mvn -o".
# A full run takes several minutes on an idle machine; the raw outputs (all the facts) stay in the folder printed last.
set -euo pipefail
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
cd "$root"
out="$(mktemp -d -t speed-table.XXXXXX)"
read -ra mvn <<< "${MVN:-mvn}"
args=()
(( $# > 0 )) && args=(-Dexec.args="$*")
for t in 1 2; do
  echo "kit, $t thread(s)..." >&2
  if ! OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "${mvn[@]}" -B -q -pl reference exec:java -Dexec.classpathScope=test \
      -Dexec.mainClass=org.scorelab.bench.SpeedTable "${args[@]}" > "$out/kit-$t.tsv"; then
    cat "$out/kit-$t.tsv" >&2
    exit 1
  fi
done
missing=""
if /usr/bin/python3 -c 'import torch' 2> "$out/torch-import.err"; then
  for t in 1 2; do
    echo "PyTorch, $t thread(s)..." >&2
    /usr/bin/python3 reference/src/test/python/pytorch_speed.py "$t" "$@" > "$out/torch-$t.tsv"
  done
else
  missing="PyTorch columns missing: /usr/bin/python3 cannot import torch ($(tail -n 1 "$out/torch-import.err"));"
  missing+=" on Debian: apt-get install python3-torch libopenblas0-pthread"
fi

shopt -s nullglob
sed -n -e '/^# workload/d' -e '/^# torch config/d' -e '/^# /p' "$out"/*-1.tsv
echo
awk -F '\t' '
  function ms(v) { return v >= 100 ? sprintf("%.0f", v) : v >= 10 ? sprintf("%.1f", v) : sprintf("%.2f", v) }
  /^[a-z0-9_]+\t/ {
    c = FILENAME ~ /kit-1/ ? 1 : FILENAME ~ /kit-2/ ? 2 : FILENAME ~ /torch-1/ ? 3 : 4
    if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
    median[$1, c] = $2; cell[$1, c] = ms($2) " (" ms($3) "-" ms($4) ")"
  }
  END {
    print "| workload | kit 1 thread | kit 2 threads | PyTorch 1 thread | PyTorch 2 threads | kit/PyTorch (1 thread) | target 0.5 met? |"
    print "|---|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
      w = order[i]; row = "| " w
      for (c = 1; c <= 4; c++) row = row " | " (((w, c) in cell) ? cell[w, c] : "-")
      ratio = ((w, 1) in median && (w, 3) in median) ? sprintf("%.2f", median[w, 1] / median[w, 3]) : "-"
      met = ratio == "-" || w ~ /_part_/ ? "-" : median[w, 1] <= 0.5 * median[w, 3] ? "yes" : "no"
      print row " | " ratio " | " met " |"
      if (((w, 2) in median) && median[w, 2] > median[w, 1])
        slower = slower sprintf(" %s (+%.0f%%)", w, 100 * (median[w, 2] / median[w, 1] - 1))
    }
    print ""
    print "ms per step: median of the repeats (fastest-slowest); ml_part_ rows are parts of ml_iteration_b256, for profiling."
    print "Kit rows slower on 2 threads than on 1:" (slower == "" ? " none" : slower)
  }' "$out"/kit-*.tsv "$out"/torch-*.tsv
[ -z "$missing" ] || echo "$missing"
echo "Raw outputs: $out"
