# gen_server's crash report as Logger prints it (named servers, casts and
# infos, so no pid shows up).
Logger.configure_backend(:console, format: "[$level] $message\n")

defmodule Reporter do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast(:raise, _s), do: raise("cast went wrong")
  def handle_cast(:exit, _s), do: exit(:cast_exit)
  def handle_cast(:stop, s), do: {:stop, :unhappy, s}
  def handle_cast(:stop_normal, s), do: {:stop, :normal, s}
  def handle_cast(:stop_shutdown, s), do: {:stop, {:shutdown, :done}, s}
  def handle_cast(:bad, _s), do: :bad_return
  def handle_info(:raise, _s), do: raise(ArgumentError, "info went wrong")
  def handle_info({:tagged, x}, s), do: {:noreply, Map.put(s, :x, x)}
end

crash = fn name, trigger ->
  {:ok, pid} = GenServer.start(Reporter, %{name: name, list: [1, 2, 3]}, name: name)
  ref = Process.monitor(pid)
  trigger.(name)

  receive do
    {:DOWN, ^ref, _, _, _} -> :ok
  end

  Process.sleep(30)
end

crash.(:raiser, &GenServer.cast(&1, :raise))
crash.(:exiter, &GenServer.cast(&1, :exit))
crash.(:stopper, &GenServer.cast(&1, :stop))
crash.(:normal_stopper, &GenServer.cast(&1, :stop_normal))
crash.(:shutdown_stopper, &GenServer.cast(&1, :stop_shutdown))
crash.(:bad_returner, &GenServer.cast(&1, :bad))
crash.(:info_raiser, &send(&1, :raise))

IO.puts("-- at level :info the state is not shown")
Logger.configure(level: :info)
crash.(:quiet_raiser, &GenServer.cast(&1, :raise))
IO.puts("-- done")
