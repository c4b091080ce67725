a = b = c
[h | t] = list
a <> b <> c
a ++ b -- c
1..10
1..10//2
..
a..b
x |> f() |> g(1)
x
|> f()
|> g()
a :: b
a when b
a \\ b
x <- y
^pin = 1
a ||| b
a &&& b
a <<< b
a >>> b
a ~>> b
a <<~ b
a <~> b
a ~> b
a <~ b
~~~a
a ^^^ b
a +++ b
a --- b
