# A GenServer whose handle_call does CPU work for longer than the caller's
# 5000 ms timeout: the caller exits with a time out while the server is
# still working. On the BEAM the loop would take well over 5 s (about 13 s
# for 3e9 calls); genlab's virtual clock counts the work (a fixed time per
# reduction), so the timeout fires there too, at 5000 ms.
defmodule Busy do
  use GenServer
  def init(n), do: {:ok, n}

  def handle_call(:work, _from, n), do: {:reply, spin(n), n}

  def spin(0), do: :done
  def spin(n), do: spin(n - 1)
end

{:ok, pid} = GenServer.start(Busy, 3_000_000_000)
t0 = System.monotonic_time(:millisecond)

result =
  try do
    GenServer.call(pid, :work)
  catch
    :exit, {:timeout, {GenServer, :call, [^pid, :work, 5000]}} -> :timed_out
  end

elapsed = System.monotonic_time(:millisecond) - t0
IO.inspect(result)
IO.puts("timed out after at least 5 s: #{elapsed >= 5000}")
IO.puts("and long before the work could finish: #{elapsed < 8000}")
IO.inspect(Process.alive?(pid))
