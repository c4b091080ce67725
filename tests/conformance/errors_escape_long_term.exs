state = %{items: Enum.to_list(1..40), owner: "someone with a long name", tags: [:a, :b, :c]}
{:ok, _} = {:error, state}
