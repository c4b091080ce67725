# limit: 30
# expect: SystemLimitError
# Spawning processes until the process table is full raises :system_limit.
for _ <- 1..2_000_000, do: spawn(fn -> receive do _ -> :ok end end)
