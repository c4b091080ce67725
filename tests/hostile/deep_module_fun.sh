# limit: 20
# Source: a function body nested 100,000 deep in a module.
python3 -c 'n=100000; print("defmodule M do\n  def f(y), do: " + "[y, "*n + "y" + "]"*n + "\nend"); print("IO.puts(length(M.f(1)))")'
