:ólá
:Ólá
[ólá: 1]
ólá = 1
café(1)
x = :josé
"#{:josé}"
