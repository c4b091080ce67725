if true do: 1
