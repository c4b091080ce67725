# Stream.transform/3,4,5 (start, last and after callbacks), Stream.into/2,3, and transform/flat_map batches zipped with another stream (paused mid-batch).
defmodule Col do
  defstruct []
  defimpl Collectable do
    def into(c) do
      {[], fn
        acc, {:cont, x} -> [x | acc]
        acc, :done -> IO.inspect({:done, Enum.reverse(acc)}); c
        _acc, :halt -> IO.inspect(:halt); :ok
      end}
    end
  end
end
IO.inspect Stream.into([1, 2, 3], struct(Col)) |> Enum.to_list()
IO.inspect Stream.into([1, 2, 3], struct(Col), &(&1 * 10)) |> Enum.take(2)
IO.inspect Stream.into(1..3, []) |> Enum.map(& &1)
s = Stream.transform(1..5, fn -> IO.puts("start"); 0 end, fn x, acc -> if x > 3, do: {:halt, acc}, else: {[x, acc], acc + x} end, fn acc -> IO.puts("after #{acc}") end)
IO.inspect Enum.to_list(s)
IO.inspect Enum.take(s, 2)
s5 = Stream.transform(1..3, fn -> [] end, fn x, acc -> {[x], [x | acc]} end, fn acc -> {[{:last, acc}], :done} end, fn acc -> IO.inspect({:after, acc}) end)
IO.inspect Enum.to_list(s5)
IO.inspect Enum.take(s5, 1)
IO.inspect Stream.zip(s5, [:a, :b, :c, :d, :e]) |> Enum.to_list()
IO.inspect Enum.to_list(Stream.transform([], fn -> IO.puts("s"); 0 end, fn x, a -> {[x], a} end, fn _ -> IO.puts("a") end))
IO.inspect Stream.zip(Stream.transform(1..3, 0, fn x, a -> {[x, x], a} end), Stream.cycle([:a, :b])) |> Enum.to_list()
IO.inspect Stream.zip(Stream.flat_map(1..3, fn x -> [x, -x] end), 1..10) |> Enum.to_list()
