# A script's top level is one function to Elixir (:elixir_compiler_0.__FILE__/1):
# its fns are numbered as a module's def's are, those made inside fns after all
# the others, the last one's first (compile_lambda.c). Code.eval_string's fns
# are erl_eval's own.
index = fn f -> :erlang.fun_info(f)[:index] end
f = fn x -> fn y -> x + y end end
IO.inspect({index.(f), index.(f.(1))})
g = fn -> :g end
IO.inspect(index.(g))
IO.inspect(Enum.map([1], fn x -> index.(fn -> x end) end), charlists: :as_lists)
h = &(&1 + 1)
IO.inspect(index.(h))
for x <- [1], do: IO.inspect(index.(fn -> x end))
defmodule InScript do
  def a, do: fn -> 1 end
end
IO.inspect(index.(InScript.a()))
IO.inspect(index.(fn -> 2 end))
{e, _} = Code.eval_string("fn x -> x end")
IO.inspect(e)
IO.inspect(:erlang.fun_info(e)[:name])
