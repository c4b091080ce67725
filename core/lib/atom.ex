defmodule Atom do
  # Atoms, on top of the :erlang conversion BIFs.

  def to_string(atom), do: :erlang.atom_to_binary(atom, :utf8)

  def to_charlist(atom), do: :erlang.atom_to_list(atom)

  def to_char_list(atom), do: :erlang.atom_to_list(atom)
end
