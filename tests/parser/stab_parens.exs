fn (a, b) -> a end
fn () -> 1 end
fn (a) -> a end
fn (a) when a > 1 -> a end
case x do
  ({}; 1) -> 2
  (a, b) when a -> b
end
