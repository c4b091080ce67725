# Small :erlang functions a learner types (core/bif/erlang_misc.c).
defmodule F do
  def f, do: fn -> 1 end
end

IO.inspect(:erlang.pid_to_list(self()))
IO.inspect(:erlang.list_to_pid(:erlang.pid_to_list(self())) == self())
IO.inspect(:erlang.ref_to_list(make_ref()) |> to_string() |> String.slice(0, 7))
IO.inspect(:erlang.fun_to_list(&Enum.count/1))
IO.inspect(:erlang.fun_to_list(&:lists.reverse/1))
IO.inspect(:erlang.fun_info_mfa(F.f()))
IO.inspect(:erlang.fun_info_mfa(&Enum.count/1))
IO.inspect({:erlang.is_record({:r, 1}, :r), :erlang.is_record({:r, 1}, :r, 2), :erlang.is_record({:r, 1}, :r, 3), :erlang.is_record(:r, :r)})
Process.put(:a, 1)
Process.put(:b, 2)
Process.put(:c, 1)
IO.inspect(Enum.sort(:erlang.get_keys(1)))
IO.inspect(:erlang.universaltime_to_posixtime({{1970, 1, 2}, {0, 0, 1}}))
IO.inspect(:erlang.posixtime_to_universaltime(1_577_836_800))
IO.inspect(:erlang.posixtime_to_universaltime(951_782_400))
{{y, m, d}, {h, mi, s}} = :erlang.universaltime()
IO.inspect(Enum.all?([y, m, d, h, mi, s], &is_integer/1))
IO.inspect(tuple_size(:erlang.timestamp()))
IO.inspect({:erlang.system_info(:otp_release), :erlang.system_info(:version), :erlang.system_info(:wordsize)})
IO.inspect({:erlang.system_info(:process_limit), :erlang.system_info(:atom_limit)})
IO.inspect({:erlang.crc32("hello"), :erlang.crc32(:erlang.crc32("he"), "llo"), :erlang.adler32(["hel", "lo"])})
IO.inspect({:erlang.append([1], [2]), :erlang.subtract([1, 2, 1], [1])})
IO.inspect({:erlang.nodes(), :erlang.is_alive()})
ref = :erlang.send_after(10, self(), :tick, [])
receive do
  :tick -> IO.puts("tick")
end
IO.inspect(:erlang.cancel_timer(ref, []))
mref = :erlang.monitor(:process, spawn(fn -> :ok end), [])
receive do
  {:DOWN, ^mref, :process, _, reason} -> IO.inspect(reason)
end
IO.inspect(is_pid(:erlang.group_leader()))
for call <- [fn -> :erlang.system_info(:nope) end, fn -> :erlang.pid_to_list(:x) end, fn -> :erlang.ref_to_list(1) end] do
  try do
    call.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
parent = self()
spawn(fn -> Process.put(:x, 1); Process.put(:y, 2); send(parent, {Enum.sort(:erlang.erase()), Process.get(:x)}) end)
receive do
  erased -> IO.inspect(erased)
end
