%{a => b :: c}
%{a => b | c}
%{a :: b => c}
%{a | b => c :: d}
%{m | baz when x => y}
%{a b => 1}
%{~~~a b, c => d}
%{a b}
%{optional(atom()) => term()}
