# Implementations defined while the program runs are found at once: after
# a failed dispatch, and when an implementation is defined again.
defprotocol Greet do
  def hello(x)
end

defmodule Main do
  def run do
    try do
      Greet.hello(:world)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    Code.eval_string("""
    defimpl Greet, for: Atom do
      def hello(a), do: "hello \#{a}"
    end
    """)

    IO.puts(Greet.hello(:world))

    Code.eval_string("""
    defimpl Greet, for: Atom do
      def hello(a), do: "hi again, \#{a}"
    end
    """)

    IO.puts(Greet.hello(:world))
    IO.inspect(Greet.impl_for(:x))
    IO.inspect(Greet.impl_for("x"))

    defmodule Late do
      defstruct [:n]
      defimpl Greet do
        def hello(%{n: n}), do: "late #{n}"
      end
    end

    IO.puts(Greet.hello(struct(Late, n: 3)))
    IO.puts(Enum.map_join([:a, struct(Late, n: 1)], " / ", &Greet.hello/1))
  end
end

Main.run()
