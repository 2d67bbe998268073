#!/usr/bin/env bash
# Builds the benchmark jar and runs the sigmatch JMH suite; see --help.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
jar="$here/target/benchmarks.jar"

usage() {
  cat <<'TEXT'
Usage: benchmarks/run.sh [--quick] [-- JMH options...]
       benchmarks/run.sh --help

Builds benchmarks/target/benchmarks.jar (mvn -q -B -DskipTests -pl benchmarks -am package,
from the repository root), then runs the JMH suite on the shared data: the SigmaHQ rules and
OTRF events in $SIGMATCH_SHARED, else in ../shared next to the repository. Without them the
shipped rules/ and corpus/ are used, and a notice says so on stderr.

  --quick   About 3 minutes on 2 cores. Throughput of the reference evaluator and the compiled
            engine on the 20,000-event OTRF sample, for 1 (the msiexec seed rule), 10, 100, 1000
            and all rules; warmup 4x2s (C2 needs seconds for the engine's large methods: after
            1s the all-rules engine ran at 4/5 of its speed, and once it took 15s to settle),
            measurement 2x1s, one fork per point. Prints exactly one line per rule count:
              rules=<N|all> reference=<events/s> compiled=<events/s> ratio=<compiled/reference>
            The JMH log and JSON go to a temporary folder (named on stderr).

  (none)    The full suite, about 25 minutes: every benchmark (warmup 3x2s, 8x2s for the
            throughput ones; measurement 5x2s; one fork, three for two threads; compile time as 3+5 single shots) under the GC profiler, then HeapReport.
            Writes benchmarks/results/<date>.json (JMH JSON), <date>.log (JMH output) and
            <date>.txt (the summary), and prints the summary:
              rules=...                      the rows of --quick (OTRF sample)
              events=corpus rules=...        the same on the shipped 110-event corpus
              memo=0 rules=... compiled=...  the compiled engine without its value memo (OTRF)
              compile rules=all ms=...       Engine.builder()...build() of all rules
              alloc rules=all ...            bytes allocated per event by the compiled engine
                                             (gc.alloc.rate.norm), no-match events and real mix
              threads rules=all ...          events/s with one and two threads sharing one engine
              batch rules=all batches=...    events/s of the compiled engine fed batches of 32
                                             (matchBatch) and fed one event per call, same JVM
              latency rules=all engine=...   per-event time percentiles in us, p50 to p99.99 and max
                                             (LatencyBenchmark, OTRF sample, both engines)
              msiexec ...                    ns/event of the seed rule alone on Sysmon EventID 3
                                             events, matching and not, both engines
              automaton needles=...          ms to scan 2,000 events' values: the engine's
                                             automaton and org.ahocorasick (AutomatonBenchmark)
              heap rules=<n> ..._mb=...      retained heap: loaded rules, reference, engine, one context
              scan engine=... events_per_s=... end to end ./sigmatch scan of the OTRF Windows files,
                                             JSON parsing included, both engines (benchmarks/scan.sh)

  --help    This text.

Anything after -- goes to JMH as is, after the suite's own options, e.g.
  benchmarks/run.sh -- -wi 0 -i 1 -r 1s     a smoke test of the full suite (a few minutes)
  benchmarks/run.sh -- -p rules=all         only the all-rules points (the latency run keeps its
                                            one point: -p options do not reach it)
(--quick already sets -wi/-w/-i/-r/-f; JMH refuses them twice.)

The machine should be otherwise idle: on a shared machine the numbers are noisy.
See benchmarks/README.md for what each benchmark measures.
TEXT
}

mode=full
extra=()
while (($#)); do
  case "$1" in
    --quick) mode=quick ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) usage >&2; exit 2 ;;
  esac
  shift
done

cd "$repo"
# Maven's output goes to stderr so that stdout carries only the result rows.
mvn -q -B -DskipTests -pl benchmarks -am package >&2

# Prints the summary rows from a JMH JSON result file; $2 selects which sections.
summarize() {
  python3 - "$1" "$2" <<'PY'
import json, sys

results = json.load(open(sys.argv[1]))
sections = sys.argv[2]
by = {}
for r in results:
    name = r["benchmark"].rsplit(".", 2)
    key = (name[-2], name[-1], tuple(sorted(r.get("params", {}).items())))
    by[key] = r

def find(cls, method, **params):
    r = by.get((cls, method, tuple(sorted(params.items()))))
    return r

# JMH writes "NaN" (a string) where it has no value, e.g. the error of a single iteration.
def score(r):
    return float(r["primaryMetric"]["score"]) if r else float("nan")

def alloc(r):
    m = r and r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return float(m["score"]) if m else float("nan")

def throughput_rows(events, prefix):
    for n in ["1", "10", "100", "1000", "all"]:
        ref = find("ThroughputBenchmark", "reference", rules=n, events=events)
        # Results from before the memo parameter have none: the default memo.
        comp = (find("ThroughputBenchmark", "compiled", rules=n, events=events, memo="16384")
                or find("ThroughputBenchmark", "compiled", rules=n, events=events))
        if ref is None and comp is None:
            continue
        ratio = score(comp) / score(ref) if ref and comp else float("nan")
        print(f"{prefix}rules={n} reference={score(ref):.0f} compiled={score(comp):.0f} ratio={ratio:.1f}")

throughput_rows("otrf", "")
if sections == "full":
    throughput_rows("corpus", "events=corpus ")
    for n in ["1", "10", "100", "1000", "all"]:
        off = find("ThroughputBenchmark", "compiled", rules=n, events="otrf", memo="0")
        if off:
            print(f"memo=0 rules={n} compiled={score(off):.0f}")
    c = find("CompileBenchmark", "compile", rules="all")
    if c:
        print(f"compile rules=all ms={score(c):.1f} error_ms={float(c['primaryMetric']['scoreError']):.1f}")
    nomatch = find("AllocationBenchmark", "compiled", rules="all", sample="nomatch")
    mix = find("AllocationBenchmark", "compiled", rules="all", sample="mix")
    if nomatch or mix:
        print(f"alloc rules=all nomatch_bytes_per_event={alloc(nomatch):.1f}"
              f" mix_bytes_per_event={alloc(mix):.1f}")
    one = find("TwoThreadsBenchmark", "oneThread", rules="all")
    two = find("TwoThreadsBenchmark", "twoThreads", rules="all")
    if one and two:
        print(f"threads rules=all one={score(one):.0f} two={score(two):.0f}"
              f" scaling={score(two) / score(one):.2f}")
    batches = find("BatchThroughputBenchmark", "batches", rules="all")
    singly = find("BatchThroughputBenchmark", "oneByOne", rules="all")
    if batches and singly:
        print(f"batch rules=all batches={score(batches):.0f} one_by_one={score(singly):.0f}"
              f" gain={score(batches) / score(singly):.2f}")
    seed = [(e, m, find("SeedRuleBenchmark", m, events=e))
            for m in ["reference", "compiled"] for e in ["match", "nomatch"]]
    if any(r for _, _, r in seed):
        print("msiexec " + " ".join(f"{m}_{e}_ns={score(r):.0f}" for e, m, r in seed))
    for m in ["compiled", "reference"]:
        r = find("LatencyBenchmark", m, rules="all", events="otrf", memo="16384") or find("LatencyBenchmark", m, rules="all", events="otrf")
        if r:
            p = r["primaryMetric"]["scorePercentiles"]
            print(f"latency rules=all engine={m} " + " ".join(
                f"{name}_us={float(p[q]):.1f}" for name, q in
                [("p50", "50.0"), ("p90", "90.0"), ("p99", "99.0"), ("p99.9", "99.9"), ("p99.99", "99.99"), ("max", "100.0")]))
    for n in ["CommandLine", "keywords"]:
        row = [(m, find("AutomatonBenchmark", m, needles=n)) for m in ["dense", "ahocorasickIgnoreCase", "ahocorasickFolded"]]
        if all(r for _, r in row):
            print(f"automaton needles={n} " + " ".join(f"{m}_ms={score(r):.2f}" for m, r in row))
PY
}

# Surfaces the data-fallback notice that the forked benchmark JVMs print into the JMH log.
report_fallback() {
  grep -m1 -o '\[sigmatch-bench\] shared data not found.*' "$1" >&2 || true
}

common=(-foe true -rf json)

if [[ $mode == quick ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/sigmatch-bench.XXXXXX")"
  echo "sigmatch benchmarks --quick: JMH log and JSON in $work" >&2
  if ! java -jar "$jar" 'ThroughputBenchmark' -p events=otrf \
      -wi 4 -w 2s -i 2 -r 1s -f 1 "${common[@]}" -rff "$work/quick.json" ${extra[@]+"${extra[@]}"} >"$work/quick.log" 2>&1; then
    tail -n 40 "$work/quick.log" >&2
    exit 1
  fi
  report_fallback "$work/quick.log"
  summarize "$work/quick.json" quick
  exit 0
fi

mkdir -p "$here/results"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
out="$here/results/$stamp"
echo "sigmatch benchmarks: full suite, JMH log in $out.log" >&2
if ! java -jar "$jar" 'io\.sigmatch\.bench\..*' -e LatencyBenchmark -prof gc -p memo=16384,0 "${common[@]}" -rff "$out.json" ${extra[@]+"${extra[@]}"} >"$out.log" 2>&1; then
  tail -n 40 "$out.log" >&2
  exit 1
fi
# One point only: the latency benchmark shares the throughput states and their parameters, so the
# user's -p options, meant for the suite, would add points here; their timing options still apply.
latency_extra=()
skip_value=false
for opt in ${extra[@]+"${extra[@]}"}; do
  if $skip_value; then
    skip_value=false
  elif [[ "$opt" == -p ]]; then
    skip_value=true
  else
    latency_extra+=("$opt")
  fi
done
latency="$(mktemp "${TMPDIR:-/tmp}/sigmatch-latency.XXXXXX.json")"
if ! java -jar "$jar" 'LatencyBenchmark' -p rules=all -p events=otrf -p memo=16384 "${common[@]}" -rff "$latency" ${latency_extra[@]+"${latency_extra[@]}"} >>"$out.log" 2>&1; then
  tail -n 40 "$out.log" >&2
  exit 1
fi
python3 - "$out.json" "$latency" <<'PY'
import json, sys
merged = json.load(open(sys.argv[1])) + json.load(open(sys.argv[2]))
json.dump(merged, open(sys.argv[1], "w"), indent=2)
PY
rm -f "$latency"
report_fallback "$out.log"
{
  summarize "$out.json" full
  # Retained heap is not a JMH measurement (see HeapReport); the serial collector compacts fully,
  # so the figures are stable.
  java -XX:+UseSerialGC -cp "$jar" io.sigmatch.bench.HeapReport all | grep '^heap '
  # End to end, JSON parsing included: not JMH, one run of the command line per engine.
  "$here/scan.sh" --engine compiled
  "$here/scan.sh" --engine reference
} | tee "$out.txt"
