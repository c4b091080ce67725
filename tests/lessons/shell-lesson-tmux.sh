#!/bin/sh
# Usage: tests/lessons/shell-lesson-tmux.sh GENLAB
# lesson/1 from inside the shell, in a tmux terminal: it plays the lesson,
# then the shell is the lesson's (its bindings and processes), Ctrl-D comes
# back to the learner's own session with its bindings; lesson(N, step:
# true) waits for Enter before each input; an unknown lesson is refused;
# lessons/0 lists them and `h lesson` documents it. Prints PASS or FAIL.
genlab=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v tmux >/dev/null || { echo "FAIL shell-lesson-tmux: tmux is not installed (scripts/setup installs it)"; exit 1; }
session=genlab-shell-lesson-$$
export TMUX_TMPDIR=$(mktemp -d)
home=$(mktemp -d)
trap 'tmux kill-session -t $session 2>/dev/null; rm -rf "$TMUX_TMPDIR" "$home"' EXIT
tmux new-session -d -s $session -x 100 -y 50 "HOME=$home NO_COLOR=1 $genlab; echo SHELL-DONE; sleep 30"

screen() { tmux capture-pane -p -t $session -S -3000; }
fail() { echo "FAIL shell-lesson-tmux: $1; the screen was:"; screen | tail -n 15; exit 1; }
# waits until the screen shows $1 (a fixed string), for up to 10 seconds
wait_for() {
  for i in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "waited for \"$1\""
}
count() { screen | grep -cF -- "$1"; }
# waits until the screen shows $1 (a fixed string) $2 times
wait_count() {
  for i in $(seq 100); do
    [ "$(count "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "waited for \"$1\" $2 times"
}
type_line() { tmux send-keys -t $session -l -- "$1"; tmux send-keys -t $session Enter; }

wait_for 'iex(1)>'
type_line 'mine = 41'
wait_for 'iex(2)>'
type_line 'lesson("counter")'
wait_for "Ctrl-D goes back to your own session."
# the lesson's shell: its binding pid is the lesson's Counter
type_line 'pid == Process.whereis(Counter)'
wait_for 'true'
tmux send-keys -t $session C-d
wait_for 'Back in your own session.'
type_line 'mine + 1'
wait_for '42'
# step by step: nothing runs before its Enter
started=$(count '{:ok, #PID<0.1')
prompts=$(count 'iex(2)> {:ok, pid} = Counter.start_link(10)')
type_line 'lesson(1, step: true)'
wait_count 'iex(2)> {:ok, pid} = Counter.start_link(10)' $((prompts + 1))
sleep 0.3
[ "$(count '{:ok, #PID<0.1')" -eq "$started" ] || fail "the input ran before its Enter"
tmux send-keys -t $session Enter
wait_count '{:ok, #PID<0.1' $((started + 1))
wait_count 'iex(3)> Counter.increment()' 2
tmux send-keys -t $session q

type_line 'mine * 2'
wait_for '82'
type_line 'lesson("nothing-like-it")'
wait_for 'no lesson called nothing-like-it'
type_line 'lessons()'
wait_for 'Pitfall: state that only grows'
type_line 'h lesson'
wait_for 'Plays a lesson here'
tmux send-keys -t $session C-d
wait_for 'SHELL-DONE'
echo "PASS shell-lesson-tmux"
