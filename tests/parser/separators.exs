a; b; c
a
b

c
;a
a;
x = 1; y = 2
(a; b)
(a
 b)
(not x)
((a; b))
()
