# Top-level statements that do nothing, before the last: warned as the
# file expands, before it runs.
x = 1
x
5
"text"
:atom
defmodule Later do
end
x
IO.puts(x)
