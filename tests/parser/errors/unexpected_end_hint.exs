defmodule A do
  def x do
    :ok
    end
  end
end
