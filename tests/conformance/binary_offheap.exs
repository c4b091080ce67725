# Binaries larger than 64 bytes live off the process heap, counted by
# reference: sending one shares it, slices and matches keep working on it,
# and a process's max_heap_size does not count it.
big = String.duplicate("0123456789", 100_000)
IO.inspect(byte_size(big))

# sent to many processes, each reads it and answers with a slice
parent = self()
pids =
  for i <- 1..50 do
    spawn(fn ->
      receive do
        {:bin, b} -> send(parent, {i, byte_size(b), binary_part(b, i * 1000 + 3, 5), :binary.referenced_byte_size(b)})
      end
    end)
  end
Enum.each(pids, &send(&1, {:bin, big}))
answers = for _ <- pids, do: (receive do m -> m end)
IO.inspect(answers |> Enum.sort() |> Enum.take(3))
IO.inspect(Enum.all?(answers, fn {_, n, part, ref} -> n == 1_000_000 and part == "34567" and ref == 1_000_000 end))

# matching the rest of a big binary refers to it; the parts survive the sender
<<a::binary-size(20), rest::binary>> = big
IO.inspect({a, byte_size(rest), :binary.referenced_byte_size(rest)})
slice = binary_part(big, 500_000, 100)
IO.inspect({slice, :binary.referenced_byte_size(slice)})
copy = :binary.copy(slice)
IO.inspect({copy == slice, :binary.referenced_byte_size(copy)})

# a process whose heap is limited to 100,000 words builds and keeps
# a 50 MB binary: the binary is not on its heap
{pid, _ref} =
  spawn_monitor(fn ->
    Process.flag(:max_heap_size, 100_000)
    b = String.duplicate("ab", 25_000_000)
    <<first::binary-size(4), _::binary>> = b
    send(parent, {:built, byte_size(b), first, :binary.last(b)})
  end)
receive do m -> IO.inspect(m) end
receive do {:DOWN, _, :process, ^pid, reason} -> IO.inspect(reason) end

# appends in place, and older versions unchanged
acc = Enum.reduce(1..10_000, "", fn i, acc -> acc <> Integer.to_string(rem(i, 10)) end)
a1 = acc <> "X"
a2 = acc <> "Y"
IO.inspect({byte_size(acc), binary_part(a1, 9_998, 3), binary_part(a2, 9_998, 3), binary_part(acc, 9_990, 10)})
send(self(), {:acc, a1})
receive do {:acc, got} -> IO.inspect({got == a1, byte_size(got <> "Z"), binary_part(a1, 10_000, 1)}) end

# in ETS and as map keys, compared and hashed as any binary
t = :ets.new(:bins, [:set])
:ets.insert(t, {big, :big})
IO.inspect(:ets.lookup(t, String.duplicate("0123456789", 100_000)) |> length())
m = %{big => 1, slice => 2}
IO.inspect({m[String.duplicate("0123456789", 100_000)], m[binary_part(big, 500_000, 100)]})
IO.inspect({:erlang.phash2(big) == :erlang.phash2(String.duplicate("0123456789", 100_000)), big > slice, big == big <> ""})
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary({big, slice})) == {big, slice})
IO.inspect(inspect(binary_part(big, 0, 70)))
