#!/usr/bin/env bash
# Runs a schedlab study config on Slurm: a job array whose task i runs shard i of N, then a merge
# job that combines the shards and renders the figures and the report. From the checkout (with
# node_modules installed), on a file system every node sees:
#
#   scripts/slurm-array.sh submit 8                          # configs/paper.json as 8 tasks + merge
#   CONFIG=configs/scaling.json DATA=fenrir:/shared/fenrir scripts/slurm-array.sh submit 4
#   scripts/slurm-array.sh submit 8 --partition=long --cpus-per-task=4 --time=04:00:00
#
# `submit N [sbatch options…]` runs the two sbatch commands it prints (the same by hand:
#   jid=$(sbatch --parsable --array=1-N scripts/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --job-name=schedlab-merge --output=slurm-%x-%j.out \
#     scripts/slurm-array.sh merge $jid)
# and passes the options to both. Results: results/<config name>-<array job id>/ (RESULTS=DIR
# instead), the shards in its shard-i-of-N/ folders; logs: slurm-<job name>-<job id>_<task>.out.
#
# Resources: the defaults below fit a small node (trials are single-threaded; the harness runs
# one worker per CPU of the task, SLURM_CPUS_PER_TASK). Override them with sbatch options
# (--cpus-per-task, --mem-per-cpu, --time, --partition, …) or SBATCH_MEM_PER_CPU,
# SBATCH_TIMELIMIT, SBATCH_PARTITION; options given to sbatch win over these lines.
#
# Stops: node is started in place of this shell (exec), so the SIGTERM of scancel, a requeue, a
# pre-emption or the time limit reaches the harness itself: it stops cleanly (exit 143) and a
# requeued task resumes its shard from the journal (the log is appended to, not truncated).
# To continue an array that was cancelled, submit again with RESULTS=<its results folder>.
#
#SBATCH --job-name=schedlab
#SBATCH --cpus-per-task=1
#SBATCH --mem-per-cpu=1G
#SBATCH --time=01:00:00
#SBATCH --requeue
#SBATCH --open-mode=append
#SBATCH --kill-on-invalid-dep=yes
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

CONFIG="${CONFIG:-configs/paper.json}"
DATA="${DATA:-}"                      # e.g. DATA=fenrir:/shared/fenrir; empty = the config's
CONFIG_NAME="$(basename "$CONFIG" .json)"

fail() { echo "slurm-array.sh: $*" >&2; exit 2; }

# results folder of an array job: RESULTS if given, else one per array job id
results_of() { echo "${RESULTS:-results/${CONFIG_NAME}-$1}"; }

case "${1:-}" in
  submit)
    # outside Slurm: submit the array and the merge job that waits for it
    [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || fail "usage: $0 submit N [sbatch options…] (N = number of shards)"
    SHARDS="$2"; shift 2
    for option in "$@"; do
      [[ "$option" == --array* || "$option" == -a* ]] && fail "the array is 1-N, from 'submit N': leave out $option"
    done
    [[ -f "$CONFIG" ]] || fail "config $CONFIG not found (run from the schedlab checkout, or set CONFIG)"
    command -v sbatch >/dev/null || fail "sbatch not found: run this on a Slurm login node"
    array=(sbatch --parsable --array="1-${SHARDS}" "$@" "$0")
    echo "${array[*]}"
    ARRAY_JOB="$("${array[@]}")"; ARRAY_JOB="${ARRAY_JOB%%;*}"
    merge=(sbatch --parsable --dependency="afterok:${ARRAY_JOB}" --job-name=schedlab-merge --output=slurm-%x-%j.out "$@" "$0" merge "$ARRAY_JOB")
    echo "${merge[*]}"
    MERGE_JOB="$("${merge[@]}")"; MERGE_JOB="${MERGE_JOB%%;*}"
    echo "array job ${ARRAY_JOB} (${SHARDS} shards of ${CONFIG}), merge job ${MERGE_JOB} -> $(results_of "$ARRAY_JOB")/"
    exit 0
    ;;
  merge)
    # the merge job: every shard folder of the array job into its results folder, then the figures
    [[ $# -eq 2 ]] || fail "usage: sbatch $0 merge ARRAY_JOB_ID"
    cd "${SLURM_SUBMIT_DIR:-.}"
    [[ -f scripts/merge-shards.sh ]] || fail "$(pwd) is not the schedlab checkout: submit from it"
    exec scripts/merge-shards.sh "$(results_of "$2")"
    ;;
  "") ;;
  *) fail "unknown command '$1' (submit N, merge ARRAY_JOB_ID, or none in an array task)" ;;
esac

if [[ -z "${SLURM_ARRAY_TASK_ID:-}" ]]; then
  fail "submit with '$0 submit N' (or as a job array: sbatch --array=1-N $0)"
fi
# shards are 1-based: map the array range (whatever its first id) onto 1..N
FIRST="${SLURM_ARRAY_TASK_MIN:-1}"
COUNT="${SLURM_ARRAY_TASK_COUNT:-$(( SLURM_ARRAY_TASK_MAX - FIRST + 1 ))}"
SHARD="$(( SLURM_ARRAY_TASK_ID - FIRST + 1 ))"
OUT="$(results_of "$SLURM_ARRAY_JOB_ID")/shard-${SHARD}-of-${COUNT}"
WORKERS="${SLURM_CPUS_PER_TASK:-1}"

cd "${SLURM_SUBMIT_DIR:-.}"
[[ -f harness/cli/replicate.ts ]] || fail "$(pwd) is not the schedlab checkout: submit from it"
echo "schedlab: ${CONFIG} shard ${SHARD}/${COUNT} (array job ${SLURM_ARRAY_JOB_ID}, task ${SLURM_ARRAY_TASK_ID}, attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 ))) on $(hostname), ${WORKERS} worker(s) -> ${OUT}"
exec node --import tsx harness/cli/replicate.ts \
  --config "$CONFIG" \
  --shard "${SHARD}/${COUNT}" \
  --workers "$WORKERS" \
  --out "$OUT" \
  --no-figures \
  ${DATA:+--data "$DATA"}
