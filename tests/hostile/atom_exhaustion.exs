# limit: 30
# expect: SystemLimitError
# Creating atoms until the atom table is full raises :system_limit.
for i <- 1..2_000_000, do: String.to_atom("atom_#{i}")
