# `alias __MODULE__` names the module being defined by its last segment,
# and `alias __MODULE__, as: ...` by another name.
defmodule Shop.Cart do
  alias __MODULE__
  alias __MODULE__, as: Me
  alias __MODULE__.Line
  alias Shop.{Catalog, Orders.Invoice}

  defstruct items: []

  def new, do: %Cart{}
  def names, do: {Cart, Me, Line, Catalog, Invoice}
end

IO.inspect(Shop.Cart.new())
IO.inspect(Shop.Cart.names())
