defmodule Foo.Bar do
  @moduledoc """
  Docs.
  """
  use GenServer
  require Logger
  import Enum, only: [map: 2]
  alias Foo.Baz, as: B

  defstruct [:a, b: 1]

  @spec start_link(keyword()) :: GenServer.on_start()
  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  end

  def foo(x), do: x
  defp bar(x) when is_list(x), do: Enum.map(x, &(&1 * 2))
  defmacro baz(ast) do
    quote do
      unquote(ast) + 1
    end
  end

  @impl true
  def handle_call(:pop, _from, [head | tail]), do: {:reply, head, tail}
  def handle_call({:push, x}, _from, state) do
    {:reply, :ok, [x | state]}
  end
end
