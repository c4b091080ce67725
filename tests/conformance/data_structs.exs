defmodule User do
  defstruct name: "anon", age: 0, tags: []
end

defmodule Point do
  defstruct [:x, :y]
end

defmodule Account do
  @enforce_keys [:id]
  defstruct [:id, balance: 0, owner: nil]
end

defmodule Geo do
  def dist(%Point{x: x1, y: y1}, %Point{x: x2, y: y2}), do: abs(x1 - x2) + abs(y1 - y2)
  def name(%User{name: n}) when is_binary(n), do: n
end

# Structs defined in this file can only be built inside a module compiled later.
defmodule Demo do
  def run do
    u = %User{}
    IO.inspect(u)
    IO.inspect(%User{name: "Ann", age: 30})
    IO.inspect(%Point{})
    IO.inspect(%Point{x: 1, y: 2})
    IO.inspect(%Account{id: 7})
    IO.inspect(u.name)
    u2 = %{u | age: 41}
    IO.inspect(u2)
    u3 = %User{u2 | name: "Bob", tags: [:admin]}
    IO.inspect(u3)
    %User{name: name} = u3
    IO.inspect(name)
    IO.inspect(match?(%User{}, u3))
    IO.inspect(match?(%Point{}, u3))
    IO.inspect(match?(%{name: _}, u3))
    IO.inspect(is_map(u3))
    IO.inspect(u3.__struct__)
    IO.inspect(Map.keys(%Point{}))
    IO.inspect(Map.from_struct(%Point{x: 1, y: 2}))
    IO.inspect(struct(Point, x: 5))
    IO.inspect(struct(Point, %{y: 6, z: 7}))
    IO.inspect(Map.put(%Point{x: 1}, :x, 9))
    IO.inspect(%Point{x: 1} == %Point{x: 1})
    IO.inspect(%Point{x: 1} == %{__struct__: Point, x: 1, y: nil})
    IO.inspect(%{__struct__: Point, x: 3, y: 4})
    IO.inspect(Map.delete(%Point{x: 1, y: 2}, :y))
    IO.inspect(%{Map.from_struct(u) | name: "plain"})
    IO.inspect([%Point{x: 1}, %Point{x: 2}])
    IO.inspect(%User{name: "Al"}, label: "user")
    IO.inspect(Geo.dist(%Point{x: 1, y: 1}, %Point{x: 4, y: 5}))
    IO.inspect(Geo.name(%User{name: "Zed"}))
    IO.inspect(%Account{id: 1, balance: 100}.balance)
  end
end

Demo.run()
