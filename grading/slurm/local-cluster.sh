#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the grader's Slurm test (SlurmTests) and for trying the job array by
# hand: munged, slurmctld and slurmd as root, configuration and state in one folder, no cgroups
# (proctrack/linuxproc, task/none), the node's CPUs and memory as `slurmd -C` reads them.
#
#   grading/slurm/local-cluster.sh start DIR   # prints the SLURM_CONF to export for sbatch/squeue/sacct
#   grading/slurm/local-cluster.sh stop DIR    # stops every daemon that `start DIR` started
#
# Needs Debian's slurm-wlm and munge (.ci/run installs them) and root.
set -euo pipefail
action=${1:?start or stop}
dir=$(realpath -m "${2:?a folder for the configuration and the state}")

stop_pid() { # a pid file's process, and wait for it to go
  local file=$1
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case $action in
  start)
    mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
    node=$(hostname -s)
    read -r cpus memory < <(slurmd -C | awk '/^NodeName/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["CPUs"], v["RealMemory"] }')
    cat > "$dir/slurm.conf" <<CONF
ClusterName=scorelab
SlurmctldHost=$node
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$node CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=grading Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
    # munged: its own socket and pid in DIR, the machine's key (Debian's package creates /etc/munge/munge.key).
    munged --force --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
      --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"
    export SLURM_CONF=$dir/slurm.conf
    # The daemons and clients find munged's socket through the auth plugin's option.
    echo "AuthInfo=socket=$dir/munge/munge.socket" >> "$dir/slurm.conf"
    slurmctld -f "$dir/slurm.conf"
    slurmd -f "$dir/slurm.conf"
    for _ in $(seq 100); do
      if sinfo -h -o %T 2>/dev/null | grep -qx idle; then echo "SLURM_CONF=$dir/slurm.conf"; exit 0; fi
      sleep 0.2
    done
    echo "the node did not become idle; logs in $dir/log" >&2
    sinfo -N -l >&2 || true
    exit 1
    ;;
  stop)
    stop_pid "$dir/slurmd.pid"
    stop_pid "$dir/slurmctld.pid"
    stop_pid "$dir/munge/munged.pid"
    ;;
  *) echo "start or stop" >&2; exit 2 ;;
esac
