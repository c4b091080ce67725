# Calendar.ISO's arithmetic, shared by Date, Time, NaiveDateTime and
# DateTime: proleptic Gregorian days counted from 0000-01-01, microseconds
# within a day, and the ISO 8601 text of each type.
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

  # Years run from -9999 to 9999, as Calendar.ISO's do.
  def valid_date?(y, m, d),
    do: is_integer(y) and y in -9999..9999 and m in 1..12 and is_integer(d) and d >= 1 and d <= days_in_month(y, m)

  def valid_time?(h, mi, s, {us, p}), do: h in 0..23 and mi in 0..59 and s in 0..59 and us in 0..999_999 and p in 0..6
  def valid_time?(_h, _mi, _s, _us), do: false

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

  # "+01:00" ("+0100" in the basic format) for an offset in seconds; "Z"
  # for Etc/UTC itself.
  def offset_string(0, 0, "Etc/UTC", _format), do: "Z"

  def offset_string(utc, std, _zone, format) do
    total = utc + std
    secs = abs(total)
    sign = if total < 0, do: "-", else: "+"
    sep = if format == :basic, do: "", else: ":"
    sign <> pad(div(secs, 3600), 2) <> sep <> pad(div(rem(secs, 3600), 60), 2)
  end

  # ---- ISO 8601 text ----
  #
  # A date is YYYY-MM-DD (YYYYMMDD in the :basic format) after an optional
  # sign, a time HH:MM:SS (HHMMSS) with an optional fraction after "." or
  # "," and an offset (Z, +HH:MM, +HHMM or +HH). A date must be valid before
  # its time is checked: :invalid_date comes first.

  def parse_date(string, format \\ :extended) when is_binary(string) and format in [:basic, :extended] do
    {sign, unsigned} = year_sign(string)

    case take_date(unsigned, format) do
      {:ok, {y, m, d}, ""} ->
        if valid_date?(sign * y, m, d), do: {:ok, {sign * y, m, d}}, else: {:error, :invalid_date}

      _ ->
        {:error, :invalid_format}
    end
  end

  def parse_time(string, format \\ :extended) when is_binary(string) and format in [:basic, :extended] do
    string = with "T" <> rest <- string, do: rest

    with {:ok, {h, mi, s}, rest} <- take_time(string, format),
         {:ok, us, rest} <- take_fraction(rest),
         {:ok, _offset} <- take_offset(rest) do
      if valid_time?(h, mi, s, us), do: {:ok, {h, mi, s, us}}, else: {:error, :invalid_time}
    else
      _ -> {:error, :invalid_format}
    end
  end

  def parse_naive_datetime(string, format \\ :extended) when is_binary(string) and format in [:basic, :extended] do
    with {:ok, fields, _offset} <- scan_datetime(string, format), do: {:ok, fields}
  end

  # {:ok, fields, offset} with the fields moved to UTC, as Elixir answers.
  def parse_utc_datetime(string, format \\ :extended) when is_binary(string) and format in [:basic, :extended] do
    case scan_datetime(string, format) do
      {:ok, _fields, nil} ->
        {:error, :missing_offset}

      {:ok, fields, 0} ->
        {:ok, fields, 0}

      {:ok, {y, m, d, h, mi, s, {us, p}}, offset} ->
        total = date_to_days(y, m, d) * 86_400 + (h * 60 + mi) * 60 + s - offset
        {{y, m, d}, {h, mi, s}} = seconds_to_fields(total)
        {:ok, {y, m, d, h, mi, s, {us, p}}, offset}

      error ->
        error
    end
  end

  def seconds_to_fields(total) do
    days = Integer.floor_div(total, 86_400)
    secs = total - days * 86_400
    {days_to_date(days), {div(secs, 3600), div(rem(secs, 3600), 60), rem(secs, 60)}}
  end

  defp scan_datetime(string, format) do
    {sign, unsigned} = year_sign(string)

    with {:ok, {y, m, d}, <<sep, rest::binary>>} when sep in [?\s, ?T] <- take_date(unsigned, format),
         {:ok, {h, mi, s}, rest} <- take_time(rest, format),
         {:ok, us, rest} <- take_fraction(rest),
         {:ok, offset} <- take_offset(rest) do
      y = sign * y

      cond do
        not valid_date?(y, m, d) -> {:error, :invalid_date}
        not valid_time?(h, mi, s, us) -> {:error, :invalid_time}
        true -> {:ok, {y, m, d, h, mi, s, us}, offset}
      end
    else
      _ -> {:error, :invalid_format}
    end
  end

  defp year_sign("-" <> rest), do: {-1, rest}
  defp year_sign("+" <> rest), do: {1, rest}
  defp year_sign(string), do: {1, string}

  defp take_date(<<y::binary-size(4), ?-, m::binary-size(2), ?-, d::binary-size(2), rest::binary>>, :extended),
    do: numbers([y, m, d], rest)

  defp take_date(<<y::binary-size(4), m::binary-size(2), d::binary-size(2), rest::binary>>, :basic),
    do: numbers([y, m, d], rest)

  defp take_date(_string, _format), do: :error

  defp take_time(<<h::binary-size(2), ?:, mi::binary-size(2), ?:, s::binary-size(2), rest::binary>>, :extended),
    do: numbers([h, mi, s], rest)

  defp take_time(<<h::binary-size(2), mi::binary-size(2), s::binary-size(2), rest::binary>>, :basic),
    do: numbers([h, mi, s], rest)

  defp take_time(_string, _format), do: :error

  defp numbers(fields, rest) do
    if Enum.all?(fields, &digits?/1),
      do: {:ok, fields |> Enum.map(&String.to_integer/1) |> List.to_tuple(), rest},
      else: :error
  end

  defp digits?(<<>>), do: true
  defp digits?(<<c, rest::binary>>) when c in ?0..?9, do: digits?(rest)
  defp digits?(_), do: false

  # Past six digits a fraction is cut, its precision 6.
  defp take_fraction(<<sep, rest::binary>>) when sep in [?., ?,] do
    {digits, rest} = leading_digits(rest, "")

    case byte_size(digits) do
      0 -> :error
      n when n <= 6 -> {:ok, {String.to_integer(digits <> String.duplicate("0", 6 - n)), n}, rest}
      _ -> {:ok, {String.to_integer(binary_part(digits, 0, 6)), 6}, rest}
    end
  end

  defp take_fraction(rest), do: {:ok, {0, 0}, rest}

  defp leading_digits(<<c, rest::binary>>, acc) when c in ?0..?9, do: leading_digits(rest, <<acc::binary, c>>)
  defp leading_digits(rest, acc), do: {acc, rest}

  # The offset in seconds (nil when there is none); "-00:00" is refused.
  defp take_offset(""), do: {:ok, nil}
  defp take_offset("Z"), do: {:ok, 0}
  defp take_offset("-00:00"), do: :error
  defp take_offset(<<sign, h::binary-size(2), ?:, m::binary-size(2)>>) when sign in [?+, ?-], do: offset(sign, h, m)
  defp take_offset(<<sign, h::binary-size(2), m::binary-size(2)>>) when sign in [?+, ?-], do: offset(sign, h, m)
  defp take_offset(<<sign, h::binary-size(2)>>) when sign in [?+, ?-], do: offset(sign, h, "00")
  defp take_offset(_), do: :error

  defp offset(sign, h, m) do
    with {h, ""} when h < 24 <- Integer.parse(h),
         {m, ""} when m < 60 <- Integer.parse(m) do
      secs = (h * 60 + m) * 60
      {:ok, if(sign == ?-, do: -secs, else: secs)}
    else
      _ -> :error
    end
  end

  # ---- Calendar's callbacks, on ISO days: {days since 0000-01-01, {parts, parts per day}} ----

  def day_rollover_relative_to_midnight_utc, do: {0, 1}
  def date_to_iso_days(y, m, d), do: date_to_days(y, m, d)
  def date_from_iso_days(days), do: days_to_date(days)

  def time_to_day_fraction(h, mi, s, {us, _}), do: {((h * 60 + mi) * 60 + s) * 1_000_000 + us, 86_400_000_000}

  def time_from_day_fraction({0, _}), do: {0, 0, 0, {0, 6}}

  def time_from_day_fraction({parts, per_day}) do
    total = div(parts * 86_400_000_000, per_day)
    secs = div(total, 1_000_000)
    {div(secs, 3600), rem(div(secs, 60), 60), rem(secs, 60), {rem(total, 1_000_000), 6}}
  end

  def naive_datetime_to_iso_days(y, m, d, h, mi, s, us), do: {date_to_days(y, m, d), time_to_day_fraction(h, mi, s, us)}

  def naive_datetime_from_iso_days({days, fraction}) do
    {y, m, d} = days_to_date(days)
    {h, mi, s, us} = time_from_day_fraction(fraction)
    {y, m, d, h, mi, s, us}
  end

  # ---- time units ----

  # A count of microseconds in `unit` (any System.time_unit, :day, :hour
  # and :minute included), rounded down.
  def from_us(us, :day), do: Integer.floor_div(us, 86_400_000_000)
  def from_us(us, :hour), do: Integer.floor_div(us, 3_600_000_000)
  def from_us(us, :minute), do: Integer.floor_div(us, 60_000_000)
  def from_us(us, unit), do: System.convert_time_unit(us, :microsecond, unit)

  def to_us(amount, :day), do: amount * 86_400_000_000
  def to_us(amount, :hour), do: amount * 3_600_000_000
  def to_us(amount, :minute), do: amount * 60_000_000
  def to_us(amount, unit), do: System.convert_time_unit(amount, unit, :microsecond)

  # diff/3 of Time, NaiveDateTime and DateTime: whole days, hours and
  # minutes of the difference in seconds; in other units each side is
  # rounded down first, as Elixir computes it.
  def diff_us(us1, us2, unit) when unit in [:day, :hour, :minute] do
    div(diff_us(us1, us2, :second), div(to_us(1, unit), 1_000_000))
  end

  def diff_us(us1, us2, unit), do: from_us(us1, unit) - from_us(us2, unit)

  # The digits of precision a unit has: 1024 parts of a second have 6.
  def unit_precision(unit) do
    case System.convert_time_unit(1, :second, unit) do
      1 -> 0
      10 -> 1
      100 -> 2
      1000 -> 3
      10_000 -> 4
      100_000 -> 5
      _ -> 6
    end
  end
end

defmodule Date do
  defstruct [:year, :month, :day, calendar: Calendar.ISO]

  def new(y, m, d, _calendar \\ Calendar.ISO) do
    if Calendar.ISO.valid_date?(y, m, d), do: {:ok, %Date{year: y, month: m, day: d}}, else: {:error, :invalid_date}
  end

  def new!(y, m, d, calendar \\ Calendar.ISO) do
    case new(y, m, d, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot build date, reason: #{inspect(reason)}"
    end
  end

  def from_iso8601(string, _calendar \\ Calendar.ISO) do
    with {:ok, {y, m, d}} <- Calendar.ISO.parse_date(string), do: {:ok, %Date{year: y, month: m, day: d}}
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as date, reason: #{inspect(reason)}"
    end
  end

  def to_iso8601(date, format \\ :extended)
  def to_iso8601(%{year: y, month: m, day: d}, :extended), do: Calendar.ISO.date_string(y, m, d)

  def to_iso8601(%{year: y, month: m, day: d}, :basic),
    do: Calendar.ISO.pad(y, 4) <> Calendar.ISO.pad(m, 2) <> Calendar.ISO.pad(d, 2)

  def to_string(%{year: y, month: m, day: d}), do: Calendar.ISO.date_string(y, m, d)
  def to_erl(%{year: y, month: m, day: d}), do: {y, m, d}
  def from_erl(erl, calendar \\ Calendar.ISO)
  def from_erl({y, m, d}, calendar), do: new(y, m, d, calendar)

  def from_erl!(erl, calendar \\ Calendar.ISO) do
    case from_erl(erl, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot convert #{inspect(erl)} to date, reason: #{inspect(reason)}"
    end
  end

  def utc_today(_calendar \\ Calendar.ISO), do: DateTime.to_date(DateTime.utc_now())

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

  # Monday is 1, as ISO counts; 0000-01-01 was a Saturday.
  def day_of_week(date), do: Integer.mod(to_days(date) + 5, 7) + 1
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

  # Another calendar is asked through Calendar's callbacks, on ISO days.
  def convert(%{calendar: calendar, year: y, month: m, day: d}, calendar),
    do: {:ok, %Date{calendar: calendar, year: y, month: m, day: d}}

  def convert(%{calendar: from, year: y, month: m, day: d}, target) when is_atom(target) do
    if Calendar.compatible_calendars?(from, target) do
      {days, _} = from.naive_datetime_to_iso_days(y, m, d, 0, 0, 0, {0, 0})
      {y, m, d, _, _, _, _} = target.naive_datetime_from_iso_days({days, {0, 86_400_000_000}})
      {:ok, %Date{calendar: target, year: y, month: m, day: d}}
    else
      {:error, :incompatible_calendars}
    end
  end

  def convert!(date, calendar), do: Calendar.__converted__(convert(date, calendar), date, calendar)
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

  def new!(h, mi, s, us \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(h, mi, s, us, calendar) do
      {:ok, t} -> t
      {:error, reason} -> raise ArgumentError, "cannot build time, reason: #{inspect(reason)}"
    end
  end

  def from_iso8601(string, _calendar \\ Calendar.ISO) do
    with {:ok, {h, mi, s, us}} <- Calendar.ISO.parse_time(string),
         do: {:ok, %Time{hour: h, minute: mi, second: s, microsecond: us}}
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, t} -> t
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as time, reason: #{inspect(reason)}"
    end
  end

  def to_string(%{hour: h, minute: mi, second: s, microsecond: us}), do: Calendar.ISO.time_string(h, mi, s, us)
  def to_iso8601(time, format \\ :extended)
  def to_iso8601(time, :extended), do: to_string(time)
  def to_iso8601(time, :basic), do: String.replace(to_string(time), ":", "")
  def to_erl(%{hour: h, minute: mi, second: s}), do: {h, mi, s}
  def utc_now(_calendar \\ Calendar.ISO), do: DateTime.to_time(DateTime.utc_now())

  def to_us(%{hour: h, minute: mi, second: s, microsecond: {us, _}}), do: ((h * 60 + mi) * 60 + s) * 1_000_000 + us

  def from_us(total, p) do
    total = Integer.mod(total, 86_400_000_000)
    secs = div(total, 1_000_000)
    %Time{hour: div(secs, 3600), minute: rem(div(secs, 60), 60), second: rem(secs, 60), microsecond: {rem(total, 1_000_000), p}}
  end

  def add(%{microsecond: {_, p}} = time, amount, unit \\ :second) when is_integer(amount) do
    from_us(to_us(time) + Calendar.ISO.to_us(amount, unit), p)
  end

  def diff(a, b, unit \\ :second), do: Calendar.ISO.diff_us(to_us(a), to_us(b), unit)

  def compare(a, b), do: Calendar.ISO.compare_counts(to_us(a), to_us(b))
  def before?(a, b), do: compare(a, b) == :lt
  def after?(a, b), do: compare(a, b) == :gt

  def truncate(%{microsecond: {us, p}} = t, unit) do
    np = min(p, Calendar.ISO.unit_precision(unit))
    %{t | microsecond: {truncate_us(us, np), np}}
  end

  def truncate_us(us, p), do: us - rem(us, pow10(6 - p))

  defp pow10(0), do: 1
  defp pow10(n), do: 10 * pow10(n - 1)

  def from_erl({h, mi, s}, us \\ {0, 0}, calendar \\ Calendar.ISO), do: new(h, mi, s, us, calendar)

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
  def convert(%{calendar: calendar} = time, calendar), do: {:ok, time}

  def convert(%{calendar: from, hour: h, minute: mi, second: s, microsecond: {_, p} = us}, target) when is_atom(target) do
    {h, mi, s, {us, _}} = target.time_from_day_fraction(from.time_to_day_fraction(h, mi, s, us))
    {:ok, %Time{calendar: target, hour: h, minute: mi, second: s, microsecond: {us, p}}}
  end

  def convert!(time, calendar), do: Calendar.__converted__(convert(time, calendar), time, calendar)
end

defmodule NaiveDateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  # The date is checked before the time, as Date.new and Time.new would.
  def new(y, m, d, h, mi, s, us \\ {0, 0}, calendar \\ Calendar.ISO) do
    with {:ok, _} <- Date.new(y, m, d, calendar),
         {:ok, %{microsecond: us}} <- Time.new(h, mi, s, us, calendar) do
      {:ok, %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}}
    end
  end

  def new(%{year: y, month: m, day: d}, %{hour: h, minute: mi, second: s, microsecond: us}), do: new(y, m, d, h, mi, s, us)

  def new!(y, m, d, h, mi, s, us \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(y, m, d, h, mi, s, us, calendar) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  def new!(%{} = date, %{} = time) do
    case new(date, time) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  # An offset after the time is read and left out, as Elixir does.
  def from_iso8601(string, _calendar \\ Calendar.ISO) do
    with {:ok, {y, m, d, h, mi, s, us}} <- Calendar.ISO.parse_naive_datetime(string),
         do: {:ok, %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}}
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, n} -> n
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as naive datetime, reason: #{inspect(reason)}"
    end
  end

  def to_string(n), do: Date.to_string(n) <> " " <> Time.to_string(n)
  def to_iso8601(n, format \\ :extended), do: Date.to_iso8601(n, format) <> "T" <> Time.to_iso8601(n, format)
  def to_date(%{year: y, month: m, day: d}), do: %Date{year: y, month: m, day: d}
  def to_time(%{hour: h, minute: mi, second: s, microsecond: us}), do: %Time{hour: h, minute: mi, second: s, microsecond: us}
  def to_erl(n), do: {Date.to_erl(n), Time.to_erl(n)}
  def utc_now(_calendar \\ Calendar.ISO), do: DateTime.to_naive(DateTime.utc_now())
  def local_now(calendar \\ Calendar.ISO), do: utc_now(calendar)

  def to_us(n), do: Date.to_days(n) * 86_400_000_000 + Time.to_us(n)

  def from_us(total, p) do
    days = Integer.floor_div(total, 86_400_000_000)
    {y, m, d} = Calendar.ISO.days_to_date(days)
    %{hour: h, minute: mi, second: s, microsecond: us} = Time.from_us(total - days * 86_400_000_000, p)
    %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}
  end

  def add(%{microsecond: {_, p}} = n, amount, unit \\ :second) when is_integer(amount),
    do: from_us(to_us(n) + Calendar.ISO.to_us(amount, unit), p)

  def diff(a, b, unit \\ :second), do: Calendar.ISO.diff_us(to_us(a), to_us(b), unit)

  def compare(a, b), do: Calendar.ISO.compare_counts(to_us(a), to_us(b))
  def before?(a, b), do: compare(a, b) == :lt
  def after?(a, b), do: compare(a, b) == :gt

  def truncate(%{microsecond: {us, p}} = n, unit) do
    np = min(p, Calendar.ISO.unit_precision(unit))
    %{n | microsecond: {Time.truncate_us(us, np), np}}
  end

  def from_erl({{y, m, d}, {h, mi, s}}, us \\ {0, 0}, calendar \\ Calendar.ISO), do: new(y, m, d, h, mi, s, us, calendar)

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
    {Integer.floor_div(total, 1_000_000), Integer.mod(total, 1_000_000)}
  end

  def convert(%{calendar: calendar} = n, calendar), do: {:ok, n}

  def convert(%{calendar: from, microsecond: {_, p}} = n, target) when is_atom(target) do
    if Calendar.compatible_calendars?(from, target) do
      iso = from.naive_datetime_to_iso_days(n.year, n.month, n.day, n.hour, n.minute, n.second, n.microsecond)
      {y, m, d, h, mi, s, {us, _}} = target.naive_datetime_from_iso_days(iso)
      {:ok, %NaiveDateTime{calendar: target, year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: {us, p}}}
    else
      {:error, :incompatible_calendars}
    end
  end

  def convert!(n, calendar), do: Calendar.__converted__(convert(n, calendar), n, calendar)
end

defmodule Calendar.UTCOnlyTimeZoneDatabase do
  # Elixir's default time zone database: it knows Etc/UTC only.
  def time_zone_period_from_utc_iso_days(_iso_days, "Etc/UTC"), do: {:ok, %{std_offset: 0, utc_offset: 0, zone_abbr: "UTC"}}
  def time_zone_period_from_utc_iso_days(_iso_days, _zone), do: {:error, :utc_only_time_zone_database}

  def time_zone_periods_from_wall_datetime(_naive, "Etc/UTC"),
    do: {:ok, %{std_offset: 0, utc_offset: 0, zone_abbr: "UTC"}}

  def time_zone_periods_from_wall_datetime(_naive, _zone), do: {:error, :utc_only_time_zone_database}
end

defmodule DateTime do
  defstruct [:year, :month, :day, :hour, :minute, :second, :time_zone, :zone_abbr, :utc_offset, :std_offset,
             microsecond: {0, 0}, calendar: Calendar.ISO]

  @unix_epoch_us 62_167_219_200_000_000
  # From -9999-01-01 to 9999-12-31 23:59:59.999999, in microseconds since 1970.
  @unix_first_us -377_705_116_800_000_000
  @unix_last_us 253_402_300_799_999_999

  def utc_now(_calendar \\ Calendar.ISO), do: from_unix!(System.system_time(:microsecond), :microsecond)

  defp db(nil), do: Calendar.get_time_zone_database()
  defp db(database), do: database

  # The instant: microseconds since 0000-01-01 in UTC.
  defp utc_us(%{utc_offset: utc, std_offset: std} = dt), do: NaiveDateTime.to_us(dt) - (utc + std) * 1_000_000

  defp from_fields(naive, zone, abbr, utc, std) do
    %DateTime{year: naive.year, month: naive.month, day: naive.day, hour: naive.hour, minute: naive.minute,
              second: naive.second, microsecond: naive.microsecond, time_zone: zone, zone_abbr: abbr,
              utc_offset: utc, std_offset: std}
  end

  defp utc(naive), do: from_fields(naive, "Etc/UTC", "UTC", 0, 0)

  # The instant `us` (UTC, precision p) in `zone`, as the database places it.
  defp in_zone(us, p, "Etc/UTC", _db), do: {:ok, utc(NaiveDateTime.from_us(us, p))}

  defp in_zone(us, p, zone, db) do
    days = Integer.floor_div(us, 86_400_000_000)
    iso_days = {days, {us - days * 86_400_000_000, 86_400_000_000}}

    with {:ok, %{utc_offset: utc, std_offset: std, zone_abbr: abbr}} <- db.time_zone_period_from_utc_iso_days(iso_days, zone) do
      {:ok, from_fields(NaiveDateTime.from_us(us + (utc + std) * 1_000_000, p), zone, abbr, utc, std)}
    end
  end

  def from_naive(naive, time_zone, database \\ nil)
  def from_naive(naive, "Etc/UTC", _database), do: {:ok, utc(naive)}

  # In a gap, the datetimes on either side: the last microsecond before it
  # and the first one after.
  def from_naive(naive, zone, database) do
    case db(database).time_zone_periods_from_wall_datetime(naive, zone) do
      {:ok, period} ->
        {:ok, with_period(naive, zone, period)}

      {:ambiguous, first, second} ->
        {:ambiguous, with_period(naive, zone, first), with_period(naive, zone, second)}

      {:gap, {before, until_wall}, {later, from_wall}} ->
        last_before = NaiveDateTime.add(%{until_wall | microsecond: {999_999, 6}}, -1)
        {:gap, with_period(last_before, zone, before), with_period(from_wall, zone, later)}

      {:error, _} = error ->
        error
    end
  end

  defp with_period(naive, zone, %{utc_offset: utc, std_offset: std, zone_abbr: abbr}),
    do: from_fields(naive, zone, abbr, utc, std)

  def from_naive!(naive, time_zone, database \\ nil) do
    case from_naive(naive, time_zone, database) do
      {:ok, dt} ->
        dt

      {:ambiguous, first, second} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive)} to datetime because such instant is ambiguous in time zone " <>
                "#{time_zone} as there is an overlap between #{inspect(first)} and #{inspect(second)}"

      {:gap, before, later} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive)} to datetime because such instant does not exist in time zone " <>
                "#{time_zone} as there is a gap between #{inspect(before)} and #{inspect(later)}"

      {:error, reason} ->
        raise ArgumentError, "cannot convert #{inspect(naive)} to datetime, reason: #{inspect(reason)}"
    end
  end

  def to_naive(%{} = dt) do
    %NaiveDateTime{year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: dt.second,
                   microsecond: dt.microsecond}
  end

  def to_date(dt), do: NaiveDateTime.to_date(dt)
  def to_time(dt), do: NaiveDateTime.to_time(dt)

  # Outside years -9999..9999 a unix time is refused.
  def from_unix(value, unit \\ :second, _calendar \\ Calendar.ISO) when is_integer(value) do
    us = Calendar.ISO.to_us(value, unit)

    if us >= @unix_first_us and us <= @unix_last_us,
      do: {:ok, utc(NaiveDateTime.from_us(us + @unix_epoch_us, Calendar.ISO.unit_precision(unit)))},
      else: {:error, :invalid_unix_time}
  end

  def from_unix!(value, unit \\ :second, calendar \\ Calendar.ISO) do
    case from_unix(value, unit, calendar) do
      {:ok, dt} -> dt
      {:error, :invalid_unix_time} -> raise ArgumentError, "invalid Unix time #{value}"
    end
  end

  def to_unix(%{utc_offset: utc, std_offset: std} = dt, unit \\ :second),
    do: Calendar.ISO.from_us(NaiveDateTime.to_us(dt) - @unix_epoch_us, unit) - Calendar.ISO.from_us((utc + std) * 1_000_000, unit)

  # {:ok, utc_datetime, offset}: the second argument is a format or a calendar.
  def from_iso8601(string, calendar_or_format \\ Calendar.ISO)
  def from_iso8601(string, format) when format in [:basic, :extended], do: from_iso8601(string, Calendar.ISO, format)
  def from_iso8601(string, calendar), do: from_iso8601(string, calendar, :extended)

  def from_iso8601(string, _calendar, format) do
    with {:ok, {y, m, d, h, mi, s, us}, offset} <- Calendar.ISO.parse_utc_datetime(string, format) do
      naive = %NaiveDateTime{year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: us}
      {:ok, utc(naive), offset}
    end
  end

  def from_iso8601!(string, calendar_or_format \\ Calendar.ISO) do
    case from_iso8601(string, calendar_or_format) do
      {:ok, dt, _} -> dt
      {:error, reason} -> raise ArgumentError, "cannot parse #{inspect(string)} as datetime, reason: #{inspect(reason)}"
    end
  end

  def to_string(%{time_zone: zone, zone_abbr: abbr, utc_offset: utc, std_offset: std} = dt) do
    suffix = if zone == "Etc/UTC", do: "", else: " " <> abbr <> " " <> zone
    NaiveDateTime.to_string(dt) <> Calendar.ISO.offset_string(utc, std, zone, :extended) <> suffix
  end

  # With an offset, the instant is shown at that offset.
  def to_iso8601(dt, format \\ :extended, offset \\ nil)

  def to_iso8601(%{time_zone: zone, utc_offset: utc, std_offset: std} = dt, format, nil),
    do: NaiveDateTime.to_iso8601(dt, format) <> Calendar.ISO.offset_string(utc, std, zone, format)

  def to_iso8601(%{microsecond: {_, p}, time_zone: zone} = dt, format, offset) do
    shifted = NaiveDateTime.from_us(utc_us(dt) + offset * 1_000_000, p)
    zone = if offset == 0 and zone == "Etc/UTC", do: zone, else: nil
    NaiveDateTime.to_iso8601(shifted, format) <> Calendar.ISO.offset_string(offset, 0, zone, format)
  end

  def add(dt, amount, unit \\ :second, database \\ nil)

  def add(%{microsecond: {_, p}, time_zone: zone} = dt, amount, unit, database) when is_integer(amount) do
    case in_zone(utc_us(dt) + Calendar.ISO.to_us(amount, unit), p, zone, db(database)) do
      {:ok, result} ->
        result

      {:error, reason} ->
        raise ArgumentError,
              "cannot add #{amount} #{unit} to #{inspect(dt)} (with time zone database " <>
                "#{inspect(db(database))}), reason: #{inspect(reason)}"
    end
  end

  def diff(%{utc_offset: utc1, std_offset: std1} = a, %{utc_offset: utc2, std_offset: std2} = b, unit \\ :second) do
    if unit in [:day, :hour, :minute] do
      div(diff(a, b, :second), div(Calendar.ISO.to_us(1, unit), 1_000_000))
    else
      Calendar.ISO.diff_us(NaiveDateTime.to_us(a), NaiveDateTime.to_us(b), unit) +
        Calendar.ISO.from_us((utc2 + std2 - (utc1 + std1)) * 1_000_000, unit)
    end
  end

  def compare(a, b), do: Calendar.ISO.compare_counts(utc_us(a), utc_us(b))
  def before?(a, b), do: compare(a, b) == :lt
  def after?(a, b), do: compare(a, b) == :gt

  def truncate(%{microsecond: {us, p}} = dt, unit) do
    np = min(p, Calendar.ISO.unit_precision(unit))
    %{dt | microsecond: {Time.truncate_us(us, np), np}}
  end

  def new(date, time, time_zone \\ "Etc/UTC", database \\ nil) do
    with {:ok, naive} <- NaiveDateTime.new(date, time), do: from_naive(naive, time_zone, database)
  end

  def new!(date, time, time_zone \\ "Etc/UTC", database \\ nil) do
    case new(date, time, time_zone, database) do
      {:ok, dt} ->
        dt

      {:ambiguous, first, second} ->
        raise ArgumentError,
              "cannot build datetime with #{inspect(date)} and #{inspect(time)} because such instant is " <>
                "ambiguous in time zone #{time_zone} as there is an overlap between #{inspect(first)} and " <>
                "#{inspect(second)}"

      {:gap, before, later} ->
        raise ArgumentError,
              "cannot build datetime with #{inspect(date)} and #{inspect(time)} because such instant does " <>
                "not exist in time zone #{time_zone} as there is a gap between #{inspect(before)} and " <>
                "#{inspect(later)}"

      {:error, reason} ->
        raise ArgumentError, "cannot build datetime with #{inspect(date)} and #{inspect(time)}, reason: #{inspect(reason)}"
    end
  end

  def now(time_zone, database \\ nil)
  def now("Etc/UTC", _database), do: {:ok, utc_now()}
  def now(zone, database), do: shift_zone(utc_now(), zone, db(database))

  def now!(time_zone, database \\ nil) do
    case now(time_zone, database) do
      {:ok, dt} -> dt
      {:error, reason} ->
        raise ArgumentError, "cannot get current datetime in #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  def shift_zone(dt, time_zone, database \\ nil)
  def shift_zone(%{time_zone: zone} = dt, zone, _database), do: {:ok, dt}
  def shift_zone(%{microsecond: {_, p}} = dt, zone, database), do: in_zone(utc_us(dt), p, zone, db(database))

  def shift_zone!(dt, time_zone, database \\ nil) do
    case shift_zone(dt, time_zone, database) do
      {:ok, shifted} -> shifted
      {:error, reason} ->
        raise ArgumentError, "cannot shift #{inspect(dt)} to #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  def to_gregorian_seconds(%{microsecond: {us, _}} = dt), do: {Integer.floor_div(utc_us(dt), 1_000_000), us}

  def from_gregorian_seconds(seconds, us \\ {0, 0}, calendar \\ Calendar.ISO),
    do: utc(NaiveDateTime.from_gregorian_seconds(seconds, us, calendar))

  def convert(%{calendar: calendar} = dt, calendar), do: {:ok, dt}

  def convert(%{calendar: from, microsecond: {_, p}} = dt, target) when is_atom(target) do
    if Calendar.compatible_calendars?(from, target) do
      iso = from.naive_datetime_to_iso_days(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond)
      {y, m, d, h, mi, s, {us, _}} = target.naive_datetime_from_iso_days(iso)
      {:ok, %{dt | calendar: target, year: y, month: m, day: d, hour: h, minute: mi, second: s, microsecond: {us, p}}}
    else
      {:error, :incompatible_calendars}
    end
  end

  def convert!(dt, calendar), do: Calendar.__converted__(convert(dt, calendar), dt, calendar)
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
  # Calendars are compatible when their days roll over at the same time.
  def compatible_calendars?(calendar, calendar), do: true

  def compatible_calendars?(calendar1, calendar2),
    do: calendar1.day_rollover_relative_to_midnight_utc() == calendar2.day_rollover_relative_to_midnight_utc()

  @doc false
  def __converted__({:ok, value}, _value, _calendar), do: value

  def __converted__({:error, reason}, value, calendar) do
    raise ArgumentError,
          "cannot convert #{inspect(value)} to target calendar #{inspect(calendar)}, reason: #{inspect(reason)}"
  end
  def truncate(microsecond, :microsecond), do: microsecond
  def truncate({us, p}, :millisecond), do: {div(us, 1000) * 1000, min(p, 3)}
  def truncate(_microsecond, :second), do: {0, 0}
  # Calendar.strftime/2,3. A directive is "%", modifiers ("-" no padding,
  # "0" zeros, "_" spaces, a width), then its letter; each letter has its
  # own default padding and width. The names and the preferred formats
  # (%c, %x, %X) come from the options.
  def strftime(value, format, options \\ []) when is_map(value) and is_binary(format) do
    format |> strftime_text(value, strftime_options(options), []) |> IO.iodata_to_binary()
  end

  @strftime_defaults %{
    preferred_date: "%Y-%m-%d",
    preferred_time: "%H:%M:%S",
    preferred_datetime: "%Y-%m-%d %H:%M:%S",
    am_pm_names: &Calendar.__am_pm__/1,
    month_names: &Calendar.__month__/1,
    day_of_week_names: &Calendar.__day__/1,
    abbreviated_month_names: &Calendar.__month_abbr__/1,
    abbreviated_day_of_week_names: &Calendar.__day_abbr__/1
  }

  @doc false
  def __am_pm__(:am), do: "am"
  def __am_pm__(:pm), do: "pm"
  @doc false
  def __month__(m), do: elem({"January", "February", "March", "April", "May", "June", "July", "August",
                              "September", "October", "November", "December"}, m - 1)
  @doc false
  def __day__(d), do: elem({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}, d - 1)
  @doc false
  def __month_abbr__(m), do: binary_part(__month__(m), 0, 3)
  @doc false
  def __day_abbr__(d), do: binary_part(__day__(d), 0, 3)

  defp strftime_options(options) do
    Enum.reduce(options, Map.put(@strftime_defaults, :inside, []), fn {key, value}, acc ->
      if Map.has_key?(@strftime_defaults, key),
        do: %{acc | key => value},
        else: raise(ArgumentError, "unknown option #{inspect(key)} given to Calendar.strftime/3")
    end)
  end

  # The pieces of the text, one per plain byte or directive.
  defp strftime_text("", _value, _opts, acc), do: :lists.reverse(acc)
  defp strftime_text("%" <> rest, value, opts, acc), do: strftime_modifiers(rest, nil, nil, value, opts, acc)
  defp strftime_text(<<c, rest::binary>>, value, opts, acc), do: strftime_text(rest, value, opts, [c | acc])

  defp strftime_modifiers("-" <> rest, width, nil, value, opts, acc),
    do: strftime_modifiers(rest, width, "", value, opts, acc)

  defp strftime_modifiers("0" <> rest, nil, nil, value, opts, acc),
    do: strftime_modifiers(rest, nil, ?0, value, opts, acc)

  defp strftime_modifiers("_" <> rest, width, nil, value, opts, acc),
    do: strftime_modifiers(rest, width, ?\s, value, opts, acc)

  defp strftime_modifiers(<<d, rest::binary>>, width, pad, value, opts, acc) when d in ?0..?9,
    do: strftime_modifiers(rest, (width || 0) * 10 + d - ?0, pad, value, opts, acc)

  defp strftime_modifiers(<<letter, rest::binary>> = text, width, pad, value, opts, acc) do
    pad = if pad == nil, do: (if letter in 'aAbBpPZ', do: ?\s, else: ?0), else: pad

    width =
      cond do
        width != nil -> width
        letter in 'dHImMSy' -> 2
        letter == ?j -> 3
        letter in 'Yz' -> 4
        true -> 0
      end

    piece = strftime_directive(letter, text, width, pad, value, opts)
    strftime_text(rest, value, opts, [piece | acc])
  end

  defp strftime_modifiers("", _width, _pad, _value, _opts, _acc),
    do: raise(ArgumentError, "invalid strftime format: %")

  defp strftime_directive(?%, _text, width, pad, _v, _opts), do: pad_to("%", width, pad)
  defp strftime_directive(?a, _text, width, pad, v, opts), do: pad_to(opts.abbreviated_day_of_week_names.(Date.day_of_week(v)), width, pad)
  defp strftime_directive(?A, _text, width, pad, v, opts), do: pad_to(opts.day_of_week_names.(Date.day_of_week(v)), width, pad)
  defp strftime_directive(?b, _text, width, pad, v, opts), do: pad_to(opts.abbreviated_month_names.(v.month), width, pad)
  defp strftime_directive(?B, _text, width, pad, v, opts), do: pad_to(opts.month_names.(v.month), width, pad)
  defp strftime_directive(?c, _text, width, pad, v, opts), do: preferred(:preferred_datetime, width, pad, v, opts)
  defp strftime_directive(?x, _text, width, pad, v, opts), do: preferred(:preferred_date, width, pad, v, opts)
  defp strftime_directive(?X, _text, width, pad, v, opts), do: preferred(:preferred_time, width, pad, v, opts)
  defp strftime_directive(?d, _text, width, pad, v, _opts), do: number(v.day, width, pad)
  defp strftime_directive(?H, _text, width, pad, v, _opts), do: number(v.hour, width, pad)
  defp strftime_directive(?I, _text, width, pad, v, _opts), do: number(rem(v.hour + 23, 12) + 1, width, pad)
  defp strftime_directive(?j, _text, width, pad, v, _opts), do: number(Date.day_of_year(v), width, pad)
  defp strftime_directive(?m, _text, width, pad, v, _opts), do: number(v.month, width, pad)
  defp strftime_directive(?M, _text, width, pad, v, _opts), do: number(v.minute, width, pad)
  defp strftime_directive(?q, _text, width, pad, v, _opts), do: number(Date.quarter_of_year(v), width, pad)
  defp strftime_directive(?S, _text, width, pad, v, _opts), do: number(v.second, width, pad)
  defp strftime_directive(?u, _text, width, pad, v, _opts), do: number(Date.day_of_week(v), width, pad)
  defp strftime_directive(?y, _text, width, pad, v, _opts), do: number(rem(v.year, 100), width, pad)
  defp strftime_directive(?Y, _text, width, pad, v, _opts), do: number(v.year, width, pad)
  defp strftime_directive(?Z, _text, width, pad, v, _opts), do: pad_to(Map.get(v, :zone_abbr, ""), width, pad)

  defp strftime_directive(?p, _text, width, pad, v, opts),
    do: pad_to(String.upcase(opts.am_pm_names.(if v.hour > 11, do: :pm, else: :am)), width, pad)

  defp strftime_directive(?P, _text, width, pad, v, opts),
    do: pad_to(String.downcase(opts.am_pm_names.(if v.hour > 11, do: :pm, else: :am)), width, pad)

  # The fraction shows its precision's digits, one at least; no padding.
  defp strftime_directive(?f, _text, _width, _pad, v, _opts) do
    {us, precision} = v.microsecond
    us |> Integer.to_string() |> String.pad_leading(6, "0") |> binary_part(0, max(precision, 1))
  end

  # +hhmm, empty for a value with no offset.
  defp strftime_directive(?z, _text, width, pad, %{utc_offset: utc, std_offset: std}, _opts) do
    total = utc + std
    secs = abs(total)
    digits = Integer.to_string(div(secs, 3600) * 100 + rem(div(secs, 60), 60))
    [if(total >= 0, do: "+", else: "-"), pad_to(digits, width, pad)]
  end

  defp strftime_directive(?z, _text, _width, _pad, _v, _opts), do: ""

  defp strftime_directive(_letter, text, _width, _pad, _v, _opts) do
    {next, _} = String.next_grapheme(text) || {"", ""}
    raise ArgumentError, "invalid strftime format: %" <> next
  end

  defp number(n, width, pad), do: pad_to(Integer.to_string(n), width, pad)

  defp pad_to(text, width, pad) when byte_size(text) < width,
    do: [List.duplicate(pad, width - byte_size(text)) | text]

  defp pad_to(text, _width, _pad), do: text

  # A preferred format inside itself is refused; its pieces are counted
  # (not its bytes) against the width.
  defp preferred(key, width, pad, v, opts) do
    if key in opts.inside do
      what = key |> Atom.to_string() |> String.replace_prefix("preferred_", "")
      raise ArgumentError, "tried to format preferred_#{what} within another preferred_#{what} format"
    end

    pieces = strftime_text(Map.fetch!(opts, key), v, %{opts | inside: [key | opts.inside]}, [])
    missing = width - length(pieces)
    if missing > 0, do: List.duplicate(pad, missing) ++ pieces, else: pieces
  end
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
