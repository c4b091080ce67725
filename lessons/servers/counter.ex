defmodule Counter do
  @moduledoc """
  A counter kept by one named process.

  The process registers itself as `Counter`, so the client functions
  need no pid: `Counter.start_link(10)` once, then `Counter.increment()`,
  `Counter.get_value()` and `Counter.reset()` from anywhere. The state is
  just the current integer.

  `increment/0` and `get_value/0` are calls: the caller waits for the
  answer. `reset/0` is a cast: it returns `:ok` at once, and the reset
  happens when the server reaches that message in its mailbox.
  """
  use GenServer

  # ---- what callers use ----

  @doc """
  Starts the counter at `initial_value` (0 when left out), registered
  under the name `Counter`. Returns `{:ok, pid}`; a second start while one
  runs answers `{:error, {:already_started, pid}}`.
  """
  def start_link(initial_value \\ 0) do
    GenServer.start_link(__MODULE__, initial_value, name: __MODULE__)
  end

  @doc "Adds one and answers the new value (a call: waits for the server)."
  def increment do
    GenServer.call(__MODULE__, :increment)
  end

  @doc "Answers the current value without changing it (a call)."
  def get_value do
    GenServer.call(__MODULE__, :get_value)
  end

  @doc "Sets the value back to 0. A cast: answers `:ok` before the server has done it."
  def reset do
    GenServer.cast(__MODULE__, :reset)
  end

  # ---- what the server process runs ----

  @impl true
  def init(initial_value) do
    {:ok, initial_value}
  end

  @impl true
  def handle_call(:increment, _from, count) do
    next = count + 1
    {:reply, next, next}
  end

  @impl true
  def handle_call(:get_value, _from, count) do
    {:reply, count, count}
  end

  @impl true
  def handle_cast(:reset, _count) do
    {:noreply, 0}
  end
end
