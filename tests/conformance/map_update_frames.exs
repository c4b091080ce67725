# Map.update!/3 fails in :erlang.map_get/2 (Elixir's fetch!/2 inlined, line
# 319), Map.get/3 on a non-map blames itself with its arguments (line 534).
defmodule M do
  def upd(m), do: Map.update!(m, :a, &(&1 + 1))
  def get(m), do: Map.get(m, :a)
end

for {n, f} <- [missing: fn -> M.upd(%{}) end, badmap: fn -> M.upd(1) end, get: fn -> M.get(1) end, ok: fn -> M.upd(%{a: 1}) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect({n, Exception.message(e), __STACKTRACE__ |> Enum.reject(&match?({:elixir_compiler_0, _, _, _}, &1)) |> Enum.take(2)})
  end
end
