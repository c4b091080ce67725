defmodule QuotaExceeded do
  defexception [:limit]

  @impl true
  def message(e), do: "quota of #{e.limit} requests exceeded"
end

IO.puts("checking quota")
raise QuotaExceeded, limit: 100
