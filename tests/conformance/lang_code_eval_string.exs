# Code.eval_string/2,3 and Code.eval_quoted/2: values, the binding that
# comes back, modules defined by evaluated code, and its errors.
defmodule Main do
  def run do
    IO.inspect(Code.eval_string("a + b", a: 1, b: 2))
    IO.inspect(Code.eval_string("c = 1", z: 0))
    IO.inspect(Code.eval_string("c = 1; a = 2", z: 0, b: 1))
    IO.inspect(Code.eval_string("z = z * 5", z: 3, b: 1))
    IO.inspect(Code.eval_string("[x | _] = [1, 2]; x + y", y: 10))
    IO.inspect(Code.eval_string(":ok"))
    IO.inspect(Code.eval_string("defmodule Ev do\n def f, do: 41\nend\nEv.f() + 1"))
    IO.inspect(Ev.f())
    IO.inspect(Code.eval_string("String.upcase(s)", [s: "hi"], file: "x.exs"))
    IO.inspect(Code.eval_string("Enum.map(list, fn x -> x * k end)", list: [1, 2, 3], k: 10))
    IO.inspect(Code.eval_string("send(self(), :hello); receive do m -> m end"))
    IO.inspect(Code.eval_quoted(quote(do: 1 + 2)))
    IO.inspect(Code.eval_quoted({:+, [], [{:x, [], nil}, 1]}, x: 41))
    {result, _} = Code.eval_string("for i <- 1..3, into: %{}, do: {i, i * i}")
    IO.inspect(result)

    try do
      Code.eval_string("undefined_var + 1")
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    try do
      Code.eval_string("raise \"boom\"")
    rescue
      e -> IO.inspect(e)
    end

    try do
      Code.eval_string("1 / n", n: 0)
    rescue
      e -> IO.inspect(e)
    end
  end
end

Main.run()
