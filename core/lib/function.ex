defmodule Function do
  # Functions as values: information about a fun, captures, identity.

  def capture(module, function_name, arity)
      when is_atom(module) and is_atom(function_name) and is_integer(arity) and arity >= 0 and arity <= 255 do
    :erlang.make_fun(module, function_name, arity)
  end

  def info(fun), do: :erlang.fun_info(fun)

  def info(fun, item), do: :erlang.fun_info(fun, item)

  def identity(value), do: value
end
