%Foo{s | a: 1}
%{s | a: 1, b: 2}
%Stack{stack | items: [x | stack.items]}
