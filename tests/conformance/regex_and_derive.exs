# Regex run/scan/replace/split/named captures and inspect; protocols with for: [A, B], @fallback_to_any, @derive Inspect only/except and a derived protocol.
r = ~r/(?<year>\d{4})-(?<mon>\d{2})/u
IO.inspect r
IO.inspect Regex.run(r, "on 2024-05 and 2023-01")
IO.inspect Regex.run(r, "on 2024-05", capture: :all_names)
IO.inspect Regex.scan(r, "2024-05 2023-01", capture: :all_but_first)
IO.inspect Regex.named_captures(r, "x 2024-05")
IO.inspect Regex.replace(~r/a(b)/, "abab", "[\\1]")
IO.inspect Regex.replace(~r/\d/, "a1b2", fn d -> "<#{d}>" end)
IO.inspect Regex.split(~r/[,;]\s*/, "a, b;c", parts: 2)
IO.inspect Regex.split(~r/(x)/, "axbxc", include_captures: true)
IO.inspect {Regex.match?(~r/^h/i, "Hello"), "Hello" =~ ~r/L+/i, String.match?("abc", ~r/b/)}
IO.inspect String.split("a1b22c", ~r/\d+/)
IO.inspect String.replace("hello world", ~r/o/, "0", global: false)
IO.inspect Regex.run(~r/a/, "bab", return: :index)
IO.inspect {~r/a.b/s, ~r/x/m, ~r{a/b}, ~r/\//, Regex.source(~r/x+/), Regex.opts(~r/x/im)}
IO.inspect Regex.compile("a(")
IO.inspect Regex.compile!("b+") |> Regex.match?("abbb")
IO.inspect Regex.escape("a.b*c")
IO.inspect Regex.names(r)
IO.inspect Regex.scan(~r/\w+/, "héllo wörld", return: :index)
IO.inspect Regex.replace(~r/(?<first>\w+) (?<second>\w+)/, "hello world", "\\g{second} \\g{first}")
defprotocol Size do
  @fallback_to_any true
  def size(x)
end
defimpl Size, for: [List, Tuple] do
  def size(x) when is_list(x), do: length(x)
  def size(x), do: tuple_size(x)
end
defimpl Size, for: Any do
  def size(_), do: 0
end
defmodule P1 do
  @derive {Inspect, only: [:name]}
  defstruct [:name, :secret]
end
defmodule P2 do
  @derive {Inspect, except: [:secret]}
  defstruct [:name, :secret, :age]
end
defmodule P3 do
  @derive [Size]
  defstruct [:a]
end
IO.inspect {Size.size([1, 2]), Size.size({1}), Size.size(:x), Size.size(%P3{})}
IO.inspect %P1{name: "a", secret: "s"}
IO.inspect %P2{name: "a", secret: "s", age: 3}
IO.inspect [%P1{name: "b"}], pretty: true
IO.inspect Size.impl_for(%P3{})
