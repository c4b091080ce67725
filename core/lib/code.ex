defmodule Code do
  # What genlab can tell about code at run time: every module is compiled
  # when its file is loaded, so "ensure" only asks whether it exists.

  def ensure_loaded(module) when is_atom(module), do: :code.ensure_loaded(module)

  def ensure_loaded?(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} -> true
      {:error, _} -> false
    end
  end

  def ensure_loaded!(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} ->
        module

      {:error, reason} ->
        :erlang.error(
          ArgumentError.exception(
            "could not load module " <> inspect(module) <> " due to reason " <> inspect(reason)
          )
        )
    end
  end

  def ensure_compiled(module) when is_atom(module), do: :code.ensure_loaded(module)

  def ensure_compiled!(module) when is_atom(module) do
    case :code.ensure_loaded(module) do
      {:module, ^module} ->
        module

      {:error, reason} ->
        :erlang.error(
          ArgumentError.exception(
            "could not load module " <> inspect(module) <> " due to reason " <> inspect(reason)
          )
        )
    end
  end
end
