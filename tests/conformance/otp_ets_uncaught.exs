# An uncaught :ets error ends the script like any ArgumentError.
t = :ets.new(:t, [:set])
IO.puts("before")
:ets.insert(t, :not_a_tuple)
IO.puts("never printed")
