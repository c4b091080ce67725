# A struct implementing Enumerable (reduce with halting and suspension,
# count and member? of its own) and Collectable: every Enum function, for
# comprehensions, Stream and Enum.into work on it.
defmodule Playlist do
  defstruct name: "", songs: []

  def new(name, songs), do: %Playlist{name: name, songs: songs}

  defimpl Enumerable do
    def reduce(_playlist, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(playlist, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(playlist, &1, fun)}
    def reduce(%Playlist{songs: []}, {:cont, acc}, _fun), do: {:done, acc}

    def reduce(%Playlist{songs: [song | rest]} = playlist, {:cont, acc}, fun) do
      reduce(%{playlist | songs: rest}, fun.(song, acc), fun)
    end

    def count(%Playlist{songs: songs}), do: {:ok, length(songs)}
    def member?(%Playlist{songs: songs}, song), do: {:ok, song in songs}
    def slice(_playlist), do: {:error, __MODULE__}
  end

  defimpl Collectable do
    def into(%Playlist{songs: songs} = playlist) do
      collector = fn
        acc, {:cont, song} -> [song | acc]
        acc, :done -> %{playlist | songs: songs ++ Enum.reverse(acc)}
        _acc, :halt -> :ok
      end

      {[], collector}
    end
  end
end

# A countdown that only defines reduce: the rest falls back to it.
defmodule Countdown do
  defstruct from: 3

  defimpl Enumerable do
    def reduce(_c, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}
    def reduce(%Countdown{from: n}, {:cont, acc}, fun), do: reduce(%Countdown{from: n - 1}, fun.(n, acc), fun)
    def count(_c), do: {:error, __MODULE__}
    def member?(_c, _x), do: {:error, __MODULE__}
    def slice(_c), do: {:error, __MODULE__}
  end
end

defmodule Main do
  def run do
    p = Playlist.new("road", ["a", "b", "c", "d"])
    IO.inspect(Enum.map(p, &String.upcase/1))
    IO.inspect(Enum.count(p))
    IO.inspect(Enum.member?(p, "c"))
    IO.inspect("z" in p)
    IO.inspect(Enum.take(p, 2))
    IO.inspect(Enum.reverse(p))
    IO.inspect(Enum.sort(p, :desc))
    IO.inspect(Enum.at(p, 1))
    IO.inspect(Enum.find(p, &(&1 > "b")))
    IO.inspect(Enum.with_index(p))
    IO.inspect(Enum.zip(p, 1..10))
    IO.inspect(Enum.join(p, "-"))
    IO.inspect(Enum.reduce(p, 0, fn _, n -> n + 1 end))
    IO.inspect(Enum.empty?(p))
    IO.inspect(Enum.to_list(p))
    IO.inspect(Enum.chunk_every(p, 3))
    IO.inspect(Enum.slice(p, 1..2))
    IO.inspect(Enum.frequencies(p))
    IO.inspect(Enum.max(p))
    IO.inspect(for s <- p, s != "b", do: s <> s)
    IO.inspect(p |> Stream.map(&(&1 <> "!")) |> Enum.take(3))
    IO.inspect(Stream.zip(p, Stream.cycle([1, 2])) |> Enum.to_list())
    IO.inspect(Enum.into(["e", "f"], p))
    IO.inspect(for s <- ["x", "y"], into: Playlist.new("new", []), do: s)
    IO.inspect(Enum.into(p, []))
    IO.inspect(Enum.into(p, MapSet.new()))

    c = %Countdown{from: 5}
    IO.inspect(Enum.to_list(c))
    IO.inspect(Enum.count(c))
    IO.inspect(Enum.member?(c, 2))
    IO.inspect(Enum.sum(c))
    IO.inspect(Enum.take_while(c, &(&1 > 2)))
    IO.inspect(Enum.empty?(%Countdown{from: 0}))
    IO.inspect(Enumerable.impl_for(c))
    IO.inspect(Enumerable.impl_for([]))
    IO.inspect(Collectable.impl_for(p))

    try do
      Enum.map(%{__struct__: Nothing}, & &1)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    Enum.into([1], %Countdown{})
  end
end

Main.run()
