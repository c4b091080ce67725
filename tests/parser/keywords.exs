[a: 1]
[a: 1, b: 2]
[1, 2, a: 3]
["quoted key": 1]
["with #{x}": 1]
[do: 1, else: 2]
[if: 1, end: 2, fn: 3]
%{a: 1}
%{"a b": 1}
foo("x y": 1)
[+: 1]
[a: 1,]
[
  a: 1,
  b: 2
]
