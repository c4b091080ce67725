# Enum.map and Enum.reduce over a stream or a user's Enumerable struct run
# the function between the enumerable's own steps (no list is built first).
defmodule Countdown do
  defstruct from: 0

  defimpl Enumerable do
    def reduce(_c, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}

    def reduce(%Countdown{from: k}, {:cont, acc}, fun) do
      IO.puts("step #{k}")
      reduce(%Countdown{from: k - 1}, fun.(k, acc), fun)
    end

    def count(_c), do: {:error, __MODULE__}
    def member?(_c, _x), do: {:error, __MODULE__}
    def slice(_c), do: {:error, __MODULE__}
  end
end

defmodule Walk do
  def run do
    IO.inspect(Enum.map(%Countdown{from: 3}, fn x -> IO.puts("map #{x}"); x * 10 end))
    IO.inspect(Enum.reduce(%Countdown{from: 3}, 0, fn x, acc -> IO.puts("add #{x}"); acc + x end))
    IO.inspect(Enum.sum(%Countdown{from: 4}))

    stream = Stream.map(1..3, fn x -> IO.puts("stream #{x}"); x + 1 end)
    IO.inspect(Enum.map(stream, fn x -> IO.puts("map #{x}"); x * 2 end))
    IO.inspect(Enum.reduce(stream, [], fn x, acc -> IO.puts("cons #{x}"); [x | acc] end))
    IO.inspect(Enum.map(Stream.take(Stream.iterate(1, &(&1 * 3)), 4), &(&1 + 1)))

    try do
      Enum.map(%Countdown{from: 2}, fn 2 -> raise "two" end)
    rescue
      e -> IO.puts("rescued #{Exception.message(e)}")
    end

    try do
      Enum.map({1, 2}, & &1)
    rescue
      e in Protocol.UndefinedError -> IO.puts("undefined #{inspect(e.value)}")
    end
  end
end

Walk.run()
