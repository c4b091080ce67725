# A 1,000,000-deep tuple sent as a message is copied into the receiver.
deep = Enum.reduce(1..1_000_000, :leaf, fn _, acc -> {acc} end)
send(self(), deep)
receive do
  {{{_}}} = m -> IO.puts(m == deep)
end
