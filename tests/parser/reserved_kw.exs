x.end
x.do
x.fn
x.when
[do: 1, end: 2]
foo(after: 1)
%{in: 1, and: 2}
