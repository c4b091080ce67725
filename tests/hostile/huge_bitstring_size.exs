# A binary segment with an absurd size.
import Bitwise
IO.inspect(try do <<0::size(1 <<< 62)>> rescue e -> e end)
