# A task that raises is reported on standard error, and being linked, it
# takes its caller down with it.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

IO.puts("before")
task = Task.async(fn -> raise ArgumentError, "task failed" end)
Task.await(task)
IO.puts("never printed")
