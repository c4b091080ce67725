#!/bin/sh
# Usage: tests/terminal/views-tmux.sh GENLAB
# The teaching views on a real terminal (tmux, 60 columns): trace blocks
# and hints in colour, none with NO_COLOR; every line of the trace, the
# process table and the diagram fits the width. Prints PASS or FAIL.
name=views-tmux
. "$(dirname "$0")/tmux.lib"
# $1: the environment (NO_COLOR=1 or nothing)
start() {
  tmux kill-session -t $session 2>/dev/null
  new_session -x 60 -y 50 "HOME=$home TERM=xterm-256color $1 $genlab; echo SHELL-DONE; sleep 30"
}
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
screen -e | grep 'handle_call(:increment, from, 10)' | grep -q "$esc\[" || fail "the callback line has no colour"
screen -e | grep 'Counter: call :increment' | grep -q "$esc\[2m\[[0-9]* ms\]" || fail "the time is not dimmed"
# the trace, the table and the diagram fit the 60 columns: a long line is
# cut with "..." (-J joins what tmux wrapped; wc -L: display width)
screen | grep -q 'cast {:push, "xxxx.*\.\.\.$' || fail "a long message is not cut to the width"
views_lines() { screen -J | grep -E '^(\[[0-9]+ ms\]|  |<0\.|PID |.*│)'; }
[ "$(views_lines | grep -c .)" -ge 25 ] || fail "the trace, table or diagram is missing"
[ "$(views_lines | wc -L)" -le 60 ] || fail "a line is wider than the terminal"

# none with NO_COLOR
start "NO_COLOR=1"
session_steps
if screen -e | grep -v 'iex(' | grep -q "$esc\["; then fail "colours with NO_COLOR"; fi
screen | grep -q 'state 10 → 11' || fail "no state line"
echo "PASS views-tmux"
