defmodule Greeter do
  @moduledoc "Greets people."

  @doc "Says hello to `name`."
  def hello(name), do: "Hello, " <> name
end

defmodule Farewell do
  def bye(name), do: "Bye, " <> name
end

IO.puts("greeter.ex compiled")
