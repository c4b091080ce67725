# Macro.expand_once/expand of a module's macros, aliases and __MODULE__ (the expansion's vars and aliases are printed as code: their counters differ between runs).
defmodule MM do
  defmacro double(x), do: quote(do: unquote(x) * 2)
  defmacro twice(x), do: quote(do: MM.double(unquote(x)) + 0)
  defmacro with_var(x), do: quote(do: (y = unquote(x); y + 1))
  defmacro unless_zero(x, do: body), do: quote(do: if(unquote(x) != 0, do: unquote(body)))
end

defmodule UseMM do
  require MM
  alias Foo.Bar, as: Baz

  def run do
    IO.inspect Macro.expand_once(quote(do: MM.double(3)), __ENV__)
    IO.puts Macro.to_string(Macro.expand_once(quote(do: MM.twice(3)), __ENV__))
    IO.puts Macro.to_string(Macro.expand(quote(do: MM.twice(3)), __ENV__))
    IO.puts Macro.to_string(Macro.expand_once(quote(do: MM.with_var(3)), __ENV__))
    IO.puts Macro.to_string(Macro.expand_once(quote(do: MM.unless_zero(n, do: :ok)), __ENV__))
    IO.inspect Macro.expand(quote(do: foo(1)), __ENV__)
    IO.inspect Macro.expand(quote(do: String), __ENV__)
    IO.inspect Macro.expand(quote(do: Baz), __ENV__)
    IO.inspect Macro.expand(quote(do: Baz.Qux), __ENV__)
    IO.inspect Macro.expand({:__aliases__, [], [:Baz]}, __ENV__)
    IO.inspect Macro.expand(quote(do: __MODULE__), __ENV__)
    IO.inspect Macro.expand(quote(do: Enum.map(1, 2)), __ENV__)
    IO.puts Macro.to_string(Macro.expand(quote(do: MM.double(MM.double(1))), __ENV__))
  end
end

UseMM.run()
