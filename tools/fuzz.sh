#!/usr/bin/env bash
# Runs Mapathy's libFuzzer targets one after another and prints, per target: executions, coverage
# (edges and features), corpus size, peak memory, duration and crashes.
#
#   tools/fuzz.sh [-t SECONDS] [-b BUILD_DIR] [--save] [TARGET...]
#     -t SECONDS   run time per target (default 60; CI smoke runs use e.g. -t 20)
#     -b DIR       clang build dir (default build/fuzz); configured and built when missing:
#                  CC=clang-14 CXX=clang++-14 cmake -S . -B DIR -G Ninja -DMAPATHY_FUZZ=ON -DMAPATHY_TESTS=OFF
#     --save       minimize what the run found into tests/fuzz/corpus/<target>/ (replaces it; the
#                  saved corpus stays small) — without it the repository is not touched except for
#                  crash inputs, which are always copied to tests/fuzz/crashes/<target>/
#     TARGET...    link json markdown board_codec merge (default: all)
# Exit code: 0 when no target crashed, 1 otherwise. The working corpus lives in DIR/fuzz-work/<target>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=60
build="$root/build/fuzz"
save=0
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -t) seconds="$2"; shift 2 ;;
    -b) build="$(realpath -m "$2")"; shift 2 ;;
    --save) save=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 1 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=(link json markdown board_codec merge)

if [[ ! -f "$build/build.ninja" ]]; then
  CC="${CC:-clang-14}" CXX="${CXX:-clang++-14}" cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAPATHY_FUZZ=ON -DMAPATHY_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j2 --target mapathy_fuzzers >/dev/null

work="$build/fuzz-work"
seeds="$work/seeds"
rm -rf "$seeds"
"$build/tests/fuzz/fuzz_make_seeds" "$seeds" "$root"/tests/fixtures/v1/*.json >/dev/null
# Plain fixture files are seeds as they are.
mkdir -p "$seeds/json" "$seeds/link" "$seeds/markdown"
cp "$root"/tests/fixtures/v1/*.json "$seeds/json/"
if compgen -G "$root/tests/fixtures/links/*" >/dev/null; then cp "$root"/tests/fixtures/links/* "$seeds/link/"; fi
if compgen -G "$root/tests/fixtures/markdown/*" >/dev/null; then cp "$root"/tests/fixtures/markdown/* "$seeds/markdown/"; fi

printf '%-12s %10s %8s %8s %7s %8s %6s %8s\n' target executions cov ft corpus rss_mb secs crashes
failed=0
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/fuzz_$target"
  [[ -x "$binary" ]] || { echo "fuzz.sh: no target $target" >&2; exit 1; }
  corpus="$work/$target"
  crashes="$work/crashes-$target"
  mkdir -p "$corpus" "$crashes"
  saved="$root/tests/fuzz/corpus/$target"
  log="$work/$target.log"
  start=$(date +%s)
  set +e
  nice -n 10 "$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds/$target" \
    $( [[ -d "$saved" ]] && echo "$saved" ) >"$log" 2>&1
  status=$?
  set -e
  secs=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<<"$last")
  ncrash=$(find "$crashes" -type f | wc -l)
  printf '%-12s %10s %8s %8s %7s %8s %6s %8s\n' "$target" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
    "${rss:-?}" "$secs" "$ncrash"
  if [[ $status -ne 0 || $ncrash -gt 0 ]]; then
    failed=1
    mkdir -p "$root/tests/fuzz/crashes/$target"
    find "$crashes" -type f -exec cp {} "$root/tests/fuzz/crashes/$target/" \;
    echo "  crash (exit $status): see $log; inputs copied to tests/fuzz/crashes/$target/" >&2
    grep -m3 -E 'ERROR|SUMMARY|runtime error|abort' "$log" | sed 's/^/  /' >&2 || true
  fi
  if [[ $save -eq 1 ]]; then
    fresh="$work/minimized-$target"
    rm -rf "$fresh" && mkdir -p "$fresh"
    nice -n 10 "$binary" -merge=1 -timeout=25 -rss_limit_mb=2048 "$fresh" "$corpus" "$seeds/$target" \
      $( [[ -d "$saved" ]] && echo "$saved" ) >"$work/$target.merge.log" 2>&1
    rm -rf "$saved" && mkdir -p "$saved" && cp "$fresh"/* "$saved/"
    echo "  saved $(find "$saved" -type f | wc -l) minimized inputs to tests/fuzz/corpus/$target/"
  fi
done
exit $failed
