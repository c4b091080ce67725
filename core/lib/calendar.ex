# Calendar.ISO's arithmetic, shared by Date, Time, NaiveDateTime and
# DateTime: proleptic Gregorian days counted from 0000-01-01, and the
# ISO 8601 text of each type.
defmodule Calendar.ISO do
  @moduledoc false

  def leap_year?(y), do: rem(y, 4) == 0 and (rem(y, 100) != 0 or rem(y, 400) == 0)

  # compare/2 of Date, Time and NaiveDateTime, on their day or microsecond counts
  def compare_counts(x, x), do: :eq
  def compare_counts(x, y) when x < y, do: :lt
  def compare_counts(_x, _y), do: :gt

  def days_in_month(y, 2), do: if(leap_year?(y), do: 29, else: 28)
  def days_in_month(_y, m) when m in [4, 6, 9, 11], do: 30
  def days_in_month(_y, _m), do: 31

  def valid_date?(y, m, d), do: is_integer(y) and m in 1..12 and is_integer(d) and d >= 1 and d <= days_in_month(y, m)

  def valid_time?(h, mi, s, {us, p}), do: h in 0..23 and mi in 0..59 and s in 0..59 and us in 0..999_999 and p in 0..6

  # (Elixir 1.14's add/3 keeps the precision of what it adds to.)

  # Days since 0000-01-01 (Howard Hinnant's days_from_civil, shifted).
  def date_to_days(y, m, d) do
    y = if m <= 2, do: y - 1, else: y
    era = div(if(y >= 0, do: y, else: y - 399), 400)
    yoe = y - era * 400
    mp = rem(m + 9, 12)
    doy = div(153 * mp + 2, 5) + d - 1
    doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy
    era * 146_097 + doe + 60
  end

  # {year, month, day} of a count of days since 1970-01-01 (Logger's and
  # :sys's timestamps).
  def unix_days_to_date(days), do: days_to_date(days + 719_528)

  def days_to_date(days) do
    z = days - 60
    era = div(if(z >= 0, do: z, else: z - 146_096), 146_097)
    doe = z - era * 146_097
    yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146_096), 365)
    y = yoe + era * 400
    doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100))
    mp = div(5 * doy + 2, 153)
    d = doy - div(153 * mp + 2, 5) + 1
    m = if mp < 10, do: mp + 3, else: mp - 9
    {if(m <= 2, do: y + 1, else: y), m, d}
  end

  def pad(n, width) do
    s = Integer.to_string(abs(n))
    s = String.duplicate("0", max(width - byte_size(s), 0)) <> s
    if n < 0, do: "-" <> s, else: s
  end

  def date_string(y, m, d), do: pad(y, 4) <> "-" <> pad(m, 2) <> "-" <> pad(d, 2)

  def time_string(h, mi, s, {_us, 0}), do: pad(h, 2) <> ":" <> pad(mi, 2) <> ":" <> pad(s, 2)

  def time_string(h, mi, s, {us, p}),
    do: time_string(h, mi, s, {us, 0}) <> "." <> binary_part(pad(us, 6), 0, p)

  # Parses "YYYY-MM-DD"; answers {y, m, d, rest} or :error.
  def parse_date(<<y::binary-size(4), ?-, m::binary-size(2), ?-, d::binary-size(2), rest::binary>>) do
    with {y, ""} <- Integer.parse(y), {m, ""} <- Integer.parse(m), {d, ""} <- Integer.parse(d) do
      {y, m, d, rest}
    else
      _ -> :error
    end
  end

  def parse_date("-" <> rest) do
    case parse_date(rest) do
      {y, m, d, rest} when y > 0 -> {-y, m, d, rest}
      _ -> :error
    end
  end

  def parse_date(_), do: :error

  # Parses "HH:MM:SS[.ffffff]"; answers {h, mi, s, {us, p}, rest} or :error.
  def parse_time(<<h::binary-size(2), ?:, mi::binary-size(2), ?:, s::binary-size(2), rest::binary>>) do
    with {h, ""} <- Integer.parse(h), {mi, ""} <- Integer.parse(mi), {s, ""} <- Integer.parse(s) do
      {us, rest} = parse_fraction(rest)
      {h, mi, s, us, rest}
    else
      _ -> :error
    end
  end

  def parse_time(_), do: :error

  defp parse_fraction(<<?., rest::binary>>) do
    {digits, rest} = take_digits(rest, "")
    p = min(byte_size(digits), 6)
    us = String.to_integer(binary_part(digits <> "000000", 0, 6))
    {{us, p}, rest}
  end

  defp parse_fraction(rest), do: {{0, 0}, rest}

  defp take_digits(<<c, rest::binary>>, acc) when c in ?0..?9, do: take_digits(rest, acc <> <<c>>)
  defp take_digits(rest, acc), do: {acc, rest}

  def unit_to_us(:second), do: 1_000_000
  def unit_to_us(:millisecond), do: 1000
  def unit_to_us(:microsecond), do: 1
  def unit_to_us(:minute), do: 60_000_000
  def unit_to_us(:hour), do: 3_600_000_000
  def unit_to_us(:day), do: 86_400_000_000

  def unit_precision(:second), do: 0
  def unit_precision(:millisecond), do: 3
  def unit_precision(_), do: 6
end

defmodule Date do
  defstruct [:year, :month, :day, calendar: Calendar.ISO]

  def new(y, m, d, _calendar \\ Calendar.ISO) do
    if Calendar.ISO.valid_date?(y, m, d), do: {:ok, %Date{year: y, month: m, day: d}}, else: {:error, :invalid_date}
  end

  def new!(y, m, d) do
    case new(y, m, d) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot build date, reason: #{inspect(reason)}"
    end
  end

  def from_iso8601(string) do
    case Calendar.ISO.parse_date(string) do
      {y, m, d, ""} -> new(y, m, d)
      _ -> {:error, :invalid_format}
    end
  end

  def from_iso8601!(string) do
    case from_iso8601(string) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as date, reason: #{inspect(reason)}"
    end
  end

  def to_iso8601(%{year: y, month: m, day: d}), do: Calendar.ISO.date_string(y, m, d)
  def to_string(%{year: y, month: m, day: d}), do: Calendar.ISO.date_string(y, m, d)
  def to_erl(%{year: y, month: m, day: d}), do: {y, m, d}
  def from_erl({y, m, d}), do: new(y, m, d)
  def from_erl!(erl), do: elem(from_erl(erl), 1)

  def utc_today, do: DateTime.to_date(DateTime.utc_now())

  def leap_year?(%{year: y}), do: Calendar.ISO.leap_year?(y)
  def days_in_month(%{year: y, month: m}), do: Calendar.ISO.days_in_month(y, m)

  def to_days(%{year: y, month: m, day: d}), do: Calendar.ISO.date_to_days(y, m, d)

  defp from_days(days) do
    {y, m, d} = Calendar.ISO.days_to_date(days)
    %Date{year: y, month: m, day: d}
  end

  def add(date, days) when is_integer(days), do: from_days(to_days(date) + days)
  def diff(a, b), do: to_days(a) - to_days(b)

  def compare(a, b), do: Calendar.ISO.compare_counts(to_days(a), to_days(b))

  def before?(a, b), do: compare(a, b) == :lt
  def after?(a, b), do: compare(a, b) == :gt

  # Monday is 1, as ISO counts.
  def day_of_week(date), do: rem(to_days(date) + 5, 7) + 1
  def day_of_year(%{year: y} = date), do: to_days(date) - Calendar.ISO.date_to_days(y, 1, 1) + 1
  def beginning_of_month(%{year: y, month: m}), do: %Date{year: y, month: m, day: 1}
  def end_of_month(%{year: y, month: m}), do: %Date{year: y, month: m, day: Calendar.ISO.days_in_month(y, m)}

  def range(%{} = first, %{} = last) do
    step = if compare(first, last) == :gt, do: -1, else: 1
    range(first, last, step)
  end

  def range(%{} = first, %{} = last, step) when is_integer(step) and step != 0 do
    %Date.Range{first: first, last: last, first_in_iso_days: to_days(first), last_in_iso_days: to_days(last), step: step}
  end

  def range(first, last, step) do
    raise ArgumentError,
          "both dates must have matching calendar and the step must be a non-zero integer, " <>
            "got: #{inspect(first)}, #{inspect(last)}, #{inspect(step)}"
  end

  def new!(y, m, d, _calendar), do: new!(y, m, d)
  def from_erl(erl, _calendar), do: from_erl(erl)
  def from_erl!(erl, _calendar), do: from_erl!(erl)
  def from_iso8601(string, _calendar), do: from_iso8601(string)
  def from_iso8601!(string, _calendar), do: from_iso8601!(string)
  def to_iso8601(date, :extended), do: to_iso8601(date)

  def to_iso8601(%{year: y, month: m, day: d}, :basic),
    do: Calendar.ISO.pad(y, 4) <> Calendar.ISO.pad(m, 2) <> Calendar.ISO.pad(d, 2)

  def utc_today(_calendar), do: utc_today()
  def convert(%{calendar: Calendar.ISO} = date, Calendar.ISO), do: {:ok, date}
  def convert!(%{calendar: Calendar.ISO} = date, Calendar.ISO), do: date
  def to_gregorian_days(date), do: to_days(date)
  def from_gregorian_days(days, _calendar \\ Calendar.ISO) when is_integer(days), do: from_days(days)
  def months_in_year(_date), do: 12
  def quarter_of_year(%{month: m}), do: div(m - 1, 3) + 1
  def year_of_era(%{year: y}) when y > 0, do: {y, 1}
  def year_of_era(%{year: y}), do: {1 - y, 0}

  # days of the era: from 0001-01-01 on (CE), or back from 0000-12-31 (BCE)
  def day_of_era(%{year: y} = date) when y > 0, do: {to_days(date) - 365, 1}
  def day_of_era(date), do: {366 - to_days(date), 0}

  @weekdays [monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7]

  def day_of_week(date, :default), do: day_of_week(date)

  def day_of_week(date, starting_on) when is_atom(starting_on),
    do: rem(day_of_week(date) - Keyword.fetch!(@weekdays, starting_on) + 7, 7) + 1

  def beginning_of_week(date, starting_on \\ :default), do: add(date, 1 - day_of_week(date, starting_on))
  def end_of_week(date, starting_on \\ :default), do: add(date, 7 - day_of_week(date, starting_on))
end

defmodule Time do
  defstruct [:hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  def new(h, mi, s, us \\ {0, 0}, _calendar \\ Calendar.ISO) do
    us = if is_integer(us), do: {us, 6}, else: us
    if Calendar.ISO.valid_time?(h, mi, s, us),
      do: {:ok, %Time{hour: h, minute: mi, second: s, microsecond: us}},
      else: {:error, :invalid_time}
  end

  def new!(h, mi, s, us \\ {0, 0}) do
    case new(h, mi, s, us) do
      {:ok, t} -> t
      {:error, reason} -> raise ArgumentError, "cannot build time, reason: #{inspect(reason)}"
    end
  end

  def from_iso8601(string) do
    case Calendar.ISO.parse_time(string) do
      {h, mi, s, us, ""} -> new(h, mi, s, us)
      _ -> {:error, :invalid_format}
    end
  end

  def from_iso8601!(string) do
    case from_iso8601(string) do
      {:ok, t} -> t
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as time, reason: #{inspect(reason)}"
    end
  end

  def to_string(%{hour: h, minute: mi, second: s, microsecond: us}), do: Calendar.ISO.time_string(h, mi, s, us)
  def to_iso8601(time), do: to_string(time)
  def to_erl(%{hour: h, minute: mi, second: s}), do: {h, mi, s}
  def utc_now, do: DateTime.to_time(DateTime.utc_now())

  def to_us(%{hour: h, minute: mi, second: s, microsecond: {us, _}}), do: ((h * 60 + mi) * 60 + s) * 1_000_000 + us

  def from_us(total, p) do
    total = Integer.mod(total, 86_400_000_000)
    secs = div(total, 1_000_000)
    %Time{hour: div(secs, 3600), minute: rem(div(secs, 60), 60), second: rem(secs, 60), microsecond: {rem(total, 1_000_000), p}}
  end

  def add(%{microsecond: {_, p}} = time, amount, unit \\ :second) do
    from_us(to_us(time) + amount * Calendar.ISO.unit_to_us(unit), p)
  end

  def diff(a, b, unit \\ :second), do: div(to_us(a) - to_us(b), Calendar.ISO.unit_to_us(unit))

  def compare(a, b), do: Calendar.ISO.compare_counts(to_us(a), to_us(b))

  def truncate(%{microsecond: {us, p}} = t, unit) do
    np = min(p, Calendar.ISO.unit_precision(unit))
    %{t | microsecond: {truncate_us(us, np), np}}
  end

  def truncate_us(us, p), do: us - rem(us, Calendar.ISO.unit_to_us(:microsecond) * pow10(6 - p))

  defp pow10(0), do: 1
  defp pow10(n), do: 10 * pow10(n - 1)

  def new!(h, mi, s, us, _calendar), do: new!(h, mi, s, us)
  def from_erl({h, mi, s}, us \\ {0, 0}, _calendar \\ Calendar.ISO), do: new(h, mi, s, us)

  def from_erl!(erl, us \\ {0, 0}, calendar \\ Calendar.ISO) do
    case from_erl(erl, us, calendar) do
      {:ok, t} -> t
      {:error, reason} -> raise ArgumentError, "cannot convert #{inspect(erl)} to time, reason: #{inspect(reason)}"
    end
  end

  def from_seconds_after_midnight(seconds, us \\ {0, 0}, _calendar \\ Calendar.ISO) when is_integer(seconds) do
    s = Integer.mod(seconds, 86_400)
    %Time{hour: div(s, 3600), minute: div(rem(s, 3600), 60), second: rem(s, 60), microsecond: us}
  end

  def to_seconds_after_midnight(%{hour: h, minute: mi, second: s, microsecond: {us, _}}), do: {(h * 60 + mi) * 60 + s, us}
  def to_iso8601(time, :extended), do: to_iso8601(time)
  def to_iso8601(time, :basic), do: String.replace(to_iso8601(time), ":", "")
  def utc_now(_calendar), do: utc_now()
  def convert(%{calendar: Calendar.ISO} = time, Calendar.ISO), do: {:ok, time}
  def convert!(%{calendar: Calendar.ISO} = time, Calendar.ISO), do: time
  def from_iso8601(string, _calendar), do: from_iso8601(string)
  def from_iso8601!(string, _calendar), do: from_iso8601!(string)
end

defmodule NaiveDateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  def new(y, m, d, h, mi, s, us \\ {0, 0}) do
    us = if is_integer(us), do: {us, 6}, else: us
    if Calendar.ISO.valid_date?(y, m, d) and Calendar.ISO.valid_time?(h, mi, s, us),
      do: {:ok, %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}},
      else: {:error, :invalid_date}
  end

  def new(%{year: y, month: m, day: d}, %{hour: h, minute: mi, second: s, microsecond: us}), do: new(y, m, d, h, mi, s, us)

  def new!(y, m, d, h, mi, s, us \\ {0, 0}) do
    case new(y, m, d, h, mi, s, us) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  # an offset after the time is read and left out, as Elixir does
  defp naive_zone?(""), do: true
  defp naive_zone?("Z"), do: true
  defp naive_zone?(<<sign, h1, h2, ?:, m1, m2>>) when sign in [?+, ?-], do: Enum.all?([h1, h2, m1, m2], &(&1 in ?0..?9))
  defp naive_zone?(_), do: false

  def from_iso8601(string) do
    with {y, m, d, <<sep, rest::binary>>} when sep in [?T, ?\s] <- Calendar.ISO.parse_date(string),
         {h, mi, s, us, zone} <- Calendar.ISO.parse_time(rest),
         true <- naive_zone?(zone) do
      new(y, m, d, h, mi, s, us)
    else
      _ -> {:error, :invalid_format}
    end
  end

  def from_iso8601!(string) do
    case from_iso8601(string) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as naive datetime, reason: #{inspect(reason)}"
    end
  end

  def to_string(n), do: Date.to_string(n) <> " " <> Time.to_string(n)
  def to_iso8601(n), do: Date.to_string(n) <> "T" <> Time.to_string(n)
  def to_date(%{year: y, month: m, day: d}), do: %Date{year: y, month: m, day: d}
  def to_time(%{hour: h, minute: mi, second: s, microsecond: us}), do: %Time{hour: h, minute: mi, second: s, microsecond: us}
  def to_erl(n), do: {Date.to_erl(n), Time.to_erl(n)}
  def utc_now, do: DateTime.to_naive(DateTime.utc_now())

  def to_us(n), do: Date.to_days(n) * 86_400_000_000 + Time.to_us(n)

  def from_us(total, p) do
    days = Integer.floor_div(total, 86_400_000_000)
    %{year: y, month: m, day: d} = Date.add(%Date{year: 0, month: 1, day: 1}, days)
    %{hour: h, minute: mi, second: s, microsecond: us} = Time.from_us(total - days * 86_400_000_000, p)
    %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}
  end

  def add(%{microsecond: {_, p}} = n, amount, unit \\ :second),
    do: from_us(to_us(n) + amount * Calendar.ISO.unit_to_us(unit), p)

  def diff(a, b, unit \\ :second), do: div(to_us(a) - to_us(b), Calendar.ISO.unit_to_us(unit))

  def compare(a, b), do: Calendar.ISO.compare_counts(to_us(a), to_us(b))

  def truncate(%{microsecond: {us, p}} = n, unit) do
    np = min(p, Calendar.ISO.unit_precision(unit))
    %{n | microsecond: {Time.truncate_us(us, np), np}}
  end

  def new(y, m, d, h, mi, s, us, _calendar), do: new(y, m, d, h, mi, s, us)
  def new!(y, m, d, h, mi, s, us, _calendar), do: new!(y, m, d, h, mi, s, us)

  def new!(%{} = date, %{} = time) do
    case new(date, time) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  def from_erl({{y, m, d}, {h, mi, s}}, us \\ {0, 0}, _calendar \\ Calendar.ISO), do: new(y, m, d, h, mi, s, us)

  def from_erl!(erl, us \\ {0, 0}, calendar \\ Calendar.ISO) do
    case from_erl(erl, us, calendar) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot convert #{inspect(erl)} to naive datetime, reason: #{inspect(reason)}"
    end
  end

  def from_gregorian_seconds(seconds, {us, p} \\ {0, 0}, _calendar \\ Calendar.ISO) when is_integer(seconds),
    do: from_us(seconds * 1_000_000 + us, p)

  def to_gregorian_seconds(n) do
    total = to_us(n)
    {div(total, 1_000_000), rem(total, 1_000_000)}
  end

  def local_now(_calendar \\ Calendar.ISO), do: utc_now()
  def utc_now(_calendar), do: utc_now()
  def to_iso8601(n, :extended), do: to_iso8601(n)
  def to_iso8601(n, :basic), do: Date.to_iso8601(n, :basic) <> "T" <> Time.to_iso8601(n, :basic)
  def convert(%{calendar: Calendar.ISO} = n, Calendar.ISO), do: {:ok, n}
  def convert!(%{calendar: Calendar.ISO} = n, Calendar.ISO), do: n
  def from_iso8601(string, _calendar), do: from_iso8601(string)
  def from_iso8601!(string, _calendar), do: from_iso8601!(string)
end

defmodule DateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, :time_zone, :zone_abbr, :utc_offset, :std_offset,
             microsecond: {0, 0}, calendar: Calendar.ISO]

  def utc_now(_calendar \\ Calendar.ISO), do: from_unix!(System.system_time(:microsecond), :microsecond)

  def from_naive(naive, "Etc/UTC"), do: {:ok, from_naive!(naive, "Etc/UTC")}
  def from_naive(%{} = _naive, time_zone) when is_binary(time_zone), do: {:error, :utc_only_time_zone_database}

  def from_naive!(%{} = n, "Etc/UTC") do
    %DateTime{year: n.year, month: n.month, day: n.day, hour: n.hour, minute: n.minute, second: n.second,
              microsecond: n.microsecond, time_zone: "Etc/UTC", zone_abbr: "UTC", utc_offset: 0, std_offset: 0}
  end

  def to_naive(%{} = dt) do
    %NaiveDateTime{year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: dt.second,
                   microsecond: dt.microsecond}
  end

  def to_date(dt), do: NaiveDateTime.to_date(dt)
  def to_time(dt), do: NaiveDateTime.to_time(dt)

  @unix_epoch_us 62_167_219_200_000_000

  def from_unix(value, unit \\ :second) when is_integer(value) do
    p = Calendar.ISO.unit_precision(unit)
    naive = NaiveDateTime.from_us(value * Calendar.ISO.unit_to_us(unit) + @unix_epoch_us, p)
    {:ok, from_naive!(naive, "Etc/UTC")}
  end

  def from_unix!(value, unit \\ :second), do: elem(from_unix(value, unit), 1)

  def to_unix(dt, unit \\ :second), do: div(NaiveDateTime.to_us(dt) - @unix_epoch_us, Calendar.ISO.unit_to_us(unit))

  def from_iso8601(string) do
    with {y, m, d, <<sep, rest::binary>>} when sep in [?T, ?\s] <- Calendar.ISO.parse_date(string),
         {h, mi, s, us, zone} <- Calendar.ISO.parse_time(rest),
         {:ok, offset} <- parse_offset(zone),
         {:ok, naive} <- NaiveDateTime.new(y, m, d, h, mi, s, us) do
      utc = NaiveDateTime.add(naive, -offset, :second)
      {:ok, from_naive!(%{utc | microsecond: us}, "Etc/UTC"), offset}
    else
      {:error, _} = e -> e
      _ -> {:error, :invalid_format}
    end
  end

  defp parse_offset("Z"), do: {:ok, 0}

  defp parse_offset(<<sign, h::binary-size(2), ?:, m::binary-size(2)>>) when sign in [?+, ?-] do
    secs = String.to_integer(h) * 3600 + String.to_integer(m) * 60
    {:ok, if(sign == ?-, do: -secs, else: secs)}
  end

  defp parse_offset(""), do: {:error, :missing_offset}
  defp parse_offset(_), do: {:error, :invalid_format}

  def from_iso8601!(string) do
    case from_iso8601(string) do
      {:ok, dt, _} -> dt
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as datetime, reason: #{inspect(reason)}"
    end
  end

  def to_string(dt), do: NaiveDateTime.to_string(dt) <> "Z"
  def to_iso8601(dt), do: NaiveDateTime.to_iso8601(dt) <> "Z"

  def add(dt, amount, unit \\ :second), do: from_naive!(NaiveDateTime.add(dt, amount, unit), "Etc/UTC")
  def diff(a, b, unit \\ :second), do: NaiveDateTime.diff(a, b, unit)
  def compare(a, b), do: NaiveDateTime.compare(a, b)
  def truncate(dt, unit), do: from_naive!(NaiveDateTime.truncate(dt, unit), "Etc/UTC")
  def before?(a, b), do: compare(a, b) == :lt
  def after?(a, b), do: compare(a, b) == :gt

  # Only Etc/UTC is known: Elixir's default Calendar.UTCOnlyTimeZoneDatabase.
  def add(dt, amount, unit, _time_zone_database), do: add(dt, amount, unit)

  def new(date, time, time_zone \\ "Etc/UTC", _db \\ nil)
  def new(date, time, "Etc/UTC", _db), do: {:ok, from_naive!(NaiveDateTime.new!(date, time), "Etc/UTC")}
  def new(_date, _time, _zone, _db), do: {:error, :utc_only_time_zone_database}

  def new!(date, time, time_zone \\ "Etc/UTC", db \\ nil) do
    case new(date, time, time_zone, db) do
      {:ok, dt} -> dt
      {:error, reason} ->
        raise ArgumentError, "cannot build datetime with #{inspect(date)} and #{inspect(time)}, reason: #{inspect(reason)}"
    end
  end

  def now(time_zone, _db \\ nil)
  def now("Etc/UTC", _db), do: {:ok, utc_now()}
  def now(_zone, _db), do: {:error, :utc_only_time_zone_database}

  def now!(time_zone, db \\ nil) do
    case now(time_zone, db) do
      {:ok, dt} -> dt
      {:error, reason} ->
        raise ArgumentError, "cannot get current datetime in #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  def shift_zone(dt, time_zone, _db \\ nil)
  def shift_zone(%{time_zone: "Etc/UTC"} = dt, "Etc/UTC", _db), do: {:ok, dt}
  def shift_zone(_dt, _zone, _db), do: {:error, :utc_only_time_zone_database}

  def shift_zone!(dt, time_zone, db \\ nil) do
    case shift_zone(dt, time_zone, db) do
      {:ok, shifted} -> shifted
      {:error, reason} ->
        raise ArgumentError, "cannot shift #{inspect(dt)} to #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  def from_naive(naive, time_zone, _db), do: from_naive(naive, time_zone)
  def from_naive!(naive, time_zone, _db), do: from_naive!(naive, time_zone)
  def from_unix(value, unit, _calendar), do: from_unix(value, unit)
  def from_unix!(value, unit, _calendar), do: from_unix!(value, unit)
  def to_iso8601(dt, :extended), do: to_iso8601(dt)
  def to_iso8601(dt, :basic), do: NaiveDateTime.to_iso8601(dt, :basic) <> "Z"
  def to_gregorian_seconds(dt), do: NaiveDateTime.to_gregorian_seconds(dt)

  def from_gregorian_seconds(seconds, us \\ {0, 0}, calendar \\ Calendar.ISO),
    do: from_naive!(NaiveDateTime.from_gregorian_seconds(seconds, us, calendar), "Etc/UTC")

  def from_iso8601(string, _calendar_or_format), do: from_iso8601(string)
  def convert(%{calendar: Calendar.ISO} = dt, Calendar.ISO), do: {:ok, dt}
  def convert!(%{calendar: Calendar.ISO} = dt, Calendar.ISO), do: dt
end

defmodule Calendar do
  @doc false
  # ~D, ~T, ~N and ~U (compile_sigil): the struct the text stands for, or
  # the error the sigil raises.
  def __sigil__(kind, string) do
    {module, label} =
      case kind do
        :D -> {Date, "Date"}
        :T -> {Time, "Time"}
        :N -> {NaiveDateTime, "NaiveDateTime"}
        :U -> {DateTime, "UTC DateTime"}
      end

    case module.from_iso8601(string) do
      {:ok, value} -> value
      {:ok, value, 0} -> value
      {:ok, _value, _offset} -> sigil_error(string, label, :non_utc_offset)
      {:error, reason} -> sigil_error(string, label, reason)
    end
  end

  defp sigil_error(string, label, reason),
    do: raise(ArgumentError, "cannot parse #{inspect(string)} as #{label} for Calendar.ISO, reason: #{inspect(reason)}")

  def get_time_zone_database, do: Calendar.UTCOnlyTimeZoneDatabase
  def put_time_zone_database(_database), do: :ok
  def compatible_calendars?(Calendar.ISO, Calendar.ISO), do: true
  def compatible_calendars?(_, _), do: false
  def truncate(microsecond, :microsecond), do: microsecond
  def truncate({us, p}, :millisecond), do: {div(us, 1000) * 1000, min(p, 3)}
  def truncate(_microsecond, :second), do: {0, 0}
  # Calendar.strftime/2,3 for the ISO calendar: the common directives
  # (%Y %y %m %d %H %I %M %S %f %p %P %j %u %a %A %b %B %z %Z %%), with
  # the "-" (no padding), "_" (spaces) and "0" modifiers and a width.
  @days ~w(Monday Tuesday Wednesday Thursday Friday Saturday Sunday)
  @months ~w(January February March April May June July August September October November December)

  def strftime(value, format, _opts \\ []) do
    format |> IO.chardata_to_string() |> directives(value, []) |> IO.iodata_to_binary()
  end

  defp directives("", _value, acc), do: :lists.reverse(acc)

  defp directives("%" <> rest, value, acc) do
    {pad, rest} =
      case rest do
        "-" <> r -> {:none, r}
        "_" <> r -> {" ", r}
        "0" <> r -> {"0", r}
        r -> {nil, r}
      end

    {width, rest} =
      case Integer.parse(rest) do
        {w, r} -> {w, r}
        :error -> {nil, rest}
      end

    <<letter::utf8, rest::binary>> = rest
    directives(rest, value, [directive(letter, value, pad, width) | acc])
  end

  defp directives(<<c::utf8, rest::binary>>, value, acc), do: directives(rest, value, [<<c::utf8>> | acc])

  defp directive(?%, _v, _pad, _w), do: "%"
  defp directive(?Y, v, pad, w), do: padded(v.year, pad || "0", w || 4)
  defp directive(?y, v, pad, w), do: padded(rem(v.year, 100), pad || "0", w || 2)
  defp directive(?m, v, pad, w), do: padded(v.month, pad || "0", w || 2)
  defp directive(?d, v, pad, w), do: padded(v.day, pad || "0", w || 2)
  defp directive(?H, v, pad, w), do: padded(v.hour, pad || "0", w || 2)
  defp directive(?I, v, pad, w), do: padded(rem(v.hour + 11, 12) + 1, pad || "0", w || 2)
  defp directive(?M, v, pad, w), do: padded(v.minute, pad || "0", w || 2)
  defp directive(?S, v, pad, w), do: padded(v.second, pad || "0", w || 2)
  defp directive(?p, v, _pad, _w), do: if(v.hour < 12, do: "AM", else: "PM")
  defp directive(?P, v, _pad, _w), do: if(v.hour < 12, do: "am", else: "pm")
  defp directive(?j, v, pad, w), do: padded(Date.day_of_year(Date.new!(v.year, v.month, v.day)), pad || "0", w || 3)
  defp directive(?u, v, _pad, _w), do: Integer.to_string(Date.day_of_week(Date.new!(v.year, v.month, v.day)))
  defp directive(?a, v, _pad, _w), do: String.slice(day_name(v), 0, 3)
  defp directive(?A, v, _pad, _w), do: day_name(v)
  defp directive(?b, v, _pad, _w), do: String.slice(Enum.at(@months, v.month - 1), 0, 3)
  defp directive(?B, v, _pad, _w), do: Enum.at(@months, v.month - 1)
  defp directive(?z, v, _pad, _w), do: if(Map.get(v, :utc_offset, 0) == 0, do: "+0000", else: offset(v))
  defp directive(?Z, v, _pad, _w), do: Map.get(v, :zone_abbr, "")

  defp directive(?f, v, pad, w) do
    {us, precision} = v.microsecond
    text = us |> Integer.to_string() |> String.pad_leading(6, "0") |> binary_part(0, precision)
    if w && pad != :none, do: String.pad_leading(text, w, pad || "0"), else: text
  end

  defp directive(letter, _v, _pad, _w), do: raise(ArgumentError, "invalid strftime format: %" <> <<letter::utf8>>)

  defp day_name(v), do: Enum.at(@days, Date.day_of_week(Date.new!(v.year, v.month, v.day)) - 1)

  defp offset(v) do
    total = v.utc_offset + v.std_offset
    sign = if total < 0, do: "-", else: "+"
    total = abs(total)
    sign <> padded(div(total, 3600), "0", 2) <> padded(rem(div(total, 60), 60), "0", 2)
  end

  defp padded(n, :none, _width), do: Integer.to_string(n)
  defp padded(n, pad, width), do: String.pad_leading(Integer.to_string(n), width, pad)
end

defmodule Date.Range do
  # Date.range/2,3: dates first..last by step days, walked by their ISO day
  # numbers. C shows it as Date.range(first, last[, step]).
  defstruct [:first, :last, :first_in_iso_days, :last_in_iso_days, :step]
end

defmodule Enumerable.Date.Range do
  def reduce(%Date.Range{first_in_iso_days: a, last_in_iso_days: b, step: step}, acc, fun) do
    days = if (step > 0 and a > b) or (step < 0 and a < b), do: [], else: Enum.to_list(a..b//step)
    Enumerable.reduce(days, acc, fn day, acc -> fun.(Date.from_gregorian_days(day), acc) end)
  end

  def count(%Date.Range{first_in_iso_days: a, last_in_iso_days: b, step: step}),
    do: {:ok, if((step > 0 and a > b) or (step < 0 and a < b), do: 0, else: div(b - a, step) + 1)}

  def member?(%Date.Range{first_in_iso_days: a, last_in_iso_days: b, step: step}, %Date{} = date) do
    day = Date.to_gregorian_days(date)
    {lo, hi} = if step > 0, do: {a, b}, else: {b, a}
    {:ok, day >= lo and day <= hi and rem(day - a, step) == 0}
  end

  def member?(_range, _other), do: {:ok, false}
  def slice(_range), do: {:error, __MODULE__}
  def __impl__(:for), do: Date.Range
  def __impl__(:protocol), do: Enumerable
end
