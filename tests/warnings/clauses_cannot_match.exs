# Clauses an earlier clause always matches first: OTP's compiler warns,
# naming the def when the earlier clause is a catch-all.
defmodule S do
  def a(:x), do: 1
  def a(:x), do: 2
  def b({_x, _y}), do: 1
  def b({1, 2}), do: 2
  def c(x) when is_integer(x), do: 1
  def c(1), do: 2
  def d(_), do: 1
  def d(1), do: 2
  def d(2), do: 3
  def e(x, _y), do: x
  def e(1, 2), do: 2
  def f(x = y), do: {x, y}
  def f(1), do: 1
  def g(x) do
    fn
      _ -> 1
      3 -> x
    end
  end
  def h(x) do
    receive do
      _ -> x
      :never -> 2
    end
  end
end

defmodule Ticker do
  use GenServer

  def init(count), do: {:ok, count}

  def handle_info(_msg, count), do: {:noreply, count}
  def handle_info(:tick, count), do: {:noreply, count + 1}

  def handle_call(:count, _from, count), do: {:reply, count, count}
end

{:ok, pid} = GenServer.start_link(Ticker, 0)
send(pid, :tick)
IO.inspect(GenServer.call(pid, :count))
