# String.match?, String.split, String.replace and =~ taking a regex.
IO.inspect Regex.escape("a.b*c")
IO.inspect String.match?("hello", ~r/ell/)
IO.inspect String.split("a1b2c3", ~r/\d/)
IO.inspect String.split("a1b2c3", ~r/\d/, trim: true)
IO.inspect String.replace("a1b2", ~r/\d/, "_")
IO.inspect String.split("k1=v1; k2=v2", ~r/;\s*/) |> Enum.map(&String.split(&1, "="))
IO.inspect String.replace("Hello World", ~r/o/, "0", global: false)
IO.inspect String.replace("price: 10 USD", ~r/(\d+)/, fn n -> Integer.to_string(String.to_integer(n) * 2) end)
IO.inspect "ERROR: disk full" =~ ~r/^error/i
IO.inspect Enum.filter(["a1", "bb", "c3"], &(&1 =~ ~r/\d/))
