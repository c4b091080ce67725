# Macro.camelize/1 keeps an underscore before anything but a lowercase
# letter or a digit; Macro.operator?/2 knows .. (0) and ..// (3).
for s <- ["foo_bar", "API_SPEC", "API.V1", "_lead", "a__b", "x_1y", "trail_", "my_app/sub_mod", "Foo/_bar", "", "a_B", "ñ_x"] do
  IO.inspect({s, Macro.camelize(s)})
end
IO.inspect for {n, a} <- [{:.., 0}, {:..//, 3}, {:+, 1}, {:+, 2}, {:"//", 2}, {:foo, 2}, {:.., 2}], do: Macro.operator?(n, a)
