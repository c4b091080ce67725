# UndefinedFunctionError's hints (added by Exception.blame/3): other arities of the name, or close
# names (Jaro similarity), five at most, in name order; a macro that needs
# a require; nothing for a module that is not available.
defmodule Shop do
  defstruct [:items]
  def start_link(opts \\ []), do: {:ok, opts}
  def get_value, do: 1
  def get_values(a), do: a
  def get_valve(a, b), do: {a, b}
  def increment, do: 1
  def increment_by(n), do: n
  def put(a, b), do: {a, b}
  def push(a, b), do: {a, b}
  def pop(a), do: a
  def peek(a), do: a
  def pep(a), do: a
  defmacro twice(x), do: quote(do: unquote(x) * 2)
  defp secret, do: :hidden
  def reveal, do: secret()
end

defmodule Show do
  def message(fun) do
    try do
      fun.()
    rescue
      e in UndefinedFunctionError ->
        # message/1 alone has no hint; blame/3, as the shell uses it, adds it
        IO.puts(Exception.message(e))
        {blamed, _} = Exception.blame(:error, e, __STACKTRACE__)
        IO.puts(Exception.message(blamed))
    end
  end
end

calls = [
  fn -> apply(Shop, :start_link, [1, 2]) end,
  fn -> apply(Shop, :get_valu, []) end,
  fn -> apply(Shop, :incremnt, []) end,
  fn -> apply(Shop, :pp, [1]) end,
  fn -> apply(Shop, :peeek, [1]) end,
  fn -> apply(Shop, :secret, []) end,
  fn -> apply(Shop, :zzz, []) end,
  fn -> apply(Shop, :twice, [2]) end,
  fn -> apply(Shop, :twice, []) end,
  fn -> apply(Shop, :__struct, []) end,
  fn -> apply(Shop, :"odd name", []) end,
  fn -> apply(Enum, :mapp, [[1], & &1]) end,
  fn -> apply(NoSuchModule, :get_value, []) end
]

Enum.each(calls, &Show.message/1)
IO.inspect(String.jaro_distance("get_valu", "get_value"))
IO.inspect(String.jaro_distance("", "abc"))
IO.inspect(String.jaro_distance("héllo", "hello"))
IO.inspect(String.jaro_distance("dwayne", "duane"))
IO.inspect(String.jaro_distance("abc", "abc"))
IO.inspect({macro_exported?(Shop, :twice, 1), macro_exported?(Shop, :twice, 2), macro_exported?(Shop, :pop, 1)})
Shop.get_valu()
