# __using__ runs in the process that compiles, as its ordinary code: one
# waits in a receive for the script to answer (and sees its own self()),
# one loops forever and is killed, while the script goes on beside them.
defmodule Waits do
  defmacro __using__(_opts) do
    me = self()
    got = receive do {:value, v} -> v end
    quote do
      def got, do: unquote(got)
      def compiled_by, do: unquote(inspect(me))
    end
  end
end

defmodule Spins do
  defmacro __using__(_opts), do: Stream.cycle([1]) |> Enum.each(fn _ -> :ok end)
end

parent = self()
waiter = spawn(fn ->
  Code.eval_string("defmodule UsesWaits do\n  use Waits\nend")
  send(parent, {:compiled, UsesWaits.got(), UsesWaits.compiled_by()})
end)
spinner = spawn(fn -> Code.eval_string("defmodule UsesSpins do\n  use Spins\nend") end)
Process.sleep(20)
IO.puts("the script runs while one waits and one spins")
send(waiter, {:value, 42})
receive do
  {:compiled, got, by} -> IO.inspect({got, by == inspect(waiter)}, label: "compiled")
end
Process.exit(spinner, :kill)
Process.sleep(1)
IO.inspect({Process.alive?(spinner), Code.ensure_loaded?(UsesSpins)}, label: "spinner")
