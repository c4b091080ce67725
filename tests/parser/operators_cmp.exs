a == b
a != b
a === b
a !== b
a < b and b <= c
a > b or b >= c
a =~ b
a && b || c
!a
not a
a in b
a not in b
not a in b
!a in b
