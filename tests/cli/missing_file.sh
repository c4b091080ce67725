# What the script runner says of a file it cannot run, as elixir says it:
# recorded with `sh tests/cli/missing_file.sh elixir > tests/cli/missing_file.out 2>&1`.
cd "$(mktemp -d)" || exit 2
mkdir dir
"$@" missing.exs; echo "[exit $?]"
"$@" dir; echo "[exit $?]"
"$@" dir/missing.exs; echo "[exit $?]"
echo 'IO.puts("ran")' > here.exs
"$@" ./here.exs; echo "[exit $?]"
cd .. && rm -rf "$OLDPWD"
