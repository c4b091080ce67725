IO.inspe.inspect(<<1::1, 0::1, 1::sIO.inspe1>>)
IO.insIO.inspe