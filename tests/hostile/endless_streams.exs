# limit: 20
# Endless streams run in constant memory: each runs in a process for a
# while (over 500,000 reductions), holding little, and is then killed.
streams = [
  cycle: Stream.cycle([1]),
  iterate: Stream.iterate(0, &(&1 + 1)) |> Stream.map(&(&1 * 2)) |> Stream.filter(&(rem(&1, 3) == 0)),
  repeatedly: Stream.repeatedly(fn -> :x end) |> Stream.with_index() |> Stream.chunk_every(3),
  unfold: Stream.unfold(0, fn n -> {n, n + 1} end) |> Stream.flat_map(fn x -> [x, x] end) |> Stream.zip(Stream.cycle([:a, :b])),
  resource: Stream.resource(fn -> 0 end, fn n -> {[n], n + 1} end, fn _ -> :ok end) |> Stream.dedup() |> Stream.scan(0, &+/2)
]
for {name, stream} <- streams do
  pid = spawn(fn -> Enum.each(stream, fn _ -> :ok end) end)
  Process.sleep(150)
  :erlang.garbage_collect(pid)
  [memory: m, reductions: r] = Process.info(pid, [:memory, :reductions])
  IO.inspect({name, m < 100_000, r > 500_000})
  Process.exit(pid, :kill)
end
