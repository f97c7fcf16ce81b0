#!/usr/bin/env bash
# Runs a schedlab study config as a Slurm job array: array task i of N runs shard i/N.
#
#   sbatch --array=1-8 scripts/slurm-array.sh                     # configs/paper.json in 8 shards
#   CONFIG=configs/scaling.json sbatch --array=1-4 scripts/slurm-array.sh
#
# then, once every task has finished (or chain it: sbatch --dependency=afterok:<jobid> ...):
#
#   npm run merge -- results/paper/shard-*-of-8 --out results/paper
#
# Every shard journals each finished trial at once. A task that is pre-empted or requeued
# (#SBATCH --requeue; Slurm sends SIGTERM first) stops cleanly and, when it runs again,
# resumes from its journal. Submit from the checkout (with node_modules installed); the
# results folder must be on a file system every node sees.
#
#SBATCH --job-name=schedlab-replicate
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --requeue
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

CONFIG="${CONFIG:-configs/paper.json}"
DATA="${DATA:-}"                      # e.g. DATA=fenrir:/shared/fenrir; empty = the config's
CONFIG_NAME="$(basename "$CONFIG" .json)"
RESULTS="${RESULTS:-results}"

if [[ -z "${SLURM_ARRAY_TASK_ID:-}" ]]; then
  echo "submit as a job array, e.g. sbatch --array=1-8 $0" >&2
  exit 2
fi
# shards are 1-based: map the array range (whatever its first id) onto 1..N
FIRST="${SLURM_ARRAY_TASK_MIN:-1}"
COUNT="${SLURM_ARRAY_TASK_COUNT:-$(( ${SLURM_ARRAY_TASK_MAX} - FIRST + 1 ))}"
SHARD="$(( SLURM_ARRAY_TASK_ID - FIRST + 1 ))"
OUT="${RESULTS}/${CONFIG_NAME}/shard-${SHARD}-of-${COUNT}"

cd "${SLURM_SUBMIT_DIR:-.}"
echo "schedlab: ${CONFIG} shard ${SHARD}/${COUNT} on $(hostname), ${SLURM_CPUS_PER_TASK:-1} workers -> ${OUT}"
# node itself, not npm: Slurm's SIGTERM (pre-emption, scancel, time limit) then reaches the harness
# directly, which stops cleanly (exit 143) and resumes from the journal when the task runs again
exec node --import tsx harness/cli/replicate.ts \
  --config "$CONFIG" \
  --shard "${SHARD}/${COUNT}" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$OUT" \
  --no-figures \
  ${DATA:+--data "$DATA"}
