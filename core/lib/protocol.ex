defmodule Protocol do
  # Protocol reflection, as Elixir's Protocol module answers it. Protocols
  # are never consolidated here (as with `elixir script.exs`).

  def assert_protocol!(module) do
    ensure_loaded!(module)

    try do
      module.__protocol__(:module)
    rescue
      UndefinedFunctionError -> raise ArgumentError, "#{inspect(module)} is not a protocol"
    end

    :ok
  end

  def assert_impl!(protocol, base) do
    assert_protocol!(protocol)
    impl = Module.concat(protocol, base)
    ensure_loaded!(impl)

    declared =
      try do
        impl.__impl__(:protocol)
      rescue
        UndefinedFunctionError ->
          raise ArgumentError, "#{inspect(impl)} is not an implementation of a protocol"
      end

    if declared != protocol do
      raise ArgumentError,
            "expected #{inspect(impl)} to be an implementation of #{inspect(protocol)}, got: #{inspect(declared)}"
    end

    :ok
  end

  def consolidated?(protocol), do: protocol.__protocol__(:consolidated?)

  defp ensure_loaded!(module) do
    case Code.ensure_compiled(module) do
      {:module, ^module} -> :ok
      {:error, reason} -> raise ArgumentError, "could not load module #{inspect(module)} due to reason #{inspect(reason)}"
    end
  end
end
