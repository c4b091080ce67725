# A handle_call that divides: the naive clause raises, the careful one replies with an error.
defmodule NaiveCalc do
  def handle_call({:divide, a, b}, _from, state) do
    result = div(a, b)
    {:reply, result, state}
  end
end

defmodule CarefulCalc do
  def handle_call({:divide, a, b}, _from, state) do
    case b do
      0 -> {:reply, {:error, :division_by_zero}, state}
      _ -> {:reply, {:ok, div(a, b)}, state}
    end
  end
end

IO.inspect(NaiveCalc.handle_call({:divide, 10, 3}, nil, :st))
IO.inspect(CarefulCalc.handle_call({:divide, 10, 3}, nil, :st))
IO.inspect(CarefulCalc.handle_call({:divide, 10, 0}, nil, :st))
IO.inspect(CarefulCalc.handle_call({:divide, -7, 2}, nil, :st))
try do
  NaiveCalc.handle_call({:divide, 1, 0}, nil, :st)
rescue
  e -> IO.puts("naive server would crash with: ** (#{inspect(e.__struct__)}) #{Exception.message(e)}")
end
NaiveCalc.handle_call({:divide, 1, 0}, nil, :st)
