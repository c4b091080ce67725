opts = [max_size: 3]
IO.inspect(Keyword.get(opts, :ttl, 3600))
Keyword.fetch!(opts, :ttl)
