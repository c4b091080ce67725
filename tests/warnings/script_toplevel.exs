# A script's top-level variables that nothing reads: Elixir expands the
# whole file first and warns about them (sorted by name) before running
# it. A defmodule reads every variable bound before it; binding() reads
# all; a variable bound again before anything read it is unused too.
x = 5
y = 6
IO.puts(y)
z = 1
z = 2
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end
{:ok, pid} = GenServer.start_link(Counter, 1)
{:ok, other} = GenServer.start_link(Counter, 2)
IO.inspect(GenServer.call(pid, :get))
count = 1
count = count + 1
f = fn -> count end
g = fn -> 1 end
IO.inspect(f.())
t = 5
case 5 do
  ^t -> :pinned
end
h = 3; h = 4
IO.puts(h)
[first | rest] = [1, 2, 3]
IO.puts(first)
%{a: a, b: _b} = %{a: 1, b: 2}
<<c, _::binary>> = "x"
if true do
  q = 1
end
w = 1
w = 2
k = 1
k
