#!/bin/sh
# Usage: tests/terminal/views-tmux.sh GENLAB
# The teaching views on a real terminal (tmux, 60 columns): trace blocks
# and hints in colour, none with NO_COLOR; every line of the trace, the
# process table and the diagram fits the width. Prints PASS or FAIL.
genlab=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v tmux >/dev/null || { echo "FAIL views-tmux: tmux is not installed (scripts/setup installs it)"; exit 1; }
session=genlab-views-$$
export TMUX_TMPDIR=$(mktemp -d)
home=$(mktemp -d)
trap 'tmux kill-session -t $session 2>/dev/null; rm -rf "$TMUX_TMPDIR" "$home"' EXIT
# $1: the environment (NO_COLOR=1 or nothing)
start() {
  tmux kill-session -t $session 2>/dev/null
  tmux new-session -d -s $session -x 60 -y 50 "HOME=$home TERM=xterm-256color $1 $genlab; echo SHELL-DONE; sleep 30"
}
screen() { tmux capture-pane -p -e -t $session -S -200; }
plain() { tmux capture-pane -p -t $session -S -200; }
fail() { echo "FAIL views-tmux: $1; the screen was:"; plain | tail -n 20; exit 1; }
wait_for() {
  for i in $(seq 50); do
    plain | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "waited for \"$1\""
}
type_line() { tmux send-keys -t $session -l -- "$1"; tmux send-keys -t $session Enter; }
esc=$(printf '\033')

session_steps() {
  wait_for 'iex(1)>'
  type_line '{:ok, _} = Counter.start_link(10); trace(Counter)'
  wait_for 'iex(2)>'
  type_line 'Counter.increment()'
  wait_for 'reply 11'
  wait_for 'iex(3)>'
  type_line '{:ok, s} = Stack.start_link([]); trace(s); Stack.push(s, String.duplicate("x", 80))'
  wait_for 'iex(4)>'
  type_line 'processes()'
  wait_for 'iex(5)>'
  type_line 'diagram()'
  wait_for 'iex(6)>'
}

# colours on a terminal
start ""
session_steps
screen | grep 'handle_call(:increment, from, 10)' | grep -q "$esc\[" || fail "the callback line has no colour"
screen | grep 'Counter: call :increment' | grep -q "$esc\[2m\[[0-9]* ms\]" || fail "the time is not dimmed"
# lines fit the 60 columns (tmux would wrap a longer one onto the next row,
# so a cut line ends in "..." instead)
plain | grep -q 'cast {:push, "xxxx.*\.\.\.$' || fail "a long message is not cut to the width"

# none with NO_COLOR
start "NO_COLOR=1"
session_steps
if screen | grep -v 'iex(' | grep -q "$esc\["; then fail "colours with NO_COLOR"; fi
plain | grep -q 'state 10 → 11' || fail "no state line"
echo "PASS views-tmux"
