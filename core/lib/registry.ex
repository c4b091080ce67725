# Registry: a local key-value process registry on ETS, with Elixir 1.14's
# API and results. Readers (lookup, match, dispatch, via names) read the
# tables directly; writers (register, unregister) write them from the
# calling process, as in Elixir. One owner process per registry, started
# linked to the caller and registered under the registry's name, owns the
# tables, traps exits and removes the entries of every registered process
# that dies (each registering process links to it). Elixir runs the owner
# as a supervisor of partition servers; genlab always uses one partition
# (the :partitions option is checked and accepted), which changes nothing
# a program can observe. So that pids are numbered as in Elixir, the owner
# starts one idle stand-in per partition, which ends with the owner.
defmodule Registry do
  @moduledoc false

  @keys [:unique, :duplicate]
  @all_info -1
  @key_info -2

  ## Via callbacks

  def whereis_name({registry, key}), do: whereis_name(registry, key)
  def whereis_name({registry, key, _value}), do: whereis_name(registry, key)

  defp whereis_name(registry, key) do
    case key_info!(registry) do
      {:unique, _partitions, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {pid, _} -> if Process.alive?(pid), do: pid, else: :undefined
          _ -> :undefined
        end

      {kind, _, _} ->
        raise ArgumentError, ":via is not supported for #{kind} registries"
    end
  end

  def register_name({registry, key}, pid), do: register_name(registry, key, nil, pid)
  def register_name({registry, key, value}, pid), do: register_name(registry, key, value, pid)

  defp register_name(registry, key, value, pid) when pid == self() do
    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def send({registry, key}, msg) do
    case lookup(registry, key) do
      [{pid, _}] -> :erlang.send(pid, msg)
      [] -> :erlang.error(:badarg, [{registry, key}, msg])
    end
  end

  def send({registry, key, _value}, msg), do: Registry.send({registry, key}, msg)

  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  ## Starting

  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in @keys do
      raise ArgumentError,
            "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) -> name
        {:ok, other} -> raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}"
        :error -> raise ArgumentError, "expected :name option to be present"
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}"
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError,
            "expected :partitions to be a positive integer, got: #{inspect(partitions)}"
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError,
            "expected :listeners to be a list of named processes, got: #{inspect(listeners)}"
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError, "expected :compressed to be a boolean, got: #{inspect(compressed)}"
    end

    Registry.Owner.start_link(keys, name, partitions, listeners, meta, compressed)
  end

  def start_link(keys, name, options \\ []) when keys in @keys and is_atom(name) do
    start_link([keys: keys, name: name] ++ options)
  end

  def child_spec(options) do
    %{
      id: Keyword.get(options, :name, Registry),
      start: {Registry, :start_link, [options]},
      type: :supervisor
    }
  end

  ## Reading

  def lookup(registry, key) when is_atom(registry) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {_, _} = pair -> [pair]
          _ -> []
        end

      {:duplicate, _, key_ets} ->
        safe_lookup_second(key_ets, key)
    end
  end

  def match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [{:element, 2, :"$_"}]}]
    {_kind, _, key_ets} = key_info!(registry)
    :ets.select(key_ets, spec)
  end

  def keys(registry, pid) when is_atom(registry) and is_pid(pid) do
    {kind, _, _, {_owner, pid_ets}, _} = info!(registry)

    keys =
      try do
        :ets.select(pid_ets, [{{pid, :"$1", :_, :_}, [], [:"$1"]}])
      catch
        :error, :badarg -> []
      end

    keys = Enum.reverse(keys)
    if kind == :unique, do: Enum.uniq(keys), else: keys
  end

  def values(registry, key, pid) when is_atom(registry) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        case safe_lookup_second(key_ets, key) do
          {^pid, value} -> [value]
          _ -> []
        end

      {:duplicate, _, key_ets} ->
        for {^pid, value} <- safe_lookup_second(key_ets, key), do: value
    end
  end

  def count(registry) when is_atom(registry) do
    {_kind, _, key_ets} = key_info!(registry)
    safe_size(key_ets)
  end

  def count_match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do
    guards = [{:"=:=", {:element, 1, :"$_"}, {:const, key}} | guards]
    spec = [{{:_, {:_, pattern}}, guards, [true]}]
    {_kind, _, key_ets} = key_info!(registry)
    :ets.select_count(key_ets, spec)
  end

  def select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, {:select, 2})
    {_kind, _, key_ets} = key_info!(registry)
    :ets.select(key_ets, spec)
  end

  def count_select(registry, spec) when is_atom(registry) and is_list(spec) do
    spec = group_match_headers(spec, {:count_select, 2})
    {_kind, _, key_ets} = key_info!(registry)
    :ets.select_count(key_ets, spec)
  end

  defp group_match_headers(spec, {fun, arity}) do
    for part <- spec do
      case part do
        {{key, pid, value}, guards, select} ->
          {{key, {pid, value}}, guards, select}

        _ ->
          raise ArgumentError,
                "invalid match specification in Registry.#{fun}/#{arity}: #{inspect(spec)}"
      end
    end
  end

  def dispatch(registry, key, mfa_or_fun, _opts \\ [])
      when is_atom(registry) and (is_function(mfa_or_fun, 1) or tuple_size(mfa_or_fun) == 3) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        key_ets |> safe_lookup_second(key) |> List.wrap() |> apply_non_empty(mfa_or_fun)

      {:duplicate, _, key_ets} ->
        key_ets |> safe_lookup_second(key) |> apply_non_empty(mfa_or_fun)
    end

    :ok
  end

  defp apply_non_empty([], _mfa_or_fun), do: :ok
  defp apply_non_empty(entries, {module, function, args}), do: apply(module, function, [entries | args])
  defp apply_non_empty(entries, fun), do: fun.(entries)

  ## Writing

  def register(registry, key, value) when is_atom(registry) do
    self = self()
    {kind, _, key_ets, {owner, pid_ets}, listeners} = info!(registry)
    Process.link(owner)
    counter = System.unique_integer()
    true = :ets.insert(pid_ets, {self, key, key_ets, counter})

    case register_key(kind, key_ets, key, {key, {self, value}}) do
      :ok ->
        for listener <- listeners do
          :erlang.send(listener, {:register, registry, key, self, value})
        end

        {:ok, owner}

      {:error, {:already_registered, ^self}} = error ->
        true = :ets.delete_object(pid_ets, {self, key, key_ets, counter})
        error

      {:error, _} = error ->
        true = :ets.delete_object(pid_ets, {self, key, key_ets, counter})
        unlink_if_unregistered(owner, pid_ets, self)
        error
    end
  end

  defp register_key(:duplicate, key_ets, _key, entry) do
    true = :ets.insert(key_ets, entry)
    :ok
  end

  defp register_key(:unique, key_ets, key, entry) do
    if :ets.insert_new(key_ets, entry) do
      :ok
    else
      case :ets.lookup(key_ets, key) do
        [{^key, {pid, _}} = current] ->
          if Process.alive?(pid) do
            {:error, {:already_registered, pid}}
          else
            :ets.delete_object(key_ets, current)
            register_key(:unique, key_ets, key, entry)
          end

        [] ->
          register_key(:unique, key_ets, key, entry)
      end
    end
  end

  def unregister(registry, key) when is_atom(registry) do
    self = self()
    {_kind, _, key_ets, {owner, pid_ets}, listeners} = info!(registry)
    true = __unregister__(key_ets, {key, {self, :_}}, 1)
    true = __unregister__(pid_ets, {self, key, key_ets, :_}, 2)
    unlink_if_unregistered(owner, pid_ets, self)

    for listener <- listeners do
      :erlang.send(listener, {:unregister, registry, key, self})
    end

    :ok
  end

  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    self = self()
    {_kind, _, key_ets, {owner, pid_ets}, listeners} = info!(registry)
    key_guard = {:"=:=", {:element, 1, :"$_"}, {:const, key}}
    total = :ets.select_count(key_ets, [{{:_, {self, :_}}, [key_guard], [true]}])
    deleted = :ets.select_delete(key_ets, [{{:_, {self, pattern}}, [key_guard | guards], [true]}])

    cond do
      deleted == 0 ->
        :ok

      deleted == total ->
        true = __unregister__(pid_ets, {self, key, key_ets, :_}, 2)
        unlink_if_unregistered(owner, pid_ets, self)

        for listener <- listeners do
          :erlang.send(listener, {:unregister, registry, key, self})
        end

      true ->
        # Keep one pid-table entry per remaining registration.
        true = __unregister__(pid_ets, {self, key, key_ets, :_}, 2)
        counter = System.unique_integer()
        true = :ets.insert(pid_ets, List.duplicate({self, key, key_ets, counter}, total - deleted))
    end

    :ok
  end

  def update_value(registry, key, callback) when is_atom(registry) and is_function(callback, 1) do
    case key_info!(registry) do
      {:unique, _, key_ets} ->
        try do
          :ets.lookup_element(key_ets, key, 2)
        catch
          :error, :badarg -> :error
        else
          {pid, old_value} when pid == self() ->
            new_value = callback.(old_value)
            :ets.insert(key_ets, {key, {pid, new_value}})
            {new_value, old_value}

          {_, _} ->
            :error
        end

      {kind, _, _} ->
        raise ArgumentError, "Registry.update_value/3 is not supported for #{kind} registries"
    end
  end

  ## Metadata

  def meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.lookup(registry, key)
    catch
      :error, :badarg ->
        raise ArgumentError,
              "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
                "the registry is not running, possibly because its application isn't started"
    else
      [{^key, value}] -> {:ok, value}
      _ -> :error
    end
  end

  def put_meta(registry, key, value) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.insert(registry, {key, value})
      :ok
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  def delete_meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do
    try do
      :ets.delete(registry, key)
      :ok
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  ## Helpers

  defp info!(registry) do
    try do
      :ets.lookup_element(registry, @all_info, 2)
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  defp key_info!(registry) do
    try do
      :ets.lookup_element(registry, @key_info, 2)
    catch
      :error, :badarg -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
    end
  end

  defp safe_lookup_second(ets, key) do
    try do
      :ets.lookup_element(ets, key, 2)
    catch
      :error, :badarg -> []
    end
  end

  defp safe_size(ets) do
    try do
      :ets.info(ets, :size)
    catch
      :error, :badarg -> 0
    end
  end

  defp unlink_if_unregistered(owner, pid_ets, self) do
    unless :ets.member(pid_ets, self), do: Process.unlink(owner)
  end

  # Deletes the objects matching `match`; a key that is itself a match
  # variable or :_ is compared as a constant instead.
  def __unregister__(table, match, pos) do
    key = :erlang.element(pos, match)

    if is_atom(key) and reserved_atom?(Atom.to_string(key)) do
      match = :erlang.setelement(pos, match, :_)
      guard = {:"=:=", {:element, pos, :"$_"}, {:const, key}}
      :ets.select_delete(table, [{match, [guard], [true]}]) >= 0
    else
      :ets.match_delete(table, match)
    end
  end

  defp reserved_atom?("_"), do: true
  defp reserved_atom?("$" <> _), do: true
  defp reserved_atom?(_), do: false
end

defmodule Registry.Owner do
  @moduledoc false
  # The process that owns a registry's tables and cleans up after the
  # processes registered in it.

  @all_info -1
  @key_info -2

  def start_link(kind, registry, partitions, listeners, meta, compressed) do
    case Process.whereis(registry) do
      nil -> start_owner(kind, registry, partitions, listeners, meta, compressed)
      # Elixir's start finds the name taken before it starts anything
      pid -> {:error, {:already_started, pid}}
    end
  end

  defp start_owner(kind, registry, partitions, listeners, meta, compressed) do
    parent = self()
    ref = make_ref()
    pid = spawn_link(fn -> init(parent, ref, kind, registry, partitions, listeners, meta, compressed) end)

    receive do
      {^ref, :ok} ->
        {:ok, pid}

      {^ref, {:error, _} = error} ->
        receive do
          {:EXIT, ^pid, _} -> :ok
        after
          0 -> :ok
        end

        error
    end
  end

  defp init(parent, ref, kind, registry, partitions, listeners, meta, compressed) do
    case Process.whereis(registry) do
      nil ->
        Process.register(self(), registry)
        Process.flag(:trap_exit, true)
        ^registry = :ets.new(registry, [:set, :public, :named_table, read_concurrency: true])
        opts = [:public, read_concurrency: true, write_concurrency: true]
        opts = if compressed, do: [:compressed | opts], else: opts
        key_type = if kind == :unique, do: :set, else: :duplicate_bag
        key_ets = :ets.new(Module.concat(registry, "KeyPartition0"), [key_type | opts])

        pid_ets =
          :ets.new(Module.concat(registry, "PIDPartition0"), [
            :duplicate_bag,
            :public,
            read_concurrency: true,
            write_concurrency: true
          ])

        entries = [
          {@key_info, {kind, 1, key_ets}},
          {@all_info, {kind, 1, key_ets, {self(), pid_ets}, listeners}} | meta
        ]

        true = :ets.insert(registry, entries)
        owner = self()
        for _ <- 1..partitions, do: spawn(fn -> stand_in(owner) end)
        :erlang.send(parent, {ref, :ok})
        loop(parent, pid_ets)

      pid ->
        :erlang.send(parent, {ref, {:error, {:already_started, pid}}})
    end
  end

  # Where Elixir runs a partition server: waits for the owner to end.
  defp stand_in(owner) do
    ref = Process.monitor(owner)

    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end
  end

  defp loop(parent, pid_ets) do
    receive do
      {:EXIT, ^parent, reason} ->
        exit(reason)

      {:EXIT, pid, _reason} ->
        for {_pid, key, key_ets, _counter} <- :ets.take(pid_ets, pid) do
          try do
            Registry.__unregister__(key_ets, {key, {pid, :_}}, 1)
          catch
            :error, :badarg -> :badarg
          end
        end

        loop(parent, pid_ets)

      {:"$gen_call", {from, tag}, _request} ->
        :erlang.send(from, {tag, :ok})
        loop(parent, pid_ets)

      _other ->
        loop(parent, pid_ets)
    end
  end
end
