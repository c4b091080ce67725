# Regex options as :re's list (kept and shown as given), letters checked,
# and Regex.split/3's :on, :trim with :parts, and :include_captures.
IO.inspect(Regex.compile("a+", "q"))
IO.inspect(Regex.compile("a+", "imq"))
IO.inspect(Regex.compile("a+", []))
{:ok, r} = Regex.compile("b.d", [:caseless, :dotall])
IO.inspect(r)
IO.inspect(Regex.opts(r))
IO.inspect(Regex.run(r, "aB\nDe"))
IO.inspect(Regex.match?(Regex.compile!("^x", [:multiline]), "a\nx"))
IO.inspect([Regex.compile!("q\"uote", [:extended])])

try do
  Regex.compile("a", [:not_an_option])
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(Regex.split(~r/;/, ";x;;y;z", parts: 2, trim: true))
IO.inspect(Regex.split(~r/;/, ";x;;y;z;", trim: true))
IO.inspect(Regex.split(~r/;/, ";x;;y;z;", parts: 3))
IO.inspect(Regex.split(~r/(\+)|(-)/, "1+2-3", on: :all_but_first))
IO.inspect(Regex.split(~r/(\+)|(-)/, "1+2-3", on: [1], include_captures: true))
IO.inspect(Regex.split(~r/=/, "k=v", on: :none))
IO.inspect(Regex.split(~r/z*/, "azbz", trim: true))
IO.inspect(Regex.split(~r/\[(?<inner>\w+)\]/, "x[ab]y[cd]", on: [:inner]))
IO.inspect(Regex.split(~r/\[(?<inner>\w+)\]/, "x[ab]y[cd]", on: :all_names, include_captures: true, trim: true))
IO.inspect(Regex.split(~r/(?<sep>,)/, ",a,b", on: [:sep], include_captures: true, trim: true))
