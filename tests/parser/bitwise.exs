use Bitwise
a &&& b
a ||| b
a ^^^ b
~~~a
a <<< 2
a >>> 2
band(a, b)
