# Kernel's functions that are :erlang BIFs are Kernel functions too: apply, function_exported?, captures.
IO.inspect apply(Kernel, :+, [1, 2])
IO.inspect apply(Kernel, :elem, [{:a, :b}, 1])
IO.inspect apply(Kernel, :put_elem, [{:a, :b}, 0, :c])
IO.inspect apply(Kernel, :!=, [1, 2])
IO.inspect apply(Kernel, :===, [1, 1.0])
IO.inspect apply(Kernel, :is_map_key, [%{a: 1}, :a])
IO.inspect apply(Kernel, :self, []) == self()
IO.inspect Enum.reduce([1, 2, 3], &Kernel.*/2)
IO.inspect Enum.map([1, -2], &Kernel.abs/1)
IO.inspect Enum.map([{:a, 1}], &Kernel.elem(&1, 1))
IO.inspect Enum.map([[1, 2]], &Kernel.length/1)
IO.inspect Enum.all?([+: 2, -: 1, -: 2, tuple_size: 1, is_atom: 1, send: 2, spawn: 3, node: 0, div: 2], fn {n, a} -> function_exported?(Kernel, n, a) end)
IO.inspect apply(:erlang, :self, []) == self()
try do
  apply(Kernel, :+, [1, :a])
rescue
  e -> IO.inspect(e)
end
