1 fn -> 1 end
