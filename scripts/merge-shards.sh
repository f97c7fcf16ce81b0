#!/usr/bin/env bash
# Merges the shard folders of one sharded run (FOLDER/shard-i-of-N, written by
# npm run replicate -- --shard i/N) into FOLDER, then renders its figures and report. The merge
# step of scripts/slurm-array.sh and of the Kubernetes merge job (scripts/kubernetes/):
#
#   scripts/merge-shards.sh FOLDER             # the shards have finished (Slurm: afterok)
#   scripts/merge-shards.sh --wait N FOLDER    # first wait until N shard folders hold every trial
#
# --wait polls every MERGE_POLL_SECONDS (default 15) until FOLDER has N shard-i-of-N folders
# whose manifests record, together, every trial of the plan (shards are disjoint).
set -euo pipefail

fail() { echo "merge-shards.sh: $*" >&2; exit 2; }
usage="usage: scripts/merge-shards.sh [--wait N] FOLDER"
WAIT=""
if [[ "${1:-}" == --wait ]]; then
  [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || fail "$usage (N = number of shards)"
  WAIT="$2"; shift 2
fi
[[ $# -eq 1 ]] || fail "$usage"
OUT="$(realpath -m "$1")"
cd "$(dirname "$0")/.."                                # the checkout

if [[ -n "$WAIT" ]]; then
  trap 'echo "merge-shards.sh: stopped while waiting for the shards"; exit 143' TERM INT
  while :; do
    progress="$(node -e '
      const fs = require("fs"), path = require("path");
      const [folder, count] = [process.argv[1], Number(process.argv[2])];
      const shards = fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => new RegExp(`^shard-\\d+-of-${count}$`).test(name)) : [];
      let recorded = 0, planned, unit = "trials";
      for (const shard of shards) {
        try {
          // a trial study writes manifest.json, a simulation study simulation.json (when its shard is done)
          const trials = fs.existsSync(path.join(folder, shard, "manifest.json"));
          const manifest = JSON.parse(fs.readFileSync(path.join(folder, shard, trials ? "manifest.json" : "simulation.json"), "utf8"));
          recorded += trials ? manifest.trials.recorded : manifest.journal.runs;
          if (!trials) unit = "simulated runs";
          planned = trials ? manifest.trials.planned : manifest.runs;
        } catch { /* not written yet, or being replaced */ }
      }
      console.log(shards.length === count && planned !== undefined && recorded >= planned
        ? "ready" : `${shards.length} of ${count} shard folders, ${recorded} of ${planned ?? "?"} ${unit} recorded`);
    ' "$OUT" "$WAIT")"
    [[ "$progress" == ready ]] && break
    echo "waiting for the shards in $OUT: $progress"
    sleep "${MERGE_POLL_SECONDS:-15}" & wait $!
  done
  trap - TERM INT
fi

shopt -s nullglob
shards=("$OUT"/shard-*-of-*)
[[ ${#shards[@]} -gt 0 ]] || fail "no shard folders (shard-i-of-N) in $OUT"
counts="$(printf '%s\n' "${shards[@]}" | sed 's/.*-of-//' | sort -u)"
[[ "$(wc -l <<<"$counts")" -eq 1 ]] || fail "$OUT holds shards of runs with different shard counts ($(paste -sd' ' <<<"$counts")): merge them by hand with npm run merge"
echo "schedlab: merging ${#shards[@]} of ${counts} shards on $(hostname) -> ${OUT}"
node --import tsx harness/cli/merge.ts "${shards[@]}" --out "$OUT"
# a simulation study's merge writes its figures itself (simulation.json); a trial study's needs npm run figures
manifest="$OUT/manifest.json"; [[ -f "$manifest" ]] || manifest="$OUT/simulation.json"
status="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).status)' "$manifest")"
[[ "$status" == complete ]] || fail "the merged results in $OUT are $status: run the missing shards into it and merge again"
[[ "$manifest" == "$OUT/manifest.json" ]] || exit 0
exec node --import tsx harness/cli/figures.ts "$OUT"
