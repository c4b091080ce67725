#!/bin/sh
# Usage: tests/terminal/shell-tmux.sh GENLAB
# Drives the shell in a tmux terminal as a learner would: the prompt, line
# editing, Tab completion, text past ASCII, Ctrl-C out of an endless loop (the bindings
# stay), a linked crash after a result, history kept across sessions,
# Ctrl-D to leave. Prints PASS or FAIL.
name=shell-tmux
. "$(dirname "$0")/tmux.lib"
start() {
  new_session -x 100 -y 40 "HOME=$home NO_COLOR=1 $genlab; echo SHELL-DONE; sleep 30"
}

start
wait_for 'iex(1)>'
type_line 'x = 40'
wait_for 'iex(2)>'
# editing: type "x - 1", go back over "- 1", replace it with "+ 2"
tmux send-keys -t $session -l 'x - 1'
tmux send-keys -t $session BSpace BSpace BSpace
tmux send-keys -t $session -l '+ 2'
tmux send-keys -t $session Enter
wait_for '42'
# an incomplete input continues at ...(3)>
type_line '[1,'
wait_for '...(3)>'
type_line '2]'
wait_for '[1, 2]'
# Tab completes a tutorial server's function
type_line '{:ok, _} = Counter.start_link(10)'
wait_for 'iex(5)>'
tmux send-keys -t $session -l 'Counter.get_v'
tmux send-keys -t $session Tab
sleep 0.2
tmux send-keys -t $session -l '()'
tmux send-keys -t $session Enter
wait_for 'iex(5)> Counter.get_value()'
wait_for 'iex(6)>'
# Ctrl-C ends a runaway evaluation; the shell and its bindings stay
type_line 'loop = fn f -> f.(f) end; loop.(loop)'
sleep 0.5
tmux send-keys -t $session C-c
wait_for '** (EXIT) interrupted'
type_line 'x * 2'
wait_for '80'
# what is typed past ASCII reaches the shell, whatever the locale says
type_line 'String.upcase("héllo ß")'
wait_for '"HÉLLO SS"'
# a linked Agent that crashes on a cast: the cast's :ok, then at once the
# crash and a fresh shell, before anything more is typed (IEx prints it as
# soon as it happens)
type_line '{:ok, a} = Agent.start_link(fn -> 0 end); Agent.cast(a, fn _ -> raise "late" end)'
wait_for ':ok'
wait_for 'shell process exited with reason: an exception was raised'
wait_for 'iex(1)>'
# Ctrl-D leaves
tmux send-keys -t $session C-d
wait_for 'SHELL-DONE'
tmux kill-session -t $session
# the history is kept for the next session: Up brings back the last input
start
wait_for 'iex(1)>'
tmux send-keys -t $session Up
wait_for 'iex(1)> {:ok, a} = Agent.start_link'
tmux send-keys -t $session C-u
tmux send-keys -t $session C-d
wait_for 'SHELL-DONE'
echo "PASS shell-tmux"
