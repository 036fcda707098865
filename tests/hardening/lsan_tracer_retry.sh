#!/usr/bin/env bash
# Runs one test command of the sanitizer build (set as the suites' CROSSCOMPILING_EMULATOR, so
# ctest and test discovery go through it) and runs it once more only when every test passed and
# LeakSanitizer's own tracer then crashed while stopping the threads for the exit-time leak check:
# "Tracer caught signal 11 ... LeakSanitizer has encountered a fatal error". That crash is in the
# sanitizer runtime, not in the code under test, and comes rarely and at random on machines with
# Mesa's worker threads (google/sanitizers#1353; once in 593 tests in CI). A leak report, any
# AddressSanitizer or UBSan report, or a failed test is never retried: it fails as it is.
set -uo pipefail
log=$(mktemp "${TMPDIR:-/tmp}/vak-sanitizer-run.XXXXXX")
trap 'rm -f "$log"' EXIT

"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

tracer_crashed_after_passing() {
  grep -q '^Tracer caught signal' "$log" &&
    grep -q 'LeakSanitizer has encountered a fatal error' "$log" &&
    grep -q '^\[  PASSED  \]' "$log" &&
    ! grep -q '^\[  FAILED  \]' "$log" &&
    ! grep -qE 'ERROR: (LeakSanitizer|AddressSanitizer)|runtime error:' "$log"
}

if ((status != 0)) && tracer_crashed_after_passing; then
  echo "== every test passed, then LeakSanitizer's tracer crashed during the exit-time leak check" \
       "(a sanitizer runtime fault, google/sanitizers#1353): running the command once more"
  "$@"
  exit $?
fi
exit "$status"
