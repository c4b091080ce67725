# Registry's argument errors.
defmodule Try do
  def run(label, f) do
    try do
      IO.inspect(f.(), label: label)
    rescue
      e -> IO.puts(label <> ": " <> inspect(e.__struct__) <> " " <> Exception.message(e))
    end
  end
end

Try.run("unknown registry lookup", fn -> Registry.lookup(Nope, :k) end)
Try.run("unknown registry register", fn -> Registry.register(Nope, :k, 1) end)
Try.run("unknown registry count", fn -> Registry.count(Nope) end)
Try.run("unknown registry meta", fn -> Registry.meta(Nope, :k) end)
Try.run("missing keys", fn -> Registry.start_link(name: X) end)
Try.run("bad keys", fn -> Registry.start_link(keys: :many, name: X) end)
Try.run("missing name", fn -> Registry.start_link(keys: :unique) end)
Try.run("bad name", fn -> Registry.start_link(keys: :unique, name: "x") end)
Try.run("bad partitions", fn -> Registry.start_link(keys: :unique, name: X, partitions: 0) end)
Try.run("bad meta", fn -> Registry.start_link(keys: :unique, name: X, meta: :nope) end)
{:ok, _} = Registry.start_link(keys: :duplicate, name: D)
Try.run("update_value on duplicate", fn -> Registry.update_value(D, :k, & &1) end)
Try.run("via on duplicate", fn -> Registry.whereis_name({D, :k}) end)
Try.run("bad select spec", fn -> Registry.select(D, [{:bad}]) end)
Try.run("child_spec", fn -> Registry.child_spec(keys: :unique, name: Y) end)
