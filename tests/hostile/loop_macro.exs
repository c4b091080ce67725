# limit: 30
# expect: error while expanding macro
# A macro whose expansion never ends.
defmodule M do
  defmacro m do
    (fn loop -> loop.(loop) end).(fn loop -> loop.(loop) end)
  end
end

defmodule N do
  require M
  def f, do: M.m()
end
