# limit: 30
# expect: the evaluation was stopped
# An endless loop in a module body itself: compile-time evaluation has a
# budget (and Ctrl-C stops it in the shell); the script ends with an error.
defmodule M do
  (fn loop -> loop.(loop) end).(fn loop -> loop.(loop) end)
  def f, do: :never
end
