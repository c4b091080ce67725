#!/bin/sh
# Usage: tests/lessons/shell-lesson-tmux.sh GENLAB
# lesson/1 from inside the shell, in a tmux terminal: it plays the lesson,
# then the shell is the lesson's (its bindings and processes), Ctrl-D comes
# back to the learner's own session with its bindings; lesson(N, step:
# true) waits for Enter before each input; an unknown lesson is refused;
# lessons/0 lists them and `h lesson` documents it. Prints PASS or FAIL.
name=shell-lesson-tmux
. "$(dirname "$0")/../terminal/tmux.lib"
tmux new-session -d -s $session -x 100 -y 50 "HOME=$home NO_COLOR=1 $genlab; echo SHELL-DONE; sleep 30"

# how often $1 (a fixed string) is on the screen and in its scrollback
count() { tmux capture-pane -p -t $session -S -3000 | grep -cF -- "$1"; }
# waits until $1 is there $2 times
wait_count() {
  for i in $(seq 100); do
    [ "$(count "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "waited for \"$1\" $2 times"
}

wait_for 'iex(1)>'
type_line 'mine = 41'
wait_for 'iex(2)>'
type_line 'lesson("counter")'
wait_for "Ctrl-D goes back to your own session."
# the lesson's shell: its binding pid is the lesson's Counter
type_line '{:same, pid == Process.whereis(Counter)}'
wait_for '{:same, true}'
tmux send-keys -t $session C-d
wait_for 'Back in your own session.'
type_line '{:mine, mine + 1}'
wait_for '{:mine, 42}'
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

type_line '{:twice, mine * 2}'
wait_for '{:twice, 82}'
type_line 'lesson("nothing-like-it")'
wait_for 'no lesson called nothing-like-it'
type_line 'lessons()'
wait_for 'Pitfall: state that only grows'
type_line 'h lesson'
wait_for 'Plays a lesson here'
tmux send-keys -t $session C-d
wait_for 'SHELL-DONE'
echo "PASS shell-lesson-tmux"
