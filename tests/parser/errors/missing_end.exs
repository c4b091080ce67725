defmodule A do
  def x do
  end
