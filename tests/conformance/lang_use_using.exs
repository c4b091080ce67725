defmodule Greeting do
  defmacro __using__(opts) do
    greeting = Keyword.get(opts, :greeting, "Hello")

    quote do
      def greet(name), do: "#{unquote(greeting)}, #{name}!"
      def from_module, do: __MODULE__
      @default_name "friend"
      def greet, do: greet(@default_name)
    end
  end
end

defmodule Plain do
  defmacro __using__(_opts) do
    quote do
      import Plain
      def plain?, do: true
    end
  end

  def helper(x), do: {:helped, x}
end

defmodule English do
  use Greeting
end

defmodule French do
  use Greeting, greeting: "Bonjour"
  def extra, do: greet("Ami") <> "!"
end

defmodule UsesPlain do
  use Plain
  def run, do: helper(1)
end

defmodule Overrides do
  defmacro __using__(_) do
    quote do
      def value, do: :default
      defoverridable value: 0
    end
  end
end

defmodule Custom do
  use Overrides
  def value, do: :custom
end

IO.puts(English.greet("Ann"))
IO.puts(English.greet())
IO.inspect(English.from_module())
IO.puts(French.greet("Luc"))
IO.puts(French.extra())
IO.inspect(French.from_module())
IO.inspect(UsesPlain.plain?())
IO.inspect(UsesPlain.run())
IO.inspect(Custom.value())
