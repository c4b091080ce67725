{:reply, reply_value, new_state}

{:reply, reply_value, new_state, :hibernate}

{:stop, reason, reply_value, new_state}

{:noreply, new_state}
