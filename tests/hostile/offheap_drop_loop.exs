# flags: --max-memory 50M
# limit: 20
# expect: :normal
# A process that makes a 1 MB binary and drops it, 600 times (600 MB in
# all), stays within 50 MB: its collections free what it dropped.
{pid, _ref} =
  spawn_monitor(fn ->
    Enum.each(1..600, fn i ->
      b = String.duplicate(<<rem(i, 256)>>, 1_000_000)
      if :binary.last(b) != rem(i, 256), do: exit(:wrong)
    end)
  end)
receive do {:DOWN, _, :process, ^pid, r} -> IO.inspect(r) end
