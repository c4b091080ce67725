# Definitions a module body makes as it runs: unquote fragments in a for, a macro's defs, a def under if.
defmodule Gen do
  defmacro getters(fields) do
    for f <- fields do
      quote do
        def unquote(:"get_#{f}")(map), do: Map.get(map, unquote(f))
      end
    end
  end

  defmacro const(name, value) do
    quote do
      @doc "The constant #{unquote(name)}."
      def unquote(name)(), do: unquote(value)
      defp unquote(:"#{name}_private")(), do: unquote(value) * 2
      def unquote(:"#{name}_doubled")(), do: unquote(:"#{name}_private")()
    end
  end
end

defmodule Colors do
  require Gen
  Gen.getters([:red, :green])
  Gen.const(:answer, 42)

  @colors [red: 0xFF0000, green: 0x00FF00, blue: 0x0000FF]
  for {name, hex} <- @colors do
    def unquote(name)(), do: unquote(hex)
    def hex(unquote(name)), do: unquote(Integer.to_string(hex, 16))
  end
  def hex(_), do: :unknown

  for {op, fun} <- [add: :+, sub: :-] do
    def unquote(op)(a, b \\ 1), do: apply(Kernel, unquote(fun), [a, b])
  end

  for n <- 1..3, rem(n, 2) == 1 do
    def odd?(unquote(n)), do: true
  end
  def odd?(_), do: false

  if true do
    def present, do: :yes
  else
    def absent, do: :no
  end

  names = [:x, :y]
  for name <- names do
    defmacro unquote(:"m_#{name}")(), do: unquote(name)
  end

  def all, do: {red(), green(), blue()}
end

IO.inspect Colors.all()
IO.inspect {Colors.hex(:red), Colors.hex(:blue), Colors.hex(:pink)}
IO.inspect {Colors.add(5), Colors.add(5, 10), Colors.sub(5), Colors.sub(5, 10)}
IO.inspect Enum.map(0..4, &Colors.odd?/1)
IO.inspect Colors.present()
IO.inspect function_exported?(Colors, :absent, 0)
IO.inspect {Colors.get_red(%{red: 1}), Colors.get_green(%{})}
IO.inspect {Colors.answer(), Colors.answer_doubled()}
IO.inspect function_exported?(Colors, :answer_private, 0)
IO.inspect Colors.__info__(:functions)
IO.inspect {macro_exported?(Colors, :m_x, 0), macro_exported?(Colors, :m_y, 0)}
defmodule UsesColors do
  require Colors
  def xy, do: {Colors.m_x(), Colors.m_y()}
end
IO.inspect UsesColors.xy()
