m[:k]
m["k"]
m[:a][:b]
m.k
m.k.j
m.k[:a]
@attr[:k]
foo()[:k]
%{a: 1}[:a]
[1, 2][0]
x[a: 1]
x[1,]
m[
  :k
]
1 [2]
