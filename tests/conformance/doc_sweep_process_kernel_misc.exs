# Process.group_leader/0 is a pid IO writes to, the one Process.info
# shows; group_leader/2 answers true. macro_exported?/3 knows Kernel's
# macros.
leader = Process.group_leader()
IO.inspect(is_pid(leader))
IO.inspect(leader == elem(Process.info(self(), :group_leader), 1))
IO.puts(leader, "through the group leader")
IO.write(leader, ["io", ?d, "ata\n"])
IO.inspect(Process.group_leader(leader, self()))
child = spawn(fn -> :ok end)
IO.inspect(Process.group_leader(leader, child))

for {name, arity} <- [use: 2, if: 2, unless: 2, then: 2, def: 2, put_in: 2, pop_in: 1, length: 1, spawn: 1, is_nil: 1, is_list: 1] do
  IO.inspect({name, arity, macro_exported?(Kernel, name, arity)})
end

IO.inspect(macro_exported?(String, :upcase, 1))
