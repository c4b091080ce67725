defmodule Settings do
  @timeout 60_000
  @session_timeout 60_000  # 60 seconds
  @interval :timer.seconds(30)
  @names [:a, :b]
  @moduledoc "Holds settings."
  @doc "The timeout in ms."
  def timeout, do: @timeout
  def timeout_seconds, do: div(@session_timeout, 1000)
  def interval, do: @interval
  def names, do: @names

  @version "1.0"
  def version, do: @version
  @version "2.0"
  def version2, do: @version

  @map %{k: 1}
  def map_k, do: @map.k

  @computed Enum.sum([1, 2, 3])
  def computed, do: @computed

  def in_guard(x) when x > @timeout, do: :above
  def in_guard(_), do: :below

  def expired?(now, last), do: now - last > div(@session_timeout, 1000)
end

IO.inspect(Settings.timeout())
IO.inspect(Settings.timeout_seconds())
IO.inspect(Settings.interval())
IO.inspect(Settings.names())
IO.inspect(Settings.version())
IO.inspect(Settings.version2())
IO.inspect(Settings.map_k())
IO.inspect(Settings.computed())
IO.inspect(Settings.in_guard(60_001))
IO.inspect(Settings.in_guard(5))
IO.inspect(Settings.expired?(1000, 900))
IO.inspect(Settings.expired?(1000, 930))
IO.inspect(:timer.seconds(5))
IO.inspect(:timer.minutes(2))
IO.inspect(:timer.hours(1))
IO.inspect(:timer.seconds(1.5))
