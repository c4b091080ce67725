# Macro.to_string/1 lays code out at 98 columns as Elixir's formatter does: containers and arguments one a line, a last list/map/fn breaking on its own, pipelines, operators filling lines, guards, map updates, clause lists and blank lines around multi-line statements.
list = Enum.to_list(1..40)
IO.puts Macro.to_string(quote(do: unquote(list)))
IO.puts Macro.to_string(quote(do: foo(aaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccc, dddddddddddddddddddd, eeeeeeeeeeee)))
IO.puts Macro.to_string(quote(do: aaaaaaaaaaaaaaaa |> bbbbbbbbbbbbbbbbbbbbbb() |> ccccccccccccccccccccccccc() |> ddddddddddddddddddddd() |> eeeeeeeeeeeeeeeeee()))
IO.puts Macro.to_string(quote(do: %{aaaaaaaaaa: 1, bbbbbbbbbbbbbb: 2, ccccccccccccccccc: 3, ddddddddddddddddddd: 4, eeeeeeeeeeeeeeeee: 5, f: 6}))
IO.puts Macro.to_string(quote(do: {aaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccc, dddddddddddddddddddddddd}))
IO.puts Macro.to_string(quote(do: def foo(x) do aaaaaaaaaaaaaaaaaaaaaaaaa(x, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccccccccccc, dddddddddddddddddd) end))
IO.puts Macro.to_string(quote(do: Enum.map(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, fn x -> bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(x) end)))
IO.puts Macro.to_string(quote(do: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb + cccccccccccccccccccccccccccccccccccc + ddddd))
IO.puts Macro.to_string(quote(do: [a: 1, b: 2]))
IO.puts Macro.to_string(quote(do: foo(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, [bbbbbbbbbbbbbbbbbbbbbbbb: 1, cccccccccccccccccccccccccccccc: 2, dddd: 3])))
IO.puts Macro.to_string(quote(do: x = [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccc]))
IO.puts Macro.to_string(quote(do: if(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa and bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb and ccccccccccccccccccccccccccc, do: 1, else: 2)))
IO.puts Macro.to_string(quote(do: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
IO.puts Macro.to_string(quote(do: foo(bar(baz(aaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, cccccccccccccccccccccccccccccccc)))))
IO.puts Macro.to_string(quote(do: case x do {:ok, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa} -> bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, ccccccccccccccccccccccccccc); _ -> :error end))
IO.puts Macro.to_string(quote(do: GenServer.call(__MODULE__, {:some_long_message_name, argument_one, argument_two}, :infinity_or_some_timeout)))
IO.puts Macro.to_string(quote(do: {foo(aaaaaaaaaaaaaaaaaaaaaaa), bar(bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb), baz(cccccccccccccccccccccccccccc)}))
IO.puts Macro.to_string(quote(do: {:ok, [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, ccccccccccccccccccccccc]}))
IO.puts Macro.to_string(quote(do: foo(aaaa, [bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, ccccccccccccccccccccccccccccccccccccccc, ddddddddddddd])))
IO.puts Macro.to_string(quote(do: foo(aaaa, bbbb, kkkkkkkkkkkkkkkkkkkkkkkkkk: 1, llllllllllllllllllllllllllllllll: 2, mmmmmmmmmmmmmmmmmmmmmmmmm: 3)))
IO.puts Macro.to_string(quote(do: foo(kkkkkkkkkkkkkkkkkkkkkkkkkk: 1, llllllllllllllllllllllllllllllll: 2, mmmmmmmmmmmmmmmmmmmmmmmmm: 3, nnnnnnnn: 4)))
IO.puts Macro.to_string(quote(do: foo(%{aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2, ccccccccccccccccccc: 3})))
IO.puts Macro.to_string(quote(do: (x = 1; y = foo(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb); x + y)))
IO.puts Macro.to_string(quote(do: case x do 1 -> :a; 2 -> :b end))
IO.puts Macro.to_string(quote(do: fn aaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb -> cccccccccccccccccccccccccccccccccccc(aaaaaaaaaaaaaaaaaaaaaaaaaaaa) end))
IO.puts Macro.to_string(quote(do: fn 1 -> :a; 2 -> :b end))
IO.puts Macro.to_string(quote(do: [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccccccccccc: 3]))
IO.puts Macro.to_string(quote(do: x |> foo()))
IO.puts Macro.to_string(quote(do: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb(ccccccccccccccccccccccccccccc, ddddd)))
IO.puts Macro.to_string(quote(do: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa <> bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb <> cccccccccc))
IO.puts Macro.to_string(quote(do: (def handle_call({:get, key}, _from, state), do: {:reply, Map.get(state, key), state})))
IO.puts Macro.to_string(quote(do: defmodule Foo do def a, do: 1; def b(x) do x + 1 end end))
q = quote do
  defmodule Counter do
    use GenServer

    def start_link(initial_value) when is_integer(initial_value) do
      GenServer.start_link(__MODULE__, initial_value, name: __MODULE__, debug: [:trace, :statistics], spawn_opt: [priority: :high])
    end

    def init(n), do: {:ok, %{count: n, history: [], started_at: DateTime.utc_now(), owner: self(), limit: 1000}}

    def handle_call(:get, _from, state), do: {:reply, state.count, state}

    def handle_call({:add, n}, _from, %{count: count, history: history} = state) when is_integer(n) and n > 0 do
      new_state = %{state | count: count + n, history: [{:add, n, System.monotonic_time()} | history]}
      {:reply, new_state.count, new_state}
    end

    def handle_info(:tick, state) do
      Process.send_after(self(), :tick, 1000)
      state |> Map.update!(:count, &(&1 + 1)) |> Map.put(:last_tick, System.monotonic_time(:millisecond)) |> then(&{:noreply, &1})
    end
  end
end
IO.puts Macro.to_string(q)
IO.puts Macro.to_string(quote(do: Enum.reduce(list, %{}, fn {key, value}, acc -> Map.update(acc, key, [value], &[value | &1]) end)))
IO.puts Macro.to_string(quote(do: (with {:ok, a} <- fetch_something_from_somewhere(input), {:ok, b} <- transform_the_thing(a, options) do {:ok, b} else {:error, reason} -> {:error, reason} end)))
IO.puts Macro.to_string(quote(do: receive do {:msg, payload} -> handle(payload); :stop -> :ok after 5000 -> :timeout end))
IO.puts Macro.to_string(quote(do: for(x <- list, y <- other_list_with_a_long_name, x != y, into: %{}, do: {x, y})))
IO.puts Macro.to_string(quote(do: raise(ArgumentError, "the argument was not what we expected it to be at all, so we stop here: #{inspect(arg)}")))
IO.puts Macro.to_string(quote(do: [first_element_of_the_list | rest_of_the_list_which_has_a_long_name_too_yes_very_long_indeed]))
IO.puts Macro.to_string(quote(do: try do risky_operation(argument_one, argument_two) rescue e in RuntimeError -> {:error, e} catch :exit, reason -> {:exit, reason} after cleanup() end))
