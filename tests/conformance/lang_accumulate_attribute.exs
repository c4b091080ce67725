# Module.register_attribute with accumulate: true collects every @value, newest first.
defmodule Plugins do
  Module.register_attribute(__MODULE__, :plugin, accumulate: true)
  @plugin :auth
  @plugin :logger
  @plugin {:cache, ttl: 10}
  def plugins, do: @plugin

  Module.register_attribute(__MODULE__, :single, [])
  @single 1
  @single 2
  def single, do: @single
  @vsn_note "x"
  def note, do: @vsn_note

  Module.register_attribute(__MODULE__, :empty, accumulate: true)
  def empty, do: @empty
end
IO.inspect Plugins.plugins()
IO.inspect Plugins.single()
IO.inspect Plugins.note()
IO.inspect Plugins.empty()

defmodule Commands do
  Module.register_attribute(__MODULE__, :command, accumulate: true)

  @command {:start, "starts the server"}
  def start, do: :started

  @command {:stop, "stops the server"}
  def stop, do: :stopped

  def help do
    for {name, text} <- Enum.reverse(@command), do: "#{name}: #{text}"
  end
end
Enum.each(Commands.help(), &IO.puts/1)
