# A crashed process's report reaches the console a little after the crash,
# as Logger's does (20 ms of virtual time): a script that goes on for 50 ms
# shows it, as Elixir 1.14 does (its real timestamps make this genlab's own
# test, not a conformance one).
spawn(fn -> raise "shown after 50 ms" end)
Process.sleep(50)
IO.puts("done")
