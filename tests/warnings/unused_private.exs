# Private functions and macros no public definition reaches, and defaults
# no call uses: Elixir's locals tracker warns, sorted by name, before the
# @impl warnings and after the unused variables.
defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, from, [top | rest]), do: {:reply, top, rest}

  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}

  defp format_stack(items), do: Enum.join(items, ", ")
  defp log(msg), do: format_stack([msg])
end

defmodule Paths do
  def pub(x), do: a(x) + d(x, 2) + e(x, 1, 2) + cap().(1) + g(1) + via_default(x)
  defp a(x), do: x
  defp b(x), do: c(x)
  defp c(x), do: b(x)
  defp z(0), do: 0
  defp z(n), do: z(n - 1)
  defp d(x, y \\ 1), do: x + y
  defp e(x, y \\ 1, z \\ 2), do: x + y + z
  defp f(x, y \\ 1, z \\ 2), do: x + y + z
  defp g(x, y \\ 1, z \\ 2), do: x + y + z
  defp cap, do: &h/1
  defp h(x), do: x
  defmacrop m(x), do: x
  defmacrop used_m(x), do: x
  def usem, do: used_m(1)
  defp via_default(x, y \\ 1), do: helper(x + y)
  defp helper(x), do: x

  defmacro mac(x) do
    quote do: unquote(x) + mhelp()
  end

  defp mhelp, do: 1
end

defmodule Defaults do
  def pub, do: q(1) + r(1, 2) + s(1, 2, 3) + w(1, 2) + w(1, 2, 3) + cl(1, 2)
  defp q(a \\ 1, b \\ 2), do: a + b
  defp r(a, b \\ 1, c \\ 2, d \\ 3), do: a + b + c + d
  defp s(a, b \\ 1, c \\ 2, d \\ 3), do: a + b + c + d
  defp w(a, b \\ 1, c \\ 2), do: a + b + c
  defp cl(a, b \\ 2)
  defp cl(a, b), do: a + b
  defp v(x), do: x
  defp v(x, y), do: x + y
end

defmodule Guarded do
  defguardp is_tiny(x) when is_integer(x) and x < 3
  def ok?(x), do: x
end

IO.puts(Paths.pub(1))
