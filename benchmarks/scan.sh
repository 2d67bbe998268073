#!/usr/bin/env bash
# End-to-end throughput of ./sigmatch scan (JSON parsing, matching, output); see --help.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"

usage() {
  cat <<'TEXT'
Usage: benchmarks/scan.sh [--engine compiled|reference]

Runs ./sigmatch scan over every Windows OTRF event file of the shared data with all rules of the
five active SigmaHQ folders (unresolved placeholders match anything, as in the JMH suite), sends
the matches to /dev/null and prints one line:

  scan engine=<name> events=<n> mb=<MB of JSON files> matches=<n> load_s=<s> scan_s=<s>
       events_per_s=<n> mb_per_s=<MB/s>

load_s is loading and compiling the rules; scan_s is the rest (reading and parsing the JSON Lines,
matching, writing the matches); the rates are over scan_s. MB are 10^6 bytes of the files.
The shared data is in $SIGMATCH_SHARED, else ../shared next to the repository; without it the
shipped rules/ and corpus/ are scanned instead, and a notice says so on stderr.
TEXT
}

engine=compiled
while (($#)); do
  case "$1" in
    --engine) engine="$2"; shift ;;
    --engine=*) engine="${1#--engine=}" ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

shared="${SIGMATCH_SHARED:-$repo/../shared}"
rules=()
if [[ -d "$shared/sigma" && -d "$shared/events/otrf-security-datasets/windows" ]]; then
  for folder in rules rules-emerging-threats rules-threat-hunting rules-placeholder rules-compliance; do
    rules+=(--rules "$shared/sigma/$folder")
  done
  events="$shared/events/otrf-security-datasets/windows"
else
  echo "[sigmatch-bench] shared data not found in $shared: scanning the shipped rules/ and corpus/ instead" >&2
  rules=(--rules "$repo/rules")
  events="$repo/corpus"
fi

bytes=$(find "$events" -type f \( -name '*.jsonl' -o -name '*.json' \) ! -name index.json -printf '%s\n' \
  | awk '{ s += $1 } END { print s + 0 }')
summary="$(mktemp "${TMPDIR:-/tmp}/sigmatch-scan.XXXXXX")"
trap 'rm -f "$summary"' EXIT
"$repo/sigmatch" scan "${rules[@]}" --unresolved-placeholders=match-any --engine "$engine" \
  --events "$events" >/dev/null 2>"$summary" || { cat "$summary" >&2; exit 1; }

# sigmatch: events N, matches M, rules loaded L, rejected R, T s
# sigmatch: load A s, scan B s: E events/s, F MB/s
python3 - "$summary" "$engine" "$bytes" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
counts = re.search(r"sigmatch: events (\d+), matches (\d+)", text)
times = re.search(r"sigmatch: load ([\d.]+) s, scan ([\d.]+) s", text)
if not counts or not times:
    sys.exit("no summary from sigmatch scan:\n" + text)
events, matches = int(counts[1]), int(counts[2])
load, scan = float(times[1]), float(times[2])
mb = int(sys.argv[3]) / 1e6
print(f"scan engine={sys.argv[2]} events={events} mb={mb:.1f} matches={matches} load_s={load:.2f} "
      f"scan_s={scan:.2f} events_per_s={events / scan:.0f} mb_per_s={mb / scan:.1f}")
PY
