# A user's Inspect reads custom_options and the other fields of the
# options it is given, through inspect/2, IO.inspect and to_doc.
defmodule Temperature do
  defstruct [:kelvin]

  defimpl Inspect do
    def inspect(%Temperature{kelvin: k}, opts) do
      case Keyword.get(opts.custom_options, :unit, :kelvin) do
        :celsius -> "#Temperature<#{Float.round(k - 273.15, 1)} °C>"
        :kelvin -> "#Temperature<#{k} K>"
      end
      |> Inspect.Algebra.color(:number, opts)
    end
  end
end

defmodule Main do
  def run do
    t = struct(Temperature, kelvin: 300.0)
    IO.inspect(t)
    IO.inspect(t, custom_options: [unit: :celsius])
    IO.puts(inspect([t, t], custom_options: [unit: :celsius]))
    IO.inspect(%{now: t}, custom_options: [unit: :kelvin], label: "map")
    IO.inspect(t, syntax_colors: [number: :red])
    IO.puts(inspect(t, syntax_colors: [number: :green, reset: :yellow]) |> String.replace("\e", "ESC"))
    opts = %Inspect.Opts{custom_options: [unit: :celsius]}
    IO.inspect(Inspect.Algebra.to_doc(t, opts))
    IO.inspect(Inspect.Algebra.format(Inspect.Algebra.to_doc([t], opts), 80) |> IO.iodata_to_binary())
  end
end

Main.run()
