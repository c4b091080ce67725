# Regex.replace with backreferences and funs, Regex.split with trim, parts and captures.
r = ~r/(\d+)-(\d+)/
IO.inspect Regex.match?(~r/^H/i, "hello")
IO.inspect Regex.replace(~r/\d/, "a1b22c", "#")
IO.inspect Regex.replace(~r/(\w+)@(\w+)/, "joe@home", "\\2 at \\1")
IO.inspect Regex.replace(~r/\d+/, "a1b22c", fn m -> "<#{m}>" end)
IO.inspect Regex.replace(~r/a/, "aaa", "b", global: false)
IO.inspect Regex.split(~r/[,;]\s*/, "a, b;c,d")
IO.inspect Regex.split(~r/-/, "-a-b-", trim: true)
IO.inspect Regex.split(~r/-/, "a-b-c", parts: 2)
IO.inspect Regex.split(~r//, "abc")
