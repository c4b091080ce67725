# genlab's own options refuse what is not a number, rather than reading it
# as 0 (genlab's messages, reviewed by eye; recorded with
# `sh options.sh $PWD/build/genlab > tests/cli/options.out 2>&1`).
"$@" --cpu-ns abc -e 'IO.puts(1)'; echo "[exit $?]"
"$@" --cpu-ns -5 -e 'IO.puts(1)'; echo "[exit $?]"
"$@" --seed x -e 'IO.puts(1)'; echo "[exit $?]"
"$@" --max-processes 0 -e 'IO.puts(1)'; echo "[exit $?]"
"$@" --max-memory 1x -e 'IO.puts(1)'; echo "[exit $?]"
"$@" --max-memory 64M --max-processes 100 --cpu-ns 0 --seed 3 -e 'IO.puts(:ok)'; echo "[exit $?]"
