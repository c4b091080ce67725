defmodule Module do
  # Module names: splitting and concatenating aliases. Modules cannot be
  # defined or inspected at run time beyond what :erlang offers.

  def split(module) when is_atom(module), do: split(:erlang.atom_to_binary(module, :utf8), module)

  def split("Elixir." <> name), do: split_name(name, name)

  defp split("Elixir." <> name, _original) when name != "", do: split_name(name, name)

  defp split(_name, original) do
    :erlang.error(ArgumentError.exception("expected an Elixir module, got: " <> inspect(original)))
  end

  defp split_name(name, _), do: :binary.split(name, ".", [:global])

  def concat(left, right) when (is_binary(left) or is_atom(left)) and (is_binary(right) or is_atom(right)) do
    concat([left, right])
  end

  def concat(aliases) when is_list(aliases), do: :erlang.binary_to_atom(concat_binary(aliases), :utf8)

  def safe_concat(left, right) when (is_binary(left) or is_atom(left)) and (is_binary(right) or is_atom(right)) do
    safe_concat([left, right])
  end

  def safe_concat(aliases) when is_list(aliases) do
    name = concat_binary(aliases)

    try do
      :erlang.binary_to_existing_atom(name, :utf8)
    rescue
      ArgumentError ->
        :erlang.error(ArgumentError.exception(name <> " is not an existing atom"))
    end
  end

  defp concat_binary([head | tail]) when is_atom(head) and head != nil do
    concat_binary([:erlang.atom_to_binary(head, :utf8) | tail])
  end

  defp concat_binary(["Elixir." <> _ = head | tail]), do: concat_binary(tail, head)
  defp concat_binary(["Elixir" = head | tail]), do: concat_binary(tail, head)
  defp concat_binary(aliases), do: concat_binary(aliases, "Elixir")

  defp concat_binary([nil | tail], acc), do: concat_binary(tail, acc)

  defp concat_binary([head | tail], acc) when is_atom(head) do
    concat_binary(tail, acc <> "." <> partial(:erlang.atom_to_binary(head, :utf8)))
  end

  defp concat_binary([head | tail], acc) when is_binary(head) do
    concat_binary(tail, acc <> "." <> partial(head))
  end

  defp concat_binary([], acc), do: acc

  defp partial("Elixir." <> rest), do: rest
  defp partial("." <> rest), do: rest
  defp partial(other), do: other
end
