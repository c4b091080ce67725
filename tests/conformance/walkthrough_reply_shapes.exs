# Callback return shapes from the call-vs-cast section, built as plain data.
defmodule Account do
  def handle_call(:get_balance, _from, state), do: {:reply, state.balance, state}

  def handle_cast({:log_event, event}, state) do
    new_events = [event | state.events]
    {:noreply, %{state | events: new_events}}
  end

  def handle_info({:DOWN, _ref, :process, _pid, _reason}, state), do: {:noreply, state}
  def handle_info(:tick, state), do: {:noreply, %{state | ticks: state.ticks + 1}}
end

state = %{balance: 250, events: [], ticks: 0}
IO.inspect(Account.handle_call(:get_balance, {:caller, :tag}, state))
{:noreply, state} = Account.handle_cast({:log_event, :login}, state)
{:noreply, state} = Account.handle_cast({:log_event, {:deposit, 50}}, state)
IO.inspect(state)
{:noreply, state} = Account.handle_info(:tick, state)
{:noreply, state} = Account.handle_info({:DOWN, :a_ref, :process, :a_pid, :normal}, state)
IO.inspect(state)
shapes = [
  {:reply, :value, state},
  {:reply, :value, state, :hibernate},
  {:stop, :normal, :value, state},
  {:noreply, state}
]
for s <- shapes, do: IO.inspect(elem(s, 0), label: "#{tuple_size(s)}-tuple")
IO.inspect(Enum.reverse(state.events))
