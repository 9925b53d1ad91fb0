#!/usr/bin/env bash
# Throughput benchmark: waudit against `cat` (a page-cache read) and ripgrep (the same two
# financial patterns as one regex), all measured in the same run on the same generated export.
# See bench/README.md.
#
#   bench/run.sh [SIZE...]     default: 20M 200M  (decimal: 1M = 10^6 bytes; 1G also works)
#
# Environment:
#   WAUDIT=path         binary to measure (default: build-bench/cli/waudit, built if needed)
#   SKIP_BUILD=1        do not (re)build build-bench; measure the binary as it is
#   LAYOUT=android|ios  LANGUAGE=de|en  SEED=1   shape of the generated export
#   RUNS=3              timed runs per tool; the median wall time is reported
#   BENCH_DATA=dir      where generated exports are kept and reused ($TMPDIR/waudit-bench)
#   CHECK=0             skip the untimed run comparing waudit's findings with the planted values
#   BOMB=0              skip the zip-bomb run (bench/zip_bomb.py: about 8 KB inflating to 10 GB)
set -eu
export LC_ALL=C  # EPOCHREALTIME, awk and printf must use '.' as the decimal point

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
RESULTS="$BENCH_DIR/results"
LAYOUT=${LAYOUT:-android}
LANGUAGE=${LANGUAGE:-de}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
CHECK=${CHECK:-1}
BOMB=${BOMB:-1}
DATA_DIR=${BENCH_DATA:-${TMPDIR:-/tmp}/waudit-bench}
DEFAULT_WAUDIT="$ROOT/build-bench/cli/waudit"
WAUDIT=${WAUDIT:-$DEFAULT_WAUDIT}

if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(20M 200M); fi

# Ten of the rules for ripgrep, as the issue's reference does: an ASCII union (RE2's Unicode
# boundaries (?:^|[^\p{L}\p{N}]) become ASCII classes, capture groups go). iban and
# payment-card are the patterns of patterns/financial.toml; the others are simplified
# candidates of phone, email, bic, de-tax-id, de-social-security-number, date-of-birth, health
# and credential. rg counts lines with a candidate and validates nothing, so it does less than
# waudit: it is the "fast regex tool" reference, not an equivalent program.
B='[^0-9A-Za-z]'
RG_IBAN="(?i:(?:^|$B)[a-z]{2}[0-9]{2}(?:[- \\x{00A0}\\x{202F}]?[0-9a-z]){11,30}(?:\$|$B))"
RG_CARD="(?:^|[^0-9A-Za-z+])(?:[0-9]{4}(?:[- ][0-9]{4}){3}(?:[- ][0-9]{1,3})?"
RG_CARD="$RG_CARD|[0-9]{4}[- ][0-9]{6}[- ][0-9]{5}|[0-9]{12,19})(?:\$|$B)"
RG_PHONE="(?:^|$B)(?:\\+|00|0)[1-9][0-9 /()-]{6,18}[0-9](?:\$|$B)"
RG_EMAIL="[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}"
RG_BIC="(?:^|$B)[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?:\$|$B)"
RG_TAXID="(?:^|$B)[1-9][0-9]{10}(?:\$|$B)"
RG_SVNR="(?i:(?:^|$B)[0-9]{2} ?[0-9]{6} ?[a-z] ?[0-9]{3}(?:\$|$B))"
RG_DOB="(?i:(?:geb\\.|geboren|geburtsdatum|dob|born)[^0-9]{0,20}[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4})"
RG_HEALTH="(?i:(?:^|$B)(?:krankgeschrieben|krankmeldung|au-bescheinigung|diagnose|schwanger|therapie)(?:\$|$B))"
RG_CREDENTIAL="(?i:(?:passwort|kennwort|pin|tan|t[a-z]rcode|wlan)[ :=-]{1,3}[^ ]{4,})"
RG_PATTERN="$RG_IBAN|$RG_CARD|$RG_PHONE|$RG_EMAIL|$RG_BIC|$RG_TAXID|$RG_SVNR|$RG_DOB"
RG_PATTERN="$RG_PATTERN|$RG_HEALTH|$RG_CREDENTIAL"

log() { printf '%s\n' "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------

need() {  # command debian-package
  if command -v "$1" > /dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
    log "installing $2 (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "$2" > /dev/null 2>&1 ||
      { apt-get update -q > /dev/null 2>&1 &&
        apt-get install -y -q --no-install-recommends "$2" > /dev/null 2>&1; } || true
  fi
  command -v "$1" > /dev/null 2>&1 || { log "error: $1 not found (Debian package $2)"; exit 2; }
}
need rg ripgrep
need /usr/bin/time time
need python3 python3

mkdir -p "$RESULTS" "$DATA_DIR"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/waudit-bench-run.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# --- waudit ---------------------------------------------------------------------------------

WAUDIT_OK=0
WAUDIT_NOTE=""
if [ "$WAUDIT" = "$DEFAULT_WAUDIT" ] && [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Incremental, and only the CLI target: a no-op when up to date, so the benchmark measures
  # the current tree. Failures (e.g. while someone is mid-edit) only skip waudit.
  log "building $WAUDIT (log: bench/results/build.log)"
  build_dir="$ROOT/build-bench"
  if { [ -f "$build_dir/CMakeCache.txt" ] ||
       cmake -S "$ROOT" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release; } > "$RESULTS/build.log" 2>&1 &&
     cmake --build "$build_dir" -j2 --target waudit >> "$RESULTS/build.log" 2>&1; then
    :
  elif [ -x "$WAUDIT" ]; then
    WAUDIT_NOTE=" (build failed, measuring the previous binary)"
  fi
fi
if [ -x "$WAUDIT" ]; then
  rc=0
  "$WAUDIT" scan "$ROOT/samples" > /dev/null 2>&1 || rc=$?
  if [ "$rc" -le 1 ]; then WAUDIT_OK=1; else WAUDIT_NOTE=" (scan of samples/ exited $rc)"; fi
fi
if [ "$WAUDIT_OK" = 1 ]; then WAUDIT_LINE="waudit: $WAUDIT$WAUDIT_NOTE"
else WAUDIT_LINE="waudit: not built$WAUDIT_NOTE"; fi
log "$WAUDIT_LINE"

# --- measurement ----------------------------------------------------------------------------

now_us() { local t=$EPOCHREALTIME; echo $((10#${t%.*} * 1000000 + 10#${t#*.})); }

# measure NAME CMD...: RUNS timed runs with stdout to /dev/null. Sets SECONDS_MEDIAN, RSS_KB
# (maximum over the runs) and RC (exit code of the last run). Wall time is taken around
# /usr/bin/time, so it includes starting that wrapper (about a millisecond).
measure() {
  local name=$1 i t0 t1 rss
  shift
  : > "$TMP/times"
  RSS_KB=0
  for ((i = 1; i <= RUNS; i++)); do
    t0=$(now_us)
    RC=0
    /usr/bin/time -v -o "$TMP/time.txt" "$@" > /dev/null 2> "$TMP/stderr" || RC=$?
    t1=$(now_us)
    echo $((t1 - t0)) >> "$TMP/times"
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt")
    if [ "${rss:-0}" -gt "$RSS_KB" ]; then RSS_KB=$rss; fi
  done
  SECONDS_MEDIAN=$(sort -n "$TMP/times" |
    awk '{ v[NR] = $1 } END { printf "%.6f", v[int((NR + 1) / 2)] / 1e6 }')
  log "  $name: $(awk '{ printf "%.3fs ", $1 / 1e6 }' "$TMP/times")exit $RC"
}

# Exports are cached per generator version: editing generate_export.py makes new ones.
GEN_HASH=$(sha256sum "$BENCH_DIR/generate_export.py" | cut -c1-8)
ROWS="$TMP/rows"  # size bytes messages tool seconds rss_kb
: > "$ROWS"
CHECKS=""

for size in "${SIZES[@]}"; do
  file="$DATA_DIR/export-$LAYOUT-$LANGUAGE-s$SEED-$size-$GEN_HASH.txt"
  stats="$file.json"
  if [ -f "$file" ] && [ -f "$stats" ]; then
    log "[$size] reusing $file"
  else
    log "[$size] generating $file"
    python3 "$BENCH_DIR/generate_export.py" "$file.part" --size "$size" --layout "$LAYOUT" \
      --language "$LANGUAGE" --seed "$SEED" --stats-json "$stats.part"
    mv "$file.part" "$file"
    mv "$stats.part" "$stats"
  fi
  bytes=$(wc -c < "$file")
  messages=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["messages"])' \
    "$stats")
  cat "$file" > /dev/null  # warm the page cache

  measure cat cat "$file"
  echo "$size $bytes $messages cat $SECONDS_MEDIAN $RSS_KB" >> "$ROWS"

  measure rg rg --no-config -j1 -c -e "$RG_PATTERN" "$file"
  if [ "$RC" -gt 1 ]; then log "error: rg exited $RC: $(head -c 500 "$TMP/stderr")"; exit 2; fi
  echo "$size $bytes $messages rg $SECONDS_MEDIAN $RSS_KB" >> "$ROWS"

  if [ "$WAUDIT_OK" = 1 ]; then
    for jobs in 1 default; do
      name=waudit-j$jobs
      if [ "$jobs" = default ]; then
        measure "$name" "$WAUDIT" scan --format json --fail-on never "$file"
      else
        measure "$name" "$WAUDIT" scan --format json --fail-on never --jobs "$jobs" "$file"
      fi
      if [ "$RC" -le 1 ]; then
        echo "$size $bytes $messages $name $SECONDS_MEDIAN $RSS_KB" >> "$ROWS"
      else
        log "  waudit exited $RC: $(head -c 500 "$TMP/stderr")"
        echo "$size $bytes $messages $name - -" >> "$ROWS"
      fi
    done
  fi

  # Untimed sanity check: did the tools see what was planted?
  if [ "$CHECK" = 1 ]; then
    rg_lines=$(rg --no-config -j1 -c -e "$RG_PATTERN" "$file" || true)
    line="[$size] rg: ${rg_lines:-0} lines with a candidate"
    if [ "$WAUDIT_OK" = 1 ] && "$WAUDIT" scan --format json --fail-on never "$file" \
         > "$TMP/findings.json" 2> /dev/null; then
      line="$line; $(python3 "$BENCH_DIR/check_findings.py" "$TMP/findings.json" "$stats")"
    fi
    CHECKS="$CHECKS$line"$'\n'
  fi
done

# --- zip bomb -------------------------------------------------------------------------------

# Issue #7: a ZIP of about 10 KB inflating to 10 GB is refused within a second in under 64 MB.
# zip_bomb.py builds one (and a variant whose headers understate the size), scans it beside a
# good export and prints one line per variant; the details go to stderr.
BOMB_LINES=""
if [ "$BOMB" = 1 ] && [ "$WAUDIT_OK" = 1 ]; then
  log "[zip bomb] 10 GB in about 8 KB"
  rc=0
  BOMB_LINES=$(python3 "$BENCH_DIR/zip_bomb.py" --waudit "$WAUDIT" --runs "$RUNS" \
    --dir "$TMP" --csv "$TMP/bomb.csv" 2> "$TMP/bomb.log") || rc=$?
  sed 's/^/  /' "$TMP/bomb.log" >&2
  if [ -z "$BOMB_LINES" ]; then BOMB_LINES="zip bomb: zip_bomb.py failed (exit $rc)"; fi
fi

# --- report ---------------------------------------------------------------------------------

CSV="$RESULTS/latest.csv"
TXT="$RESULTS/latest.txt"
awk -v csv="$CSV" '
  function ratio(a, b) { return b > 0 ? a / b : 0 }
  {
    size[NR] = $1; bytes[NR] = $2; msgs[NR] = $3; tool[NR] = $4; sec[NR] = $5; rss[NR] = $6
    if ($4 == "cat") cat_s[$1] = $5
    if ($4 == "rg") rg_s[$1] = $5
  }
  END {
    print "size,bytes,messages,tool,seconds,mb_per_s,ratio_rg,ratio_cat,peak_rss_mb," \
          "msgs_per_s" > csv
    printf "%-6s %-15s %9s %9s %8s %8s %12s %11s\n", "size", "tool", "seconds", "MB/s",
           "vs rg", "vs cat", "peak RSS MB", "msgs/s"
    for (i = 1; i <= NR; i++) {
      if (sec[i] == "-") {
        printf "%-6s %-15s %9s\n", size[i], tool[i], "failed"
        print size[i] "," bytes[i] "," msgs[i] "," tool[i] ",,,,,," > csv
        continue
      }
      s = sec[i] > 0 ? sec[i] : 1e-6
      mbs = bytes[i] / 1e6 / s; vrg = ratio(sec[i], rg_s[size[i]])
      vcat = ratio(sec[i], cat_s[size[i]]); mb = rss[i] * 1024 / 1e6; mps = msgs[i] / s
      printf "%-6s %-15s %9.3f %9.1f %8.2f %8.2f %12.1f %11.0f\n", size[i], tool[i], sec[i],
             mbs, vrg, vcat, mb, mps
      printf "%s,%s,%s,%s,%.6f,%.1f,%.3f,%.3f,%.1f,%.0f\n", size[i], bytes[i], msgs[i],
             tool[i], sec[i], mbs, vrg, vcat, mb, mps > csv
    }
  }' "$ROWS" > "$TMP/table"
if [ -f "$TMP/bomb.csv" ]; then cat "$TMP/bomb.csv" >> "$CSV"; fi

{
  echo "waudit bench $(date -u +%Y-%m-%dT%H:%M:%SZ): layout=$LAYOUT language=$LANGUAGE" \
       "seed=$SEED, median of $RUNS runs, peak RSS = max over the runs"
  echo "cpu: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) x $(nproc)," \
       "load $(cut -d' ' -f1-3 /proc/loadavg); $(rg --version | head -n 1)"
  echo "$WAUDIT_LINE"
  echo
  cat "$TMP/table"
  if [ -n "$CHECKS" ]; then echo; printf '%s' "$CHECKS"; fi
  if [ -n "$BOMB_LINES" ]; then echo; printf '%s\n' "$BOMB_LINES"; fi
} | tee "$TXT"
log ""
log "wrote $CSV and $TXT"
