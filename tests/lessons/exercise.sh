#!/bin/sh
# Usage: tests/lessons/exercise.sh GENLAB
# genlab exercise writes the starting file and never overwrites an edited
# one; genlab check records progress in ~/.genlab/progress, which
# genlab lessons shows; a failed check is shown again traced.
genlab=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOME="$dir/home"
mkdir -p "$HOME"
cd "$dir" || exit 1
fail() { echo "FAIL exercise: $1"; cat out 2>/dev/null; exit 1; }

"$genlab" exercise counter_decrement >out 2>&1 || fail "exercise refused"
[ -f counter_decrement.ex ] || fail "no counter_decrement.ex written"
"$genlab" exercise counter_decrement >out 2>&1 || fail "exercise refused an unchanged file"
echo "# mine" >>counter_decrement.ex
"$genlab" exercise counter_decrement >out 2>&1
tail -n 1 counter_decrement.ex | grep -q '^# mine$' || fail "an edited file was overwritten"
grep -q 'edited' out || fail "no word about the edited file"
"$genlab" check counter_decrement >out 2>&1 && fail "the starting file passed"
grep -q 'counter_decrement failed' "$HOME/.genlab/progress" || fail "no failure recorded"
"$genlab" check counter_decrement "$root/lessons/solutions/counter_decrement.ex" >out 2>&1 || fail "the solution failed"
grep -q 'counter_decrement passed' "$HOME/.genlab/progress" || fail "no pass recorded"
[ "$(grep -c counter_decrement "$HOME/.genlab/progress")" -eq 1 ] || fail "progress holds the exercise twice"
"$genlab" lessons >out 2>&1
grep -q 'exercise: counter_decrement (passed)' out || fail "genlab lessons does not show the pass"
"$genlab" check no_such_exercise >out 2>&1 && fail "an unknown exercise was accepted"
# a failed check shows what the learner's server did, in genlab's trace
"$genlab" exercise wallet_withdraw >/dev/null 2>&1
"$genlab" check wallet_withdraw >out 2>&1 && fail "wallet_withdraw's starting file passed"
grep -q 'the same, with the servers traced (trace(:all))' out || fail "no trace after a failed check"
grep -q '^        handle_call({:withdraw, 30}, from, %{balance: 100})$' out || fail "the trace lacks the callback"
grep -q '^        state unchanged$' out || fail "the trace lacks the state line"
echo "PASS exercise"
