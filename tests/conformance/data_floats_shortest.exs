# Floats print in the shortest form that reads back to the same value.
for f <- [0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 1.0e-7, 123456.789, 9007199254740993.0,
          4.35, 0.1 + 0.7, 3.0 * 1.1, 1.0e23, 5.0e-324 * 3, 2.0e-323, 1.0e-323,
          1.0e15 + 0.3, 999999999999999.9, 0.000001, 0.0000001, 1.0e-6, 100.0e-9,
          0.00012, 1.5e15, 9.0e15, 1.0e14 + 0.5, 0.0001, 1.2e21,
          0x10 / 3, 1 / 9, 22 / 7, 1.0e16 + 1, 12345678.9, -273.15, 6.0e-5] do
  IO.puts(inspect(f) <> "  " <> Float.to_string(f))
end
IO.inspect(:erlang.float_to_binary(0.1, [:short]))
IO.inspect(:erlang.float_to_binary(1.0e20, [:short]))
IO.inspect(:erlang.float_to_binary(2.5, decimals: 3))
IO.inspect(:erlang.float_to_binary(1.5, decimals: 0))
IO.inspect(:erlang.float_to_binary(2.5, decimals: 0))
IO.inspect(:erlang.float_to_binary(1.005, decimals: 2))
IO.inspect(:erlang.float_to_binary(-0.0, decimals: 1))
IO.inspect(:erlang.float_to_binary(1234.5, [{:decimals, 4}, :compact]))
