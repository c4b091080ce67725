# limit: 30
# expect: {:plus, CompileError}
# expect: {:kase, CompileError}
# expect: {:fun, CompileError}
# expect: {:pat, CompileError}
# expect: {:source, SyntaxError}
# expect: {:shallow, :ok}
# Deep code compiled in a spawned process, on that compile's own C stack:
# macros that build 100,000-deep ASTs and 100,000-deep source end in an
# Elixir error in that process, never by overflowing the stack.
defmodule Deep do
  defmacro plus(n), do: Enum.reduce(1..n, 0, fn _, acc -> quote(do: unquote(acc) + 1) end)
  defmacro kase(n), do: Enum.reduce(1..n, 0, fn _, acc -> quote(do: (case 1 do _ -> unquote(acc) end)) end)
  defmacro fun(n), do: Enum.reduce(1..n, 0, fn _, acc -> quote(do: (fn -> unquote(acc) end)) end)
  defmacro pat(n), do: (p = Enum.reduce(1..n, quote(do: x), fn _, acc -> quote(do: [unquote(acc)]) end); quote(do: (fn unquote(p) -> x end)))
end
parent = self()
sources = [
  plus: "require Deep; Deep.plus(100_000)",
  kase: "require Deep; Deep.kase(100_000)",
  fun: "require Deep; Deep.fun(100_000)",
  pat: "require Deep; Deep.pat(100_000)",
  source: String.duplicate("[", 100_000) <> String.duplicate("]", 100_000),
  shallow: "require Deep; Deep.plus(500); :ok"
]
for {kind, src} <- sources do
  spawn(fn ->
    r = try do elem(Code.eval_string(src), 0) rescue e -> e.__struct__ end
    send(parent, {kind, r})
  end)
  receive do {^kind, r} -> IO.inspect({kind, r}) end
end
