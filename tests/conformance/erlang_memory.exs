# :erlang.memory/0,1: the BEAM's kinds, in its order, each an integer;
# total is processes and system together; what a program takes shows
# where it should (a 1 MB binary in :binary, a table of 10,000 rows in
# :ets, a process's heap in :processes).
m = :erlang.memory()
IO.inspect(Keyword.keys(m))
IO.inspect(Enum.all?(m, fn {_, v} -> is_integer(v) and v >= 0 end))
IO.inspect(m[:total] == m[:processes] + m[:system])
IO.inspect(m[:processes_used] <= m[:processes])
IO.inspect(m[:atom_used] <= m[:atom])
IO.inspect(m[:atom] + m[:binary] + m[:code] + m[:ets] <= m[:system])
IO.inspect(is_integer(:erlang.memory(:total)))
IO.inspect(:erlang.memory([:ets, :total]) |> Keyword.keys())
b = :binary.copy("x", 1_000_000)
IO.inspect(:erlang.memory(:binary) - m[:binary] >= 1_000_000)
t = :ets.new(:rows, [])
for i <- 1..10_000, do: :ets.insert(t, {i, "row #{i}"})
IO.inspect(:erlang.memory(:ets) - m[:ets] > 10_000 * 8)
parent = self()
pid = spawn(fn -> l = Enum.to_list(1..100_000); send(parent, :ready); receive do _ -> length(l) end end)
receive do :ready -> :ok end
IO.inspect(:erlang.memory(:processes) - m[:processes] > 100_000 * 8)
send(pid, :go)
IO.inspect(byte_size(b))
try do
  :erlang.memory(:nope)
rescue
  e -> IO.inspect(e)
end
try do
  :erlang.memory([:total, :nope])
rescue
  e -> IO.inspect(e)
end
