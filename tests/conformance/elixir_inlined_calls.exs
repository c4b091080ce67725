# Library calls that Elixir compiles into the Erlang function they stand
# for (Map.keys is :maps.keys, String.to_atom is :erlang.binary_to_atom):
# the Erlang function tops a failure's stack trace, with its own error_info
# module, and a capture of one names it.
defmodule D do
  def a(m), do: :maps.put(:k, 1, m)
  def b(m), do: :maps.merge(m, %{})
  def c(m), do: :maps.get(:k, m)
  def d(m), do: :maps.keys(m)
  def e(m), do: :maps.find(:k, m)
  def f(m), do: Map.has_key?(m, :k)
  def g(m), do: Map.delete(m, :k)
  def h(m), do: Map.values(m)
  def i(m), do: Map.to_list(m)
  def j(m), do: Map.replace!(m, :k, 1)
end
for f <- [:a, :b, :c, :d, :e, :f, :g, :h, :j] do
  try do
    apply(D, f, [:bad])
  rescue
    e -> IO.inspect({f, e.__struct__, hd(__STACKTRACE__)})
  end
end
IO.inspect(&Map.keys/1)
IO.inspect(&Integer.to_string/1)
IO.inspect(&Kernel.length/1)
IO.inspect(&String.to_atom/1)
IO.inspect(&Process.alive?/1)
defmodule T do
  def a(m), do: Map.fetch!(m, :x)
  def b(s), do: String.to_existing_atom(s)
  def c(l), do: List.to_tuple(l)
  def d(m), do: Map.merge(m, %{})
  def e(x), do: Integer.to_string(x)
  def f(t), do: Tuple.to_list(t)
  def g(m), do: Map.put(m, :k, 1)
  def h(p), do: Process.alive?(p)
  def i(x), do: Atom.to_string(x)
end
for f <- [:a, :b, :c, :d, :e, :f, :g, :h, :i] do
  try do
    apply(T, f, [:bad])
  rescue
    e -> IO.inspect({f, e.__struct__, Enum.take(__STACKTRACE__, 1)})
  end
end
