# The default handle_info/2 logs unexpected messages and carries on.
Logger.configure_backend(:console, format: "[$level] $message\n")

defmodule Quiet do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
end

{:ok, _} = GenServer.start_link(Quiet, :calm, name: :quiet)
send(:quiet, :unexpected)
Process.sleep(20)
send(:quiet, {:complex, "message", [1, 2, 3], %{key: :value}})
Process.sleep(20)
IO.inspect(GenServer.call(:quiet, :get))
Logger.configure(level: :critical)
send(:quiet, :not_logged_at_critical)
Process.sleep(20)
IO.inspect(GenServer.call(:quiet, :get))
