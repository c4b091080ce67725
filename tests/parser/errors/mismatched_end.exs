foo(1 end
