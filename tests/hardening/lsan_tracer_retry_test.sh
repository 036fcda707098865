#!/usr/bin/env bash
# Checks lsan_tracer_retry.sh ($1): a run whose tests passed and whose exit-time leak check died
# in LeakSanitizer's tracer is run once more and takes the second run's exit status; a leak, an
# ASan report, a failed test or a plain non-zero exit keeps its failure and runs only once.
set -u
retry=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# A fake test binary: prints the lines of $work/<case>.out, counts its runs in $work/<case>.runs,
# exits with the first run's status, then with the second's.
fake() {
  local case=$1 first=$2 second=$3
  cat >"$work/$case.sh" <<FAKE
#!/usr/bin/env bash
runs=\$(( \$(cat "$work/$case.runs" 2>/dev/null || echo 0) + 1 ))
echo \$runs >"$work/$case.runs"
cat "$work/$case.out"
if (( runs == 1 )); then exit $first; else exit $second; fi
FAKE
  chmod +x "$work/$case.sh"
}

expect() {
  local case=$1 want_status=$2 want_runs=$3
  bash "$retry" "$work/$case.sh" >"$work/$case.log" 2>&1
  local status=$? runs
  runs=$(cat "$work/$case.runs")
  if ((status != want_status || runs != want_runs)); then
    echo "FAIL $case: exit $status after $runs run(s), expected exit $want_status after $want_runs"
    failures=$((failures + 1))
  else
    echo "ok   $case: exit $status after $runs run(s)"
  fi
}

passed='[  PASSED  ] 3 tests.'
tracer=$'Tracer caught signal 11: addr=0xca40 pc=0x5634e6efb51a sp=0x7f1bbdd7ed40\n==24237==LeakSanitizer has encountered a fatal error.'

printf '%s\n%s\n' "$passed" "$tracer" >"$work/tracer_then_pass.out"
fake tracer_then_pass 1 0
expect tracer_then_pass 0 2

printf '%s\n%s\n' "$passed" "$tracer" >"$work/tracer_twice.out"
fake tracer_twice 1 1
expect tracer_twice 1 2

printf '%s\n==1==ERROR: LeakSanitizer: detected memory leaks\n%s\n' "$passed" "$tracer" >"$work/leak.out"
fake leak 23 0
expect leak 23 1

printf '[  FAILED  ] Alerts.X\n%s\n' "$tracer" >"$work/failed_test.out"
fake failed_test 1 0
expect failed_test 1 1

printf '%s\n==1==ERROR: AddressSanitizer: heap-use-after-free\n' "$passed" >"$work/asan.out"
fake asan 1 0
expect asan 1 1

printf 'app.cpp:3:5: runtime error: signed integer overflow\n%s\n%s\n' "$passed" "$tracer" >"$work/ubsan.out"
fake ubsan 1 0
expect ubsan 1 1

printf '%s\n' "$passed" >"$work/plain_pass.out"
fake plain_pass 0 1
expect plain_pass 0 1

exit $((failures > 0))
