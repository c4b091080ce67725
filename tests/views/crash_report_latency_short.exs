# A script that ends 10 ms after a crash ends before the report shows, as
# with Elixir 1.14 (see crash_report_latency.exs).
spawn(fn -> raise "not shown" end)
Process.sleep(10)
IO.puts("done")
