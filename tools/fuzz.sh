#!/usr/bin/env bash
# Runs Mapathy's libFuzzer targets one after another (one core each) and prints, per target:
# executions, executions per second, coverage (edges "cov" and features "ft"), corpus size, peak
# memory, duration and crashes. Environment: FUZZ_NICE=N runs them niced; FUZZ_BUILD_TYPE sets the
# build type of a build dir it configures (default RelWithDebInfo; the CI smoke run uses Debug,
# which compiles faster).
#
#   tools/fuzz.sh [SECONDS] [-b BUILD_DIR] [--save] [--smoke] [--build-only | --no-build] [TARGET...]
#     SECONDS      run time per target (default 60; also -t SECONDS). CI's smoke run uses 10.
#     -b DIR       clang build dir (default build/fuzz); configured and built when missing:
#                  CC=clang-14 CXX=clang++-14 cmake -S . -B DIR -G Ninja -DMAPATHY_FUZZ=ON -DMAPATHY_TESTS=OFF
#     --save       minimise what the run found (plus the saved corpus) into tests/fuzz/corpus/<target>/
#                  with libFuzzer's -merge=1 (replaces it, so the saved corpus stays small)
#     --smoke      CI mode: a fresh working corpus each time; crash inputs stay in DIR/fuzz-work/
#                  (the repository is never written)
#     --build-only configure (if needed) and build the fuzzers, run nothing; --no-build: skip building
#     TARGET...    link json markdown board_codec merge (default: all)
# Without --smoke, crash inputs are copied to tests/fuzz/crashes/<target>/, where ctest's
# fuzz_replay.<target> replays them from then on. Exit code: 0 when no target crashed, 1 otherwise.
# The working corpus of a target lives in DIR/fuzz-work/<target> and grows from run to run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
all_targets=(link json markdown board_codec merge)
seconds=60
build="$root/build/fuzz"
save=0
smoke=0
build_only=0
no_build=0
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -t) seconds="$2"; shift 2 ;;
    -b) build="$(realpath -m "$2")"; shift 2 ;;
    --save) save=1; shift ;;
    --smoke) smoke=1; shift ;;
    --build-only) build_only=1; shift ;;
    --no-build) no_build=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 1 ;;
    *[!0-9]*) targets+=("$1"); shift ;;
    *) seconds="$1"; shift ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target $target" >&2; exit 1; }
done

if [[ $no_build -eq 0 ]]; then
  if [[ ! -f "$build/build.ninja" ]]; then
    CC="${CC:-clang-14}" CXX="${CXX:-clang++-14}" cmake -S "$root" -B "$build" -G Ninja \
      -DCMAKE_BUILD_TYPE="${FUZZ_BUILD_TYPE:-RelWithDebInfo}" -DMAPATHY_FUZZ=ON -DMAPATHY_TESTS=OFF >/dev/null
  fi
  cmake --build "$build" -j2 --target mapathy_fuzzers >/dev/null
  [[ $build_only -eq 1 ]] && { echo "fuzz.sh: fuzzers built in $build"; exit 0; }
fi

work="$build/fuzz-work"
# One seed folder per run, so runs of different targets can go side by side (ctest -j2).
seeds="$work/seeds.$$"
mkdir -p "$work"
trap 'rm -rf "$seeds"' EXIT
# Seeds: the fixtures as they are, plus what fuzz_make_seeds derives from them and from every template.
"$build/tests/fuzz/fuzz_make_seeds" "$seeds" "$root"/tests/fixtures/v1/*.json >/dev/null
mkdir -p "$seeds/link"
cp "$root"/tests/fixtures/links/* "$seeds/link/"

echo "fuzz.sh: ${seconds} s per target, build $build, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-12s %11s %8s %6s %6s %7s %9s %7s %5s %7s\n' \
  target executions exec/s cov ft corpus corpus_kb rss_mb secs crashes
failed=0
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/fuzz_$target"
  corpus="$work/$target"
  # The smoke run starts from the committed corpus and the seeds alone each time, so its start-up
  # (libFuzzer runs every input once first) stays short however often the tests run.
  [[ $smoke -eq 1 ]] && corpus="$work/smoke-$target" && rm -rf "$corpus"
  crashes="$work/crashes-$target"
  rm -rf "$crashes"
  mkdir -p "$corpus" "$crashes"
  saved="$root/tests/fuzz/corpus/$target"
  log="$work/$target.log"
  inputs=("$corpus" "$seeds/$target")
  [[ -d "$saved" ]] && inputs+=("$saved")
  start=$(date +%s)
  set +e
  # -malloc_limit_mb: one allocation above 512 MB is a report (inputs are at most 64 KiB, the
  # document cap is 4 MiB), so unbounded growth shows up as a crash, not as a slow run.
  nice -n "${FUZZ_NICE:-0}" "$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -malloc_limit_mb=512 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" "${inputs[@]}" >"$log" 2>&1
  status=$?
  set -e
  secs=$(( $(date +%s) - start ))
  stat() { grep -o "stat::$1: *[0-9]*" "$log" | grep -o '[0-9]*$' | tail -1; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(find "$corpus" -type f | wc -l)
  corp_kb=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print int((s + 1023) / 1024) }')
  ncrash=$(find "$crashes" -type f | wc -l)
  printf '%-12s %11s %8s %6s %6s %7s %9s %7s %5s %7s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
    "${ft:-?}" "$corp" "$corp_kb" "${rss:-?}" "$secs" "$ncrash"
  if [[ $status -ne 0 || $ncrash -gt 0 ]]; then
    failed=1
    echo "  $target: crash (exit $status), log $log" >&2
    grep -m4 -E 'ERROR|SUMMARY|runtime error|abort|Test unit written' "$log" | sed 's/^/  /' >&2 || true
    if [[ $smoke -eq 0 && $ncrash -gt 0 ]]; then
      mkdir -p "$root/tests/fuzz/crashes/$target"
      find "$crashes" -type f -exec cp {} "$root/tests/fuzz/crashes/$target/" \;
      echo "  inputs copied to tests/fuzz/crashes/$target/ (fuzz_replay.$target replays them)" >&2
    fi
  fi
  if [[ $save -eq 1 ]]; then
    fresh="$work/minimized-$target"
    rm -rf "$fresh" && mkdir -p "$fresh"
    nice -n "${FUZZ_NICE:-0}" "$binary" -merge=1 -timeout=25 -rss_limit_mb=2048 -max_len=65536 "$fresh" "${inputs[@]}" \
      >"$work/$target.merge.log" 2>&1
    rm -rf "$saved" && mkdir -p "$saved" && cp "$fresh"/* "$saved/"
    echo "  saved $(find "$saved" -type f | wc -l) minimised inputs ($(du -sk "$saved" | cut -f1) KB) to tests/fuzz/corpus/$target/"
  fi
done
exit $failed
