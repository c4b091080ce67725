# A segment specifier that is a remote call (found by fuzz_compile: it
# ended genlab with a segmentation fault).
IO.inspect(<<1::sIO.inspe1>>)
