defmodule Defaults do
  def greet(name \\ "world", punct \\ "!") do
    "Hello, #{name}#{punct}"
  end

  def start_link(initial_value \\ 0), do: {:started, initial_value}

  def join(a, b \\ nil, c)
  def join(a, nil, c), do: "#{a}-#{c}"
  def join(a, b, c), do: "#{a}-#{b}-#{c}"

  def opts(x, opts \\ []) do
    {x, Keyword.get(opts, :scale, 1) * x}
  end

  def with_head(x, y \\ 10)
  def with_head(x, y) when x > y, do: :greater
  def with_head(_x, _y), do: :not_greater

  defp private_default(x \\ 5), do: x * 2
  def call_private, do: {private_default(), private_default(1)}
end

IO.puts(Defaults.greet())
IO.puts(Defaults.greet("Ada"))
IO.puts(Defaults.greet("Ada", "?"))
IO.inspect(Defaults.start_link())
IO.inspect(Defaults.start_link(10))
IO.inspect(Defaults.join(1, 3))
IO.inspect(Defaults.join(1, 2, 3))
IO.inspect(Defaults.opts(4))
IO.inspect(Defaults.opts(4, scale: 3))
IO.inspect(Defaults.with_head(11))
IO.inspect(Defaults.with_head(11, 20))
IO.inspect(Defaults.call_private())
IO.inspect(Defaults.__info__(:functions))
