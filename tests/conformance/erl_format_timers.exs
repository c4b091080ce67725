# :io_lib.format/:io.format control sequences (~p ~w ~s ~b ~f ~e ~g ~c ~B ~# ~P ~W ~i ~*c, widths, padding), ~P/~W depth limits on lists/tuples/maps/binaries, :string, :timer and :erlang timers.
IO.puts :io_lib.format("~p ~w ~s ~b ~.2f ~e ~g ~c ~~ ~10s| ~-10s| ~5.1f ~n", [[1, "a"], {:x, 'y'}, "str", 255, 3.14159, 1.5, 2.5, ?z, "right", "left", 2.25])
:io.format("~p~n", [%{a: [1, 2, 3]}])
:io.format("~10.3.0b|~-8w|~8p|~n", [5, :ab, :cd])
:io.format("~ts ~tp~n", ["héllo", "wörld"])
:io.format("~.16B ~.16b ~.2B ~.16#~n", [255, 255, 5, 255])
:io.format("~P~n", [[1, [2, [3, [4]]]], 3])
:io.format("~W~n", [[1, 2, 3, 4, 5], 3])
:io.format("~i~s~n", [:ignored, "shown"])
:io.format("~*c~n", [3, ?x])
IO.inspect :string.pad("ab", 5, :both, ?*)
IO.inspect {:string.trim("  x  "), :string.trim("xxaxx", :both, 'x'), :string.to_upper('abc'), :string.lexemes("a b  c", ' '), :string.find("hello", "l"), :string.find("hello", "l", :trailing)}
IO.inspect {:string.replace("a-b-c", "-", "+", :all), :string.split("a,b,c", ","), :string.split("a,b,c", ",", :all), :string.slice("hello", 1, 3), :string.length("héllo"), :string.reverse("abc")}
IO.inspect {:string.to_integer("12ab"), :string.to_float("1.5x"), :string.is_empty(""), :string.casefold("ABC"), :string.titlecase("abc"), :string.prefix("hello", "he"), :string.equal("a", "a")}
IO.inspect {:timer.seconds(2), :timer.minutes(1), :timer.hours(1), :timer.hms(1, 2, 3)}
{t, v} = :timer.tc(fn -> :ok end)
IO.inspect {is_integer(t), v}
{:ok, tref} = :timer.send_after(10, :hello)
IO.inspect receive do: (m -> m)
{:ok, tref2} = :timer.apply_after(10, IO, :puts, ["applied"])
Process.sleep(20)
IO.inspect :timer.cancel(tref2)
r = :erlang.start_timer(50, self(), :tick)
IO.inspect is_integer(:erlang.read_timer(r))
IO.inspect receive do: ({:timeout, ^r, m} -> m)
r2 = Process.send_after(self(), :x, 100)
IO.inspect {Process.read_timer(r2) > 0, Process.cancel_timer(r2) > 0, Process.cancel_timer(r2)}
IO.inspect :erlang.cancel_timer(make_ref())
{:ok, iref} = :timer.send_interval(10, :iv)
for _ <- 1..3, do: receive(do: (:iv -> :ok))
IO.inspect :timer.cancel(iref)
IO.inspect tref |> is_tuple()
