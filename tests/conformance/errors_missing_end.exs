defmodule Unfinished do
  def hello do
    IO.puts("hello")
  end

IO.puts("never")
