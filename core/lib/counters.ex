# :counters: arrays of 64-bit signed counters shared by every process, on
# top of :atomics. A counter ref is {:atomics, ref} or
# {:write_concurrency, ref} as the BEAM's prints.
defmodule :counters do
  @moduledoc false

  def new(size, opts) when is_integer(size) and size > 0 and is_list(opts) do
    kind = if :lists.member(:write_concurrency, opts), do: :write_concurrency, else: :atomics
    {kind, :atomics.new(size, signed: true)}
  end

  def new(_size, _opts), do: :atomics.bad(1, "out of range")

  def get({_, ref}, ix), do: :atomics.get(ref, ix)
  def add({_, ref}, ix, incr) when is_integer(incr), do: :atomics.add(ref, ix, incr)
  def sub({_, ref}, ix, decr) when is_integer(decr), do: :atomics.sub(ref, ix, decr)
  def put({_, ref}, ix, value) when is_integer(value), do: :atomics.put(ref, ix, value)

  def info({:atomics, ref}), do: :atomics.info(ref)

  def info({:write_concurrency, ref}) do
    %{size: size} = :atomics.info(ref)
    %{memory: 40 + 8 * size, size: size}
  end
end
