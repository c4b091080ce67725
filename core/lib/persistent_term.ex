# :persistent_term: one global key-value store for the whole runtime, kept in
# a table that outlives every user process.
defmodule :persistent_term do
  @moduledoc false

  defp table, do: :genlab_support.global_table(:genlab_persistent_term)

  def put(key, value) do
    :ets.insert(table(), {key, value})
    :ok
  end

  def get(key) do
    case :ets.lookup(table(), key) do
      [{_, value}] ->
        value

      [] ->
        raise ArgumentError,
              "errors were found at the given arguments:\n\n  * 1st argument: no persistent term stored with this key\n"
    end
  end

  def get(key, default) do
    case :ets.lookup(table(), key) do
      [{_, value}] -> value
      [] -> default
    end
  end

  def get, do: :ets.tab2list(table())

  def erase(key) do
    case :ets.lookup(table(), key) do
      [_] ->
        :ets.delete(table(), key)
        true

      [] ->
        false
    end
  end

  def info, do: %{count: :ets.info(table(), :size), memory: :ets.info(table(), :memory) * 8}
end
