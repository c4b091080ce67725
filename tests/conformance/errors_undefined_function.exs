defmodule Known do
  def hello, do: :hi
  defp hidden, do: :secret
  def use_hidden, do: hidden()
end
show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end
mod = String.to_atom("Elixir.DoesNotExist")
known = String.to_atom("Elixir.Known")
show.(fn -> mod.call() end)
show.(fn -> known.nope(1, 2) end)
show.(fn -> known.hidden() end)
show.(fn -> known.hello(:extra_arg) end)
show.(fn -> apply(String, :no_such_fun, []) end)
show.(fn -> apply(:no_such_erlang_module, :f, [1]) end)
show.(fn -> apply(:lists, :no_such, []) end)
show.(fn -> apply(Enum, :mapp, [[], & &1]) end)
IO.inspect(Known.use_hidden())
IO.puts("done")
