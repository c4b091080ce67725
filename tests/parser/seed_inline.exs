:get_state
:set_state
Counter
GenServer.call/2
GenServer.cast/2
Process.send_after/3
call
cast
handle_call/3
handle_cast/2
handle_info
handle_info/2
init/1
receive
send
spawn
start_link/1
terminate/2
{:error, reason}
{:ok, state}
{:reply, response, new_state}
