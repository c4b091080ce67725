# Streams over structs that implement Enumerable: zip needs suspension,
# take halts an endless one, transform and chunk walk them lazily.
defmodule Naturals do
  defstruct from: 1

  defimpl Enumerable do
    def reduce(_n, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(n, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(n, &1, fun)}
    def reduce(%Naturals{from: k}, {:cont, acc}, fun), do: reduce(%Naturals{from: k + 1}, fun.(k, acc), fun)
    def count(_), do: {:error, __MODULE__}
    def member?(_, _), do: {:error, __MODULE__}
    def slice(_), do: {:error, __MODULE__}
  end
end

defmodule Letters do
  defstruct text: ""

  defimpl Enumerable do
    def reduce(%Letters{text: t}, acc, fun), do: Enumerable.reduce(String.graphemes(t), acc, fun)
    def count(%Letters{text: t}), do: {:ok, String.length(t)}
    def member?(%Letters{text: t}, x), do: {:ok, String.contains?(t, x)}
    def slice(_), do: {:error, __MODULE__}
  end
end

defmodule Main do
  def run do
    nat = %Naturals{}
    IO.inspect(Enum.take(nat, 5))
    IO.inspect(nat |> Stream.map(&(&1 * &1)) |> Stream.filter(&(rem(&1, 2) == 1)) |> Enum.take(4))
    IO.inspect(Enum.zip(%Letters{text: "abc"}, nat))
    IO.inspect(Stream.zip(nat, %Letters{text: "xy"}) |> Enum.to_list())
    IO.inspect(Enum.find(nat, &(&1 * &1 > 50)))
    IO.inspect(Enum.take_while(nat, &(&1 < 4)))
    IO.inspect(Enum.reduce_while(nat, 0, fn x, acc -> if acc > 20, do: {:halt, acc}, else: {:cont, acc + x} end))
    IO.inspect(nat |> Stream.chunk_every(3) |> Enum.take(2))
    IO.inspect(nat |> Stream.with_index() |> Stream.drop(2) |> Enum.take(2))
    IO.inspect(Stream.transform(nat, 0, fn x, acc -> if acc >= 10, do: {:halt, acc}, else: {[x], acc + x} end) |> Enum.to_list())
    IO.inspect(Enum.at(nat, 99))
    IO.inspect(Enum.count(%Letters{text: "héllo"}))
    IO.inspect(Enum.member?(%Letters{text: "héllo"}, "é"))
    IO.inspect(Enum.frequencies(%Letters{text: "banana"}))
    IO.inspect(%Letters{text: "stream"} |> Stream.dedup() |> Stream.map(&String.upcase/1) |> Enum.join())
  end
end

Main.run()
