# Inspect.Algebra documents built by hand and laid out by format/2 at
# several widths: glue and nest, groups, flex breaks, forced lines,
# next_break_fits and force_unfit, strings counted in characters.
defmodule Main do
  import Inspect.Algebra

  def show(doc, widths) do
    for w <- widths do
      IO.puts("--- #{w}")
      IO.puts(IO.iodata_to_binary(format(doc, w)))
    end
  end

  def run do
    call = group(concat([
      "some_function(",
      nest(concat([break(""), glue("argument_one,", "argument_two,"), break(), "argument_three"]), 2),
      break(""),
      ")"
    ]))
    show(call, [80, 30, 10])

    words = ~w(the quick brown fox jumps over the lazy dog again and again)
    flow = fold_doc(words, &flex_glue(&1, &2))
    show(group(flow), [80, 20, 8])

    block = concat([
      "do",
      nest(concat([line(), "one", line(), "two"]), 2),
      line(),
      "end"
    ])
    show(block, [80])

    list = container_doc("[", Enum.to_list(1..12), "]", %Inspect.Opts{limit: 8}, fn i, _ -> Integer.to_string(i * 1000) end)
    show(list, [80, 25])

    kw = container_doc("%{", [a: 1, b: "two", c: [3]], "}", %Inspect.Opts{}, fn {k, v}, o -> concat([to_string(k), ": ", to_doc(v, o)]) end, break: :strict)
    show(kw, [80, 10])

    show(group(glue(string("héllo wörld"), "ünïcode")), [18, 17])
    show(group(concat(["[", next_break_fits(group(glue("first", "second"))), "]"])), [80, 10])
    show(group(glue("a", force_unfit(group(glue("b", "c"))))), [80])
    show(nest(glue(glue("x", "y"), "z"), :cursor), [1])
    show(space("left", "right"), [3])
    show(concat(["a", empty(), "b"]), [80])
  end
end

Main.run()
