#!/bin/sh
# Usage: tests/lessons/step-tmux.sh GENLAB
# Drives `genlab lesson 1 --step` in a tmux terminal: each Enter must run
# exactly one input, b must go back one, q must quit. Prints PASS or FAIL.
genlab=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v tmux >/dev/null || { echo "FAIL step-tmux: tmux is not installed (scripts/setup installs it)"; exit 1; }
session=genlab-step-$$
export TMUX_TMPDIR=$(mktemp -d)
trap 'tmux kill-session -t $session 2>/dev/null; rm -rf "$TMUX_TMPDIR"' EXIT
tmux new-session -d -s $session -x 100 -y 50 "NO_COLOR=1 $genlab lesson 1 --step; echo STEP-DONE; sleep 30"

screen() { tmux capture-pane -p -t $session -S -200; }
# waits until the screen shows $1 (a fixed string), for up to 5 seconds
wait_for() {
  for i in $(seq 50); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "FAIL step-tmux: waited for \"$1\"; the screen was:"; screen | tail -n 15; exit 1
}
refuse() {
  sleep 0.3
  if screen | grep -qF -- "$1"; then
    echo "FAIL step-tmux: \"$1\" appeared before its Enter"; screen | tail -n 15; exit 1
  fi
}

wait_for 'iex(2)> {:ok, pid} = Counter.start_link(10)'
refuse '{:ok, #PID<'
tmux send-keys -t $session Enter
wait_for '{:ok, #PID<'
wait_for 'iex(3)> Counter.increment()'
refuse '11'
tmux send-keys -t $session Enter
wait_for '11'
wait_for 'iex(4)> Counter.increment()'
refuse '12'
# waits until the screen shows the line $1 exactly $2 times
wait_count() {
  for i in $(seq 100); do
    [ "$(screen | grep -cxF -- "$1")" -eq "$2" ] && return 0
    sleep 0.1
  done
  echo "FAIL step-tmux: waited for \"$1\" $2 times; the screen was:"; screen | tail -n 15; exit 1
}
tmux send-keys -t $session b
wait_for '(back one input)'
wait_count 'iex(3)> Counter.increment()' 2
sleep 0.3
[ "$(screen | grep -cxF 11)" -eq 1 ] || { echo "FAIL step-tmux: after b, the input ran before its Enter"; exit 1; }
tmux send-keys -t $session Enter
wait_count '11' 2
refuse '12'
tmux send-keys -t $session q
wait_for 'STEP-DONE'
echo "PASS step-tmux"
