# A process that spins forever does not stop another one's
# Process.sleep(100) from returning: the BEAM preempts the spinner, and
# genlab's virtual clock moves with the spinner's work, so the sleeper's
# timer comes due and it runs again.
defmodule Spinner do
  def spin(n), do: spin(n + 1)
end

spinner = spawn(fn -> Spinner.spin(0) end)
t0 = System.monotonic_time(:millisecond)
Process.sleep(100)
elapsed = System.monotonic_time(:millisecond) - t0
IO.puts("slept at least 100 ms: #{elapsed >= 100}")
IO.puts("and not much longer: #{elapsed < 1000}")
IO.inspect(Process.alive?(spinner))
Process.exit(spinner, :kill)
Process.sleep(10)
IO.inspect(Process.alive?(spinner))
