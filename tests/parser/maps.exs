%{}
%{a: 1, b: 2}
%{"a" => 1, :b => 2}
%{1 => 2, a: 3}
%{m | a: 1}
%{m | "a" => 1}
%{m | "a" => 1, b: 2}
%{state | results: results}
%Foo{}
%Foo{a: 1}
%Foo.Bar{a: 1}
%__MODULE__{a: 1}
%__MODULE__{state | a: 1}
%__MODULE__.Sub{}
%mod{}
%@attr{}
%:foo{}
%{
  a: 1,
  b: 2
}
%{a => %{b => c}}
