# A statement whose value nothing uses, when that value is an operator's
# or a pure BIF's: OTP's compiler warns (the "forgot to update the state"
# pitfall: state.count + 1 computed and thrown away). Not in a fn's body,
# not for calls that may do something (Map.put), building terms or atoms.
defmodule Tally do
  use GenServer

  def init(n), do: {:ok, %{count: n}}

  def handle_cast({:add, amount}, state) do
    state.count + amount
    {:noreply, state}
  end

  def handle_call(:check, _from, state) do
    state.count == 0
    length([state])
    is_map(state)
    Map.put(state, :seen, true)
    {:reply, state.count, state}
  end

  def more(x, l, t) do
    div(x, 2)
    rem(x, 2)
    l -- [1]
    l ++ [2]
    -x
    not x
    abs(x)
    elem(t, 0)
    hd(l)
    tl(l)
    round(x)
    x != 1
    x <= 1
    self()
    {:ok, x}
    [x | l]
    :done
    f = fn y ->
      y + 1
      y
    end
    if x do
      x * 3
    else
      x / 3
    end
    case x do
      1 -> x - 1
      _ -> :other
    end
    cond do
      x -> byte_size(x)
      true -> :ok
    end
    f
  end
end

{:ok, pid} = GenServer.start_link(Tally, 0)
GenServer.cast(pid, {:add, 5})
IO.inspect(GenServer.call(pid, :check))
