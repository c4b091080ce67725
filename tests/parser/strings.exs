"hello"
"with \"escapes\" \n \t \r \\ \e \a \0"
"unicode é ü 😀"
"hex \x41 \u00e9 \u{1F600}"
"a#{b}c"
"#{x}"
"#{}"
"#{a; b}"
"nested #{"inner #{deep}"} done"
"multi
line"
"\#{not interpolated}"
"line continuation \
next"
