a = b || c && d == e < f |> g in h + i * j ** k
x = y when z
def f(x) when x > 0 and is_integer(x), do: x
a | b :: c
&(&1 + &2)
&+/2
&Kernel.+/2
&foo/1
&Mod.fun/3
& &1
&{&1, &2}
& &1.name
&1
