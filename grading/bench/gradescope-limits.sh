#!/usr/bin/env bash
# The gradescope mode under Gradescope's default limits, measured here: a memory cgroup (cgroup v1 or v2, as root) of
# MEMORY (default 768M, Gradescope's default), one CPU (taskset), the autograder's own run_autograder on a copy of an
# example submission. Prints wall time, the cgroup's peak memory, the score and the top of results.json's output.
# Usage (after `mvn -B -q install -DskipTests`): grading/bench/gradescope-limits.sh [MEMORY=768M] [STUDENT="Ada Lovelace"] [grader options...]
# e.g. grading/bench/gradescope-limits.sh 768M "Ada Lovelace" --public-only
set -euo pipefail
memory="${1:-768M}"; student="${2:-Ada Lovelace}"; shift $(( $# > 2 ? 2 : $# ))
repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
root="$(mktemp -d)"; trap 'rm -rf "$root"; [ -n "${cg:-}" ] && rmdir "$cg" 2>/dev/null || true' EXIT
mkdir -p "$root/submission" "$root/results"
cp -r "$repo/grading/examples/class/$student"_*/. "$root/submission/"
ln -s "$repo" "$root/source"
bytes=$(numfmt --from=iec "$memory")
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then          # cgroup v2
  cg=/sys/fs/cgroup/scorelab-gradescope-$$; mkdir "$cg"; echo "$bytes" > "$cg/memory.max"; echo 0 > "$cg/memory.swap.max" || true
  peak_file="$cg/memory.peak"
else                                                       # cgroup v1
  cg=/sys/fs/cgroup/memory/scorelab-gradescope-$$; mkdir "$cg"; echo "$bytes" > "$cg/memory.limit_in_bytes"
  echo "$bytes" > "$cg/memory.memsw.limit_in_bytes" 2>/dev/null || true
  peak_file="$cg/memory.max_usage_in_bytes"
fi
start=$(date +%s.%N)
set +e
bash -c "echo \$\$ > '$cg/cgroup.procs'; exec taskset -c 0 env AUTOGRADER_ROOT='$root' bash '$repo/grading/gradescope/run_autograder' $*" > "$root/log.txt" 2>&1
code=$?
set -e
end=$(date +%s.%N)
peak=$(cat "$peak_file" 2>/dev/null || echo 0)
python3 - "$start" "$end" "$peak" "$memory" "$code" "$root/results/results.json" "$student" "$*" <<'PY'
import json, sys
start, end, peak, memory, code, results, student, opts = sys.argv[1:]
print(f"{student} ({opts or 'public and hidden suites'}), {memory} and one CPU: {float(end) - float(start):.0f} s wall, "
      f"peak {int(peak) / 2**20:.0f} MiB, exit {code}")
try:
    r = json.load(open(results))
    print(f"  score {r['score']}, {len(r['tests'])} tests, output_format {r.get('output_format')}")
    print("  " + "\n  ".join(r.get("output", "").splitlines()[:6]))
    for t in r["tests"]:
        if t["status"] != "passed":
            print(f"  FAILED {t['name']}: " + " | ".join(t.get("output", "").splitlines()[:4]))
except (OSError, ValueError) as e:
    print(f"  no results.json: {e}")
PY
tail -3 "$root/log.txt"
