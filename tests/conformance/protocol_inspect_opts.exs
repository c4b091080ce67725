# A user's Inspect that follows the options: limit, pretty and width,
# container_doc with its own separator and break, nested to_doc.
defmodule Matrix do
  defstruct rows: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Matrix{rows: rows}, opts) do
      row_doc = fn row, opts -> container_doc("[", row, "]", opts, &to_doc/2, separator: ";") end
      container_doc(concat("#Matrix<", Integer.to_string(length(rows))), rows, ">", opts, row_doc, break: :strict)
    end
  end
end

defmodule Tag do
  defstruct [:name, :attrs]

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Tag{name: name, attrs: attrs}, opts) do
      attrs_doc = container_doc("(", Map.to_list(attrs), ")", opts, fn {k, v}, o -> concat([Atom.to_string(k), "=", to_doc(v, o)]) end, break: :flex)
      group(concat([string("<"), to_string(name), " ", attrs_doc, ">"]))
    end
  end
end

defmodule Main do
  def run do
    m = %Matrix{rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}
    IO.inspect(m)
    IO.inspect(m, limit: 2)
    IO.inspect(m, width: 20)
    IO.puts(inspect(m))
    IO.puts(inspect(m, pretty: true, width: 10))
    big = %Matrix{rows: for(i <- 1..6, do: Enum.to_list(i..(i + 8)))}
    IO.inspect(big)
    IO.inspect([big, big], limit: 3)
    t = %Tag{name: :div, attrs: %{class: "box", id: 7, style: String.duplicate("x", 40)}}
    IO.inspect(t)
    IO.inspect(t, width: 40)
    IO.inspect({t, %Tag{name: :br, attrs: %{}}})
    IO.inspect(%{m: %Matrix{rows: [[:a]]}}, pretty: true, width: 5)
  end
end

Main.run()
