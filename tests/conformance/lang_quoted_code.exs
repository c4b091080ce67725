# Code.string_to_quoted and Macro.escape/prewalk/postwalk: quoted forms as Elixir builds them.
IO.inspect Code.string_to_quoted!("1 + foo(2)")
IO.inspect Code.string_to_quoted("x = [1, 2] |> Enum.map(&(&1 * 2))")
IO.inspect Code.string_to_quoted!("defmodule A do\n  def f(x), do: x\nend")
IO.inspect Code.string_to_quoted!("%{a: 1, b: \"s\"}")
IO.inspect Macro.escape(%{a: {1, 2}})
IO.inspect Macro.escape({:a, :b, :c})
IO.inspect Macro.escape([1, {2, 3}, %{}])
IO.inspect Macro.escape(:atom)
{ast, vars} = Macro.prewalk(Code.string_to_quoted!("a + b * c"), [], fn
  {name, _, nil} = v, acc when is_atom(name) -> {v, [name | acc]}
  node, acc -> {node, acc}
end)
IO.inspect {ast, Enum.reverse(vars)}
IO.inspect Macro.postwalk(Code.string_to_quoted!("1 + 2"), fn n when is_integer(n) -> n * 10; n -> n end)
IO.inspect Macro.var(:x, nil)
IO.inspect(match?({:error, _}, Code.string_to_quoted("1 +")))
