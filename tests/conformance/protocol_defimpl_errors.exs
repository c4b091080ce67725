# defimpl checks that what it implements is a protocol; List.Chars is one.
defmodule Version2 do
  defstruct [:major, :minor]

  defimpl List.Chars do
    def to_charlist(%{major: a, minor: b}), do: ~c"v#{a}.#{b}"
  end
end

defmodule Main do
  def run do
    v = struct(Version2, major: 1, minor: 4)
    IO.inspect(to_charlist(v))
    IO.inspect(List.Chars.impl_for(v))
    IO.inspect(to_charlist(:atom))

    try do
      to_charlist({1})
    rescue
      e -> IO.puts(Exception.message(e))
    end

    Code.eval_string("defimpl Enum, for: Integer do\n def f(x), do: x\nend")
  end
end

Main.run()
