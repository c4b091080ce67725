# The index and name OTP gives a module's fns (compile_lambda.c): defs sorted
# by name and arity, each def's own fns in source order, then the fns made
# inside fns, the last def's first. The hash part of #Function<...> is the
# BEAM's (an MD5 of the module), so only the index, the name and the tail
# are shown here.
defmodule Numbered do
  def zeta, do: fn x -> x end
  def beta do
    f = fn x -> fn y -> fn z -> x + y + z end end end
    g = fn -> :g end
    {f, g}
  end
  def alpha(l), do: for x <- l, do: fn -> x end
  def delta(l), do: Enum.map(l, &(&1 + 1))
  def gamma(x) do
    case x do
      {:ok, v} -> fn -> v end
      _ -> fn -> :other end
    end
  end
  def local, do: &helper/1
  def remote, do: &Numbered.helper/1
  def helper(x), do: x
  def with_default(x \\ fn -> :default end), do: x
  def pipeline(l), do: l |> Enum.map(&(&1 * 2)) |> Enum.filter(fn x -> x > 1 end)
  defp private_one, do: fn -> :p end
  def public_one, do: private_one()
  def two_generators(l), do: for x <- l, y <- l, do: fn -> {x, y} end
end

show = fn label, f ->
  info = :erlang.fun_info(f)
  tail = inspect(f) |> String.split(" in ") |> List.last()
  IO.puts("#{label}: index #{inspect(info[:index])} name #{inspect(info[:name])} #{tail}")
end

show.("zeta", Numbered.zeta())
{f, g} = Numbered.beta()
show.("beta f", f)
show.("beta f.(1)", f.(1))
show.("beta f.(1).(2)", f.(1).(2))
show.("beta g", g)
show.("alpha", hd(Numbered.alpha([1])))
show.("gamma ok", Numbered.gamma({:ok, 1}))
show.("gamma other", Numbered.gamma(:x))
show.("local", Numbered.local())
IO.inspect(Numbered.remote())
show.("with_default", Numbered.with_default())
show.("public_one", Numbered.public_one())
show.("two_generators", hd(Numbered.two_generators([1])))
IO.inspect(Numbered.pipeline([1, 2]))
try do
  Numbered.delta([:a])
rescue
  ArithmeticError -> IO.inspect(hd(__STACKTRACE__))
end
