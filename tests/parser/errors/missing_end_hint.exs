defmodule A do
  def x do

  def y do
  end
end
