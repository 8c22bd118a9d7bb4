#!/usr/bin/env bash
# `bash .ci/run` as CI runs it: a clean clone of this repository's HEAD, an empty local Maven repository (a fresh
# HOME, so ~/.m2 is empty), in a memory cgroup that records the peak. Prints wall time, the cgroup's peak memory
# (page cache included) and the largest single process's peak resident memory.
# Usage (as root): grading/bench/ci-clean-clone.sh [LOG=/tmp/ci-clean-clone.log]
set -euo pipefail
log="${1:-/tmp/ci-clean-clone.log}"
repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
work="$(mktemp -d)"; home="$work/home"; mkdir -p "$home"
git clone -q "$repo" "$work/clone"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  cg=/sys/fs/cgroup/scorelab-ci-$$; mkdir "$cg"; peak_file="$cg/memory.peak"
else
  cg=/sys/fs/cgroup/memory/scorelab-ci-$$; mkdir "$cg"; peak_file="$cg/memory.max_usage_in_bytes"
fi
start=$(date +%s)
set +e
# Java takes user.home from the password file, not from HOME: the empty repository is named to Maven explicitly.
bash -c "echo \$\$ > '$cg/cgroup.procs'; cd '$work/clone' && exec env HOME='$home' MAVEN_OPTS='-Dmaven.repo.local=$home/.m2/repository' /usr/bin/time -v bash .ci/run" > "$log" 2>&1
code=$?
set -e
end=$(date +%s)
peak=$(cat "$peak_file")
maxrss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
echo "bash .ci/run on a clean clone of $(git -C "$repo" rev-parse --short HEAD), empty ~/.m2: exit $code, $(( (end - start) / 60 )) min $(( (end - start) % 60 )) s wall,"
echo "  peak memory of the whole run (cgroup, page cache included) $(( peak / 1048576 )) MiB; largest process $(( maxrss / 1024 )) MiB"
echo "  local repository filled: $(du -sh "$home/.m2" | cut -f1); log: $log"
grep -E "Tests run:.*Fail|BUILD|Reactor Summary" -A0 "$log" | tail -12
rmdir "$cg" 2>/dev/null || true
rm -rf "$work"
