defmodule Translator do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  def translate(word), do: GenServer.call(__MODULE__, {:translate, word})
  def count, do: GenServer.call(__MODULE__, :count)

  @impl true
  def init(count), do: {:ok, count}

  @impl true
  def handle_call({:translate, word}, from, count) do
    Task.start(fn -> GenServer.reply(from, slowly_translate(word)) end)
    {:noreply, count + 1}
  end

  def handle_call(:count, _from, count), do: {:reply, count, count}

  defp slowly_translate(word) do
    Process.sleep(1000)
    String.reverse(word)
  end
end
