#!/bin/sh
# Usage: tests/lessons/malformed.sh GENLAB
# A malformed lesson must be refused with an error naming its file and
# line; a lesson whose output differs must fail --check at the right line;
# --shell leaves the lesson's bindings and processes to the shell.
genlab=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL malformed: $1"; cat "$dir/out"; exit 1; }

# expect FILE LINE-TEXT: --check exits 1 and prints FILE:LINE-TEXT
expect() {
  "$genlab" lesson "$dir/$1" --check >"$dir/out" 2>&1 && fail "$1 was accepted"
  grep -qF -- "$dir/$1:$2" "$dir/out" || fail "$1: no \"$dir/$1:$2\" in the error"
}

printf '# T\n\nSummary.\n\n```elixir\niex> 1 + 1\n2\n' >"$dir/unclosed.md"
expect unclosed.md '5: this ``` block is never closed'

printf '# T\n\nSummary.\n\n```elixir\n...> 1\n```\n' >"$dir/continuation.md"
expect continuation.md '6: a `...>` line must continue'

printf 'No title.\n' >"$dir/untitled.md"
expect untitled.md '1: a lesson starts with a `# Title` line'

printf '# T\n\nSummary.\n\n## Exercise: x\n\nDo it.\n\n```elixir exercise x.ex\nx\n```\n' >"$dir/nochecks.md"
expect nochecks.md '5: this exercise has no ```elixir checks block'

printf '# T\n\nSummary.\n\n```elixir\ndefmodule Broken do\n  def f(, do: 1\nend\n```\n' >"$dir/broken.md"
expect broken.md '5: this block of code fails'

printf '# T\n\nSummary.\n\n```elixir\niex> 1 + 1\n2\niex> 2 + 2\n5\n```\n' >"$dir/wrong.md"
expect wrong.md '9: the output of `2 + 2` differs'

printf '# T\n\nSummary.\n\n```elixir\niex> 1 + 1\n2\niex> 2 + 2\n4\n```\n' >"$dir/right.md"
"$genlab" lesson "$dir/right.md" --check >"$dir/out" 2>&1 || fail "right.md was refused"
printf 'pid == Process.whereis(Counter)\n' | "$genlab" lesson 1 --shell >"$dir/out" 2>&1
tail -n 2 "$dir/out" | grep -q '^iex([0-9]*)> true$' || fail "--shell lost the lesson's bindings"
echo "PASS malformed"
