/* test_natives.c - the natives of core/bif/, called directly through
 * native_lookup with a hand-made process.
 *
 * Each T_ line holds an Elixir expression, the same call built in C, and
 * the expected result: inspect(result) as Elixir prints it, or the error
 * in a short form (badarg@N: why, function_clause, badarith, badmap T,
 * badkey K, system_limit, Module: message). Every expectation was
 * checked against Elixir 1.14 / OTP 25 by evaluating the line's Elixir
 * expression and rendering its result or exception the same way, so a
 * T_ line must keep its Elixir text in step with its C call. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "check.h"
#include "compare.h"
#include "inspect.h"
#include "integer.h"
#include "io.h"
#include "map.h"
#include "native.h"
#include "process.h"
#include "rng.h"
#include "runtime.h"

static Process proc;
#define H (&proc.heap)

/* ---- building arguments ------------------------------------------------------- */

static Term S(const char *s) { return binary_from_cstr(H, s); }
static Term SB(const char *s, size_t n) { return binary_new(H, s, n); }
static Term I(int64_t v) { return integer_from_i64(H, v); }
static Term BIG(const char *digits) { return integer_parse(H, digits, strlen(digits), 10); }
static Term A(const char *s) { return atom_from_cstr(s); }
static Term F(double d) { return float_new(H, d); }
#define NIL TERM_NIL

static Term list_va(Term tail, int n, va_list ap)
{
    Term items[64];
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, Term);
    Term l = tail;
    for (int i = n; i-- > 0;) l = cons_new(H, items[i], l);
    return l;
}

static Term L(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    Term l = list_va(TERM_NIL, n, ap);
    va_end(ap);
    return l;
}

/* An improper list [a, b | tail]. */
static Term LT(Term tail, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    Term l = list_va(tail, n, ap);
    va_end(ap);
    return l;
}

static Term T(int n, ...)
{
    Term items[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, Term);
    va_end(ap);
    return tuple_from(H, (size_t)n, items);
}

/* A map from n key/value pairs. */
static Term M(int n, ...)
{
    Term keys[16], values[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        keys[i] = va_arg(ap, Term);
        values[i] = va_arg(ap, Term);
    }
    va_end(ap);
    return map_from_pairs(H, (size_t)n, keys, values);
}

/* A charlist. */
static Term CL(const char *s)
{
    Term l = TERM_NIL;
    for (size_t i = strlen(s); i-- > 0;) l = cons_new(H, small_make((unsigned char)s[i]), l);
    return l;
}

/* first..last//step */
static Term RANGE(int64_t first, int64_t last, int64_t step)
{
    return M(4, A("__struct__"), A("Elixir.Range"), A("first"), I(first), A("last"), I(last), A("step"), I(step));
}

/* ---- calling and showing ------------------------------------------------------ */

static Term C(const char *module, const char *name, int arity, ...)
{
    Term args[8];
    va_list ap;
    va_start(ap, arity);
    for (int i = 0; i < arity; i++) args[i] = va_arg(ap, Term);
    va_end(ap);
    NativeFn fn = native_lookup(A(module), A(name), arity);
    if (!fn) {
        printf("  (no native %s.%s/%d)\n", module, name, arity);
        return A("__missing_native__");
    }
    proc.exc_class = ATOM_nil;
    return fn(&proc, args);
}

static char *inspect_term(Term t)
{
    InspectOpts o;
    inspect_opts_default(&o);
    return inspect_to_cstring(t, &o, NULL);
}

/* The short form of the pending exception. */
static char *show_exception(void)
{
    char *out = NULL, *shown = NULL;
    Term cls = proc.exc_class, r = proc.exc_reason;
    if (cls == ATOM_throw || cls == ATOM_exit) {
        shown = inspect_term(r);
        if (asprintf(&out, "%s %s", atom_text(cls), shown) < 0) out = NULL;
    } else if (r == ATOM_badarg) {
        if (proc.exc_arg > 0) {
            if (asprintf(&out, "badarg@%d: %s", proc.exc_arg, proc.exc_why) < 0) out = NULL;
        } else {
            out = strdup("badarg");
        }
    } else if (r == ATOM_function_clause || r == ATOM_badarith || r == ATOM_system_limit) {
        out = strdup(atom_text(r));
    } else if (term_is_tuple(r) && tuple_size(r) == 2 && (tuple_get(r, 0) == ATOM_badmap || tuple_get(r, 0) == ATOM_badkey)) {
        shown = inspect_term(tuple_get(r, 1));
        if (asprintf(&out, "%s %s", atom_text(tuple_get(r, 0)), shown) < 0) out = NULL;
    } else if (term_is_map(r) && map_get(r, ATOM___exception__) == ATOM_true) {
        Term module = map_get(r, ATOM___struct__), message = map_get(r, ATOM_message);
        const uint8_t *s;
        size_t n;
        binary_bytes(message, &s, &n);
        if (asprintf(&out, "%s: %.*s", atom_text(module) + 7, (int)n, s) < 0) out = NULL;
    } else {
        shown = inspect_term(r);
        if (asprintf(&out, "error %s", shown) < 0) out = NULL;
    }
    free(shown);
    return out;
}

static char *show(Term t) { return t == TERM_NONE ? show_exception() : inspect_term(t); }

/* One check: the Elixir expression is only documentation here (and input
 * for natives_expected.exs). */
#define T_(elixir, call, want)                 \
    do {                                       \
        char *got_ = show(call);               \
        CHECK_STR(got_, want, elixir);         \
        free(got_);                            \
    } while (0)

static void test_erlang_arith(void)
{
    T_(":erlang.+(1, 2)", C("erlang", "+", 2, I(1), I(2)), "3");
    T_(":erlang.+(1, :a)", C("erlang", "+", 2, I(1), A("a")), "badarith");
    T_(":erlang.-(5)", C("erlang", "-", 1, I(5)), "-5");
    T_(":erlang.+(:a)", C("erlang", "+", 1, A("a")), "badarith");
    T_(":erlang.*(1152921504606846975, 16)", C("erlang", "*", 2, I(1152921504606846975LL), I(16)), "18446744073709551600");
    T_(":erlang./(7, 2)", C("erlang", "/", 2, I(7), I(2)), "3.5");
    T_(":erlang./(1, 0)", C("erlang", "/", 2, I(1), I(0)), "badarith");
    T_(":erlang.div(-7, 2)", C("erlang", "div", 2, I(-7), I(2)), "-3");
    T_(":erlang.rem(-7, 2)", C("erlang", "rem", 2, I(-7), I(2)), "-1");
    T_(":erlang.div(1, 0)", C("erlang", "div", 2, I(1), I(0)), "badarith");
    T_(":erlang.band(12, 10)", C("erlang", "band", 2, I(12), I(10)), "8");
    T_(":erlang.bsl(1, 64)", C("erlang", "bsl", 2, I(1), I(64)), "18446744073709551616");
    T_(":erlang.bnot(5)", C("erlang", "bnot", 1, I(5)), "-6");
    T_(":erlang.==(1, 1.0)", C("erlang", "==", 2, I(1), F(1.0)), "true");
    T_(":erlang.\"=:=\"(1, 1.0)", C("erlang", "=:=", 2, I(1), F(1.0)), "false");
    T_(":erlang.<(1, :a)", C("erlang", "<", 2, I(1), A("a")), "true");
    T_(":erlang.>=({1}, [])", C("erlang", ">=", 2, T(1, I(1)), NIL), "false");
    T_(":erlang.max(1, 1.0)", C("erlang", "max", 2, I(1), F(1.0)), "1");
    T_(":erlang.min(1.0, 1)", C("erlang", "min", 2, F(1.0), I(1)), "1.0");
    T_(":erlang.and(true, 1)", C("erlang", "and", 2, ATOM_true, I(1)), "badarg");
    T_(":erlang.xor(true, false)", C("erlang", "xor", 2, ATOM_true, ATOM_false), "true");
    T_(":erlang.not(false)", C("erlang", "not", 1, ATOM_false), "true");
    T_(":erlang.abs(-0.0)", C("erlang", "abs", 1, F(-0.0)), "-0.0");
    T_(":erlang.abs(-1152921504606846976)", C("erlang", "abs", 1, I(-1152921504606846976LL)), "1152921504606846976");
    T_(":erlang.abs(:a)", C("erlang", "abs", 1, A("a")), "badarg@1: not a number");
    T_(":erlang.abs(-123456789012345678901234567890)", C("erlang", "abs", 1, BIG("-123456789012345678901234567890")),
       "123456789012345678901234567890");
    T_(":erlang.round(-2.5)", C("erlang", "round", 1, F(-2.5)), "-3");
    T_(":erlang.round(1.0e20)", C("erlang", "round", 1, F(1e20)), "100000000000000000000");
    T_(":erlang.trunc(-1.5)", C("erlang", "trunc", 1, F(-1.5)), "-1");
    T_(":erlang.floor(-1.5)", C("erlang", "floor", 1, F(-1.5)), "-2");
    T_(":erlang.ceil(-1.5)", C("erlang", "ceil", 1, F(-1.5)), "-1");
    T_(":erlang.float(3)", C("erlang", "float", 1, I(3)), "3.0");
    T_(":erlang.float(:a)", C("erlang", "float", 1, A("a")), "badarg@1: not a number");
}

static void test_erlang_terms(void)
{
    T_(":erlang.is_atom(nil)", C("erlang", "is_atom", 1, ATOM_nil), "true");
    T_(":erlang.is_binary(\"a\")", C("erlang", "is_binary", 1, S("a")), "true");
    T_(":erlang.is_list([1 | 2])", C("erlang", "is_list", 1, LT(I(2), 1, I(1))), "true");
    T_(":erlang.is_number(1.5)", C("erlang", "is_number", 1, F(1.5)), "true");
    T_(":erlang.is_boolean(nil)", C("erlang", "is_boolean", 1, ATOM_nil), "false");
    T_(":erlang.is_map_key(:a, %{a: 1})", C("erlang", "is_map_key", 2, A("a"), M(1, A("a"), I(1))), "true");
    T_(":erlang.is_map_key(1, 2)", C("erlang", "is_map_key", 2, I(1), I(2)), "badmap 2");
    T_(":erlang.is_function(1, -1)", C("erlang", "is_function", 2, I(1), I(-1)), "badarg@2: out of range");
    T_(":erlang.element(2, {:a, :b})", C("erlang", "element", 2, I(2), T(2, A("a"), A("b"))), ":b");
    T_(":erlang.element(5, {1})", C("erlang", "element", 2, I(5), T(1, I(1))), "badarg@1: out of range");
    T_(":erlang.element(1, 2)", C("erlang", "element", 2, I(1), I(2)), "badarg@2: not a tuple");
    T_(":erlang.setelement(1, {1, 2}, :x)", C("erlang", "setelement", 3, I(1), T(2, I(1), I(2)), A("x")), "{:x, 2}");
    T_(":erlang.tuple_size({})", C("erlang", "tuple_size", 1, T(0)), "0");
    T_(":erlang.map_size(1)", C("erlang", "map_size", 1, I(1)), "badmap 1");
    T_(":erlang.byte_size(\"héllo\")", C("erlang", "byte_size", 1, S("héllo")), "6");
    T_(":erlang.bit_size(\"ab\")", C("erlang", "bit_size", 1, S("ab")), "16");
    T_(":erlang.byte_size(1)", C("erlang", "byte_size", 1, I(1)), "badarg@1: not a bitstring");
    T_(":erlang.make_tuple(3, 0, [{1, :a}, {3, :c}, {1, :b}])",
       C("erlang", "make_tuple", 3, I(3), I(0), L(3, T(2, I(1), A("a")), T(2, I(3), A("c")), T(2, I(1), A("b")))),
       "{:b, 0, :c}");
    T_(":erlang.make_tuple(2, 1, [{3, 1}])", C("erlang", "make_tuple", 3, I(2), I(1), L(1, T(2, I(3), I(1)))),
       "badarg@3: invalid option in list");
    T_(":erlang.make_tuple(-1, 1)", C("erlang", "make_tuple", 2, I(-1), I(1)), "badarg@1: out of range");
    T_(":erlang.append_element({1}, 2)", C("erlang", "append_element", 2, T(1, I(1)), I(2)), "{1, 2}");
    T_(":erlang.tuple_to_list({1, 2})", C("erlang", "tuple_to_list", 1, T(2, I(1), I(2))), "[1, 2]");
    T_(":erlang.list_to_tuple([1 | 2])", C("erlang", "list_to_tuple", 1, LT(I(2), 1, I(1))), "badarg@1: not a list");
    T_(":erlang.length([1, 2, 3])", C("erlang", "length", 1, L(3, I(1), I(2), I(3))), "3");
    T_(":erlang.length([1 | 2])", C("erlang", "length", 1, LT(I(2), 1, I(1))), "badarg@1: not a list");
    T_(":erlang.hd([])", C("erlang", "hd", 1, NIL), "badarg@1: not a nonempty list");
    T_(":erlang.tl([1, 2])", C("erlang", "tl", 1, L(2, I(1), I(2))), "[2]");
    T_(":erlang.++([1, 2], 3)", C("erlang", "++", 2, L(2, I(1), I(2)), I(3)), "[1, 2 | 3]");
    T_(":erlang.++(1, [])", C("erlang", "++", 2, I(1), NIL), "badarg");
    T_(":erlang.--([1, 2, 1.0, 3, 1], [1, 1.0, 4])",
       C("erlang", "--", 2, L(5, I(1), I(2), F(1.0), I(3), I(1)), L(3, I(1), F(1.0), I(4))), "[2, 3, 1]");
    T_(":erlang.--([1], [1 | 2])", C("erlang", "--", 2, L(1, I(1)), LT(I(2), 1, I(1))), "badarg");
    T_(":erlang.error(:foo)", C("erlang", "error", 1, A("foo")), "error :foo");
    T_(":erlang.throw(:ball)", C("erlang", "throw", 1, A("ball")), "throw :ball");
    T_(":erlang.exit(:normal)", C("erlang", "exit", 1, A("normal")), "exit :normal");
    T_(":erlang.raise(:bad, 1, [])", C("erlang", "raise", 3, A("bad"), I(1), NIL), ":badarg");
    T_(":erlang.node()", C("erlang", "node", 0), ":nonode@nohost");
    T_(":erlang.phash2(1, 0)", C("erlang", "phash2", 2, I(1), I(0)), "badarg@1: out of range");
    T_(":erlang.unique_integer([:bad])", C("erlang", "unique_integer", 1, L(1, A("bad"))), "badarg@1: invalid modifier");
}

static void test_erlang_convert(void)
{
    T_(":erlang.atom_to_binary(:\"é\")", C("erlang", "atom_to_binary", 1, A("é")), "\"é\"");
    T_(":erlang.atom_to_binary(:\"é\", :latin1)", C("erlang", "atom_to_binary", 2, A("é"), A("latin1")), "<<233>>");
    T_(":erlang.atom_to_binary(:\"ā\", :latin1)", C("erlang", "atom_to_binary", 2, A("ā"), A("latin1")),
       "badarg@1: contains a character not expressible in latin1");
    T_(":erlang.atom_to_binary(1)", C("erlang", "atom_to_binary", 1, I(1)), "badarg@1: not an atom");
    T_(":erlang.atom_to_list(:\"é\")", C("erlang", "atom_to_list", 1, A("é")), "[233]");
    T_(":erlang.binary_to_atom(<<233>>, :latin1)", C("erlang", "binary_to_atom", 2, SB("\xe9", 1), A("latin1")), ":é");
    T_(":erlang.binary_to_atom(<<255>>)", C("erlang", "binary_to_atom", 1, SB("\xff", 1)), "badarg@1: invalid UTF8 encoding");
    T_(":erlang.binary_to_atom(\"a\", :bad)", C("erlang", "binary_to_atom", 2, S("a"), A("bad")),
       "badarg@2: not one of the atoms: latin1, utf8, or unicode");
    T_(":erlang.binary_to_atom(String.duplicate(\"a\", 256))",
       C("erlang", "binary_to_atom", 1, C("Elixir.String", "duplicate", 2, S("a"), I(256))), "system_limit");
    T_(":erlang.binary_to_existing_atom(\"nonexistent_atom_xyz\")",
       C("erlang", "binary_to_existing_atom", 1, S("nonexistent_atom_xyz")), "badarg@1: not an already existing atom");
    T_(":erlang.list_to_atom('abc')", C("erlang", "list_to_atom", 1, CL("abc")), ":abc");
    T_(":erlang.list_to_atom([-1])", C("erlang", "list_to_atom", 1, L(1, I(-1))), "badarg@1: not a list of characters");
    T_(":erlang.list_to_atom([?a | ?b])", C("erlang", "list_to_atom", 1, LT(I('b'), 1, I('a'))), "badarg@1: not a proper list");
    T_(":erlang.integer_to_binary(-255, 16)", C("erlang", "integer_to_binary", 2, I(-255), I(16)), "\"-FF\"");
    T_(":erlang.integer_to_binary(1, 37)", C("erlang", "integer_to_binary", 2, I(1), I(37)),
       "badarg@2: not an integer in the range 2 through 36");
    T_(":erlang.integer_to_list(255, 2)", C("erlang", "integer_to_list", 2, I(255), I(2)), "'11111111'");
    T_(":erlang.binary_to_integer(\"+12\")", C("erlang", "binary_to_integer", 1, S("+12")), "12");
    T_(":erlang.binary_to_integer(\"ff\", 16)", C("erlang", "binary_to_integer", 2, S("ff"), I(16)), "255");
    T_(":erlang.binary_to_integer(\"123456789012345678901234567890\")",
       C("erlang", "binary_to_integer", 1, S("123456789012345678901234567890")), "123456789012345678901234567890");
    T_(":erlang.binary_to_integer(\"abc\")", C("erlang", "binary_to_integer", 1, S("abc")),
       "badarg@1: not a textual representation of an integer");
    T_(":erlang.binary_to_integer(\"1_0\")", C("erlang", "binary_to_integer", 1, S("1_0")),
       "badarg@1: not a textual representation of an integer");
    T_(":erlang.binary_to_integer(:a)", C("erlang", "binary_to_integer", 1, A("a")), "badarg@1: not a binary");
    T_(":erlang.list_to_integer('-42')", C("erlang", "list_to_integer", 1, CL("-42")), "-42");
    T_(":erlang.list_to_integer(:x)", C("erlang", "list_to_integer", 1, A("x")), "badarg@1: not a list");
    T_(":erlang.binary_to_float(\"1.0E5\")", C("erlang", "binary_to_float", 1, S("1.0E5")), "100000.0");
    T_(":erlang.binary_to_float(\"1e5\")", C("erlang", "binary_to_float", 1, S("1e5")),
       "badarg@1: not a textual representation of a float");
    T_(":erlang.binary_to_float(\"1.0e400\")", C("erlang", "binary_to_float", 1, S("1.0e400")),
       "badarg@1: not a textual representation of a float");
    T_(":erlang.list_to_float('-0.5')", C("erlang", "list_to_float", 1, CL("-0.5")), "-0.5");
    T_(":erlang.float_to_binary(-123.456)", C("erlang", "float_to_binary", 1, F(-123.456)), "\"-1.23456000000000003070e+02\"");
    T_(":erlang.float_to_binary(0.1, [:short])", C("erlang", "float_to_binary", 2, F(0.1), L(1, A("short"))), "\"0.1\"");
    T_(":erlang.float_to_binary(2.5, [{:decimals, 0}])", C("erlang", "float_to_binary", 2, F(2.5), L(1, T(2, A("decimals"), I(0)))), "\"3\"");
    T_(":erlang.float_to_binary(0.015, [{:decimals, 2}])",
       C("erlang", "float_to_binary", 2, F(0.015), L(1, T(2, A("decimals"), I(2)))), "\"0.02\"");
    T_(":erlang.float_to_binary(100.0, [{:decimals, 4}, :compact])",
       C("erlang", "float_to_binary", 2, F(100.0), L(2, T(2, A("decimals"), I(4)), A("compact"))), "\"100.0\"");
    T_(":erlang.float_to_binary(-0.0, [{:decimals, 2}])",
       C("erlang", "float_to_binary", 2, F(-0.0), L(1, T(2, A("decimals"), I(2)))), "\"-0.00\"");
    T_(":erlang.float_to_binary(1.0e20, [{:decimals, 2}])",
       C("erlang", "float_to_binary", 2, F(1e20), L(1, T(2, A("decimals"), I(2)))), "\"100000000000000000000.00\"");
    T_(":erlang.float_to_binary(1.0e300, [{:decimals, 2}])",
       C("erlang", "float_to_binary", 2, F(1e300), L(1, T(2, A("decimals"), I(2)))), "badarg@2: invalid option in list");
    T_(":erlang.float_to_binary(1.0e100, [{:scientific, 3}])",
       C("erlang", "float_to_binary", 2, F(1e100), L(1, T(2, A("scientific"), I(3)))), "\"1.000e+100\"");
    T_(":erlang.float_to_binary(1.0, [{:scientific, 3}, {:decimals, 2}])",
       C("erlang", "float_to_binary", 2, F(1.0), L(2, T(2, A("scientific"), I(3)), T(2, A("decimals"), I(2)))), "\"1.00\"");
    T_(":erlang.float_to_binary(1)", C("erlang", "float_to_binary", 1, I(1)), "badarg@1: not a float");
    T_(":erlang.float_to_list(1.0, [:short])", C("erlang", "float_to_list", 2, F(1.0), L(1, A("short"))), "'1.0'");
    T_(":erlang.binary_to_list(\"abc\", 1, 3)", C("erlang", "binary_to_list", 3, S("abc"), I(1), I(3)), "'abc'");
    T_(":erlang.binary_to_list(\"abc\", 3, 2)", C("erlang", "binary_to_list", 3, S("abc"), I(3), I(2)),
       "badarg@2: start position greater than stop position");
    T_(":erlang.list_to_binary([1, \"a\" | \"b\"])", C("erlang", "list_to_binary", 1, LT(S("b"), 2, I(1), S("a"))), "<<1, 97, 98>>");
    T_(":erlang.list_to_binary([256])", C("erlang", "list_to_binary", 1, L(1, I(256))), "badarg@1: not an iolist term");
    T_(":erlang.iolist_to_binary([\"ab\", [?c, [?d]] | \"e\"])",
       C("erlang", "iolist_to_binary", 1, LT(S("e"), 2, S("ab"), L(2, I('c'), L(1, I('d'))))), "\"abcde\"");
    T_(":erlang.iolist_to_binary(:a)", C("erlang", "iolist_to_binary", 1, A("a")), "badarg@1: not an iodata term");
    T_(":erlang.iolist_size([1, \"ab\" | \"c\"])", C("erlang", "iolist_size", 1, LT(S("c"), 2, I(1), S("ab"))), "4");
    T_(":erlang.binary_part(\"abc\", 3, -2)", C("erlang", "binary_part", 3, S("abc"), I(3), I(-2)), "\"bc\"");
    T_(":erlang.binary_part(\"abc\", 2, 5)", C("erlang", "binary_part", 3, S("abc"), I(2), I(5)), "badarg@3: out of range");
    T_(":erlang.split_binary(\"abc\", 1)", C("erlang", "split_binary", 2, S("abc"), I(1)), "{\"a\", \"bc\"}");
}

static void test_lists(void)
{
    T_(":lists.reverse([1, 2, 3])", C("lists", "reverse", 1, L(3, I(1), I(2), I(3))), "[3, 2, 1]");
    T_(":lists.reverse([1, 2], 3)", C("lists", "reverse", 2, L(2, I(1), I(2)), I(3)), "[2, 1 | 3]");
    T_(":lists.reverse(1)", C("lists", "reverse", 1, I(1)), "function_clause");
    T_(":lists.member(1.0, [1])", C("lists", "member", 2, F(1.0), L(1, I(1))), "false");
    T_(":lists.member(1, [2 | 3])", C("lists", "member", 2, I(1), LT(I(3), 1, I(2))), "badarg@2: not a proper list");
    T_(":lists.keyfind(1.0, 1, [{1}])", C("lists", "keyfind", 3, F(1.0), I(1), L(1, T(1, I(1)))), "{1}");
    T_(":lists.keyfind(1, 1, [{2}, 5, {1, 2}])",
       C("lists", "keyfind", 3, I(1), I(1), L(3, T(1, I(2)), I(5), T(2, I(1), I(2)))), "{1, 2}");
    T_(":lists.keyfind(1, 0, [])", C("lists", "keyfind", 3, I(1), I(0), NIL), "badarg@2: out of range");
    T_(":lists.keymember(1, :a, [])", C("lists", "keymember", 3, I(1), A("a"), NIL), "badarg@2: not an integer");
    T_(":lists.keydelete(1, 1, [{1}, {1}])", C("lists", "keydelete", 3, I(1), I(1), L(2, T(1, I(1)), T(1, I(1)))), "[{1}]");
    T_(":lists.keyreplace(1, 1, [{1, 2}, {1, 3}], {:x})",
       C("lists", "keyreplace", 4, I(1), I(1), L(2, T(2, I(1), I(2)), T(2, I(1), I(3))), T(1, A("x"))), "[{:x}, {1, 3}]");
    T_(":lists.keystore(1, 1, [{2}], {:x})", C("lists", "keystore", 4, I(1), I(1), L(1, T(1, I(2))), T(1, A("x"))), "[{2}, {:x}]");
    T_(":lists.keytake(1, 1, [{2}, {1, 3}])", C("lists", "keytake", 3, I(1), I(1), L(2, T(1, I(2)), T(2, I(1), I(3)))),
       "{:value, {1, 3}, [{2}]}");
    T_(":lists.sort([3, 1, 1.0, 2, 1])", C("lists", "sort", 1, L(5, I(3), I(1), F(1.0), I(2), I(1))), "[1, 1.0, 1, 2, 3]");
    T_(":lists.usort([3, 1, 1.0, 2, 1])", C("lists", "usort", 1, L(5, I(3), I(1), F(1.0), I(2), I(1))), "[1, 2, 3]");
    T_(":lists.sort([:b, 1, \"x\", {1}, [], [1], %{}, 2.0])",
       C("lists", "sort", 1, L(8, A("b"), I(1), S("x"), T(1, I(1)), NIL, L(1, I(1)), M(0), F(2.0))),
       "[1, 2.0, :b, {1}, %{}, [], [1], \"x\"]");
    T_(":lists.keysort(2, [{1, :b}, {2, :a}, {3, :b}, {0, :a}])",
       C("lists", "keysort", 2, I(2), L(4, T(2, I(1), A("b")), T(2, I(2), A("a")), T(2, I(3), A("b")), T(2, I(0), A("a")))),
       "[{2, :a}, {0, :a}, {1, :b}, {3, :b}]");
    T_(":lists.seq(1, 10, 3)", C("lists", "seq", 3, I(1), I(10), I(3)), "[1, 4, 7, 10]");
    T_(":lists.seq(10, 1, -3)", C("lists", "seq", 3, I(10), I(1), I(-3)), "[10, 7, 4, 1]");
    T_(":lists.seq(1, 0)", C("lists", "seq", 2, I(1), I(0)), "[]");
    T_(":lists.seq(1, -1)", C("lists", "seq", 2, I(1), I(-1)), "function_clause");
    T_(":lists.seq(1, 10, 0)", C("lists", "seq", 3, I(1), I(10), I(0)), "badarg@3: not a positive increment");
    T_(":lists.seq(5, 3, 1)", C("lists", "seq", 3, I(5), I(3), I(1)), "badarg@3: not a negative increment");
    T_(":lists.nth(2, [:a, :b])", C("lists", "nth", 2, I(2), L(2, A("a"), A("b"))), ":b");
    T_(":lists.nth(3, [:a, :b])", C("lists", "nth", 2, I(3), L(2, A("a"), A("b"))), "function_clause");
    T_(":lists.nthtail(1, [1, 2])", C("lists", "nthtail", 2, I(1), L(2, I(1), I(2))), "[2]");
    T_(":lists.last([1, 2])", C("lists", "last", 1, L(2, I(1), I(2))), "2");
    T_(":lists.append([[1], [2], 3])", C("lists", "append", 1, L(3, L(1, I(1)), L(1, I(2)), I(3))), "[1, 2 | 3]");
    T_(":lists.append([1, [2]])", C("lists", "append", 1, L(2, I(1), L(1, I(2)))), "badarg");
    T_(":lists.flatten([1, [2, [3]], []])", C("lists", "flatten", 1, L(3, I(1), L(2, I(2), L(1, I(3))), NIL)), "[1, 2, 3]");
    T_(":lists.flatten([1, [2]], [4])", C("lists", "flatten", 2, L(2, I(1), L(1, I(2))), L(1, I(4))), "[1, 2, 4]");
    T_(":lists.sublist([1, 2, 3], 2, 5)", C("lists", "sublist", 3, L(3, I(1), I(2), I(3)), I(2), I(5)), "[2, 3]");
    T_(":lists.sublist([1, 2, 3], 5, 1)", C("lists", "sublist", 3, L(3, I(1), I(2), I(3)), I(5), I(1)), "[]");
    T_(":lists.duplicate(2, :a)", C("lists", "duplicate", 2, I(2), A("a")), "[:a, :a]");
    T_(":lists.delete(1.0, [1, 1.0])", C("lists", "delete", 2, F(1.0), L(2, I(1), F(1.0))), "[1]");
    T_(":lists.zip([1, 2], [3, 4])", C("lists", "zip", 2, L(2, I(1), I(2)), L(2, I(3), I(4))), "[{1, 3}, {2, 4}]");
    T_(":lists.zip([1], [2, 3])", C("lists", "zip", 2, L(1, I(1)), L(2, I(2), I(3))), "function_clause");
    T_(":lists.unzip([{1, 2}, {3, 4}])", C("lists", "unzip", 1, L(2, T(2, I(1), I(2)), T(2, I(3), I(4)))), "{[1, 3], [2, 4]}");
    T_(":lists.split(1, [1, 2 | 3])", C("lists", "split", 2, I(1), LT(I(3), 2, I(1), I(2))), "{[1], [2 | 3]}");
    T_(":lists.split(3, [1])", C("lists", "split", 2, I(3), L(1, I(1))), "badarg");
    T_(":lists.max([1, 1.0])", C("lists", "max", 1, L(2, I(1), F(1.0))), "1");
    T_(":lists.min([])", C("lists", "min", 1, NIL), "function_clause");
    T_(":lists.sum([1, 2.0])", C("lists", "sum", 1, L(2, I(1), F(2.0))), "3.0");
    T_(":lists.sum([1, :a])", C("lists", "sum", 1, L(2, I(1), A("a"))), "badarith");
    T_(":lists.prefix([1], [1, 2])", C("lists", "prefix", 2, L(1, I(1)), L(2, I(1), I(2))), "true");
    T_(":lists.suffix([2], [1, 2])", C("lists", "suffix", 2, L(1, I(2)), L(2, I(1), I(2))), "true");
}

static void test_maps(void)
{
    Term m = M(2, A("a"), I(1), A("b"), I(2));
    T_(":maps.get(:a, %{a: 1, b: 2})", C("maps", "get", 2, A("a"), m), "1");
    T_(":maps.get(:c, %{a: 1, b: 2})", C("maps", "get", 2, A("c"), m), "badkey :c");
    T_(":maps.get(:a, 1)", C("maps", "get", 2, A("a"), I(1)), "badmap 1");
    T_(":maps.get(:c, %{a: 1, b: 2}, 0)", C("maps", "get", 3, A("c"), m, I(0)), "0");
    T_(":maps.find(:b, %{a: 1, b: 2})", C("maps", "find", 2, A("b"), m), "{:ok, 2}");
    T_(":maps.put(:c, 3, %{a: 1, b: 2})", C("maps", "put", 3, A("c"), I(3), m), "%{a: 1, b: 2, c: 3}");
    T_(":maps.update(:c, 1, %{a: 1, b: 2})", C("maps", "update", 3, A("c"), I(1), m), "badkey :c");
    T_(":maps.remove(:a, %{a: 1, b: 2})", C("maps", "remove", 2, A("a"), m), "%{b: 2}");
    T_(":maps.merge(%{a: 1, b: 2}, %{b: 3})", C("maps", "merge", 2, m, M(1, A("b"), I(3))), "%{a: 1, b: 3}");
    T_(":maps.keys(%{a: 1, b: 2})", C("maps", "keys", 1, m), "[:a, :b]");
    T_(":maps.to_list(%{a: 1, b: 2})", C("maps", "to_list", 1, m), "[a: 1, b: 2]");
    T_(":maps.from_list([{1, 2}, {1, 3}])", C("maps", "from_list", 1, L(2, T(2, I(1), I(2)), T(2, I(1), I(3)))), "%{1 => 3}");
    T_(":maps.from_list([1])", C("maps", "from_list", 1, L(1, I(1))), "badarg");
    T_(":maps.from_keys([1, 2], 0)", C("maps", "from_keys", 2, L(2, I(1), I(2)), I(0)), "%{1 => 0, 2 => 0}");
    T_(":maps.take(:a, %{a: 1, b: 2})", C("maps", "take", 2, A("a"), m), "{1, %{b: 2}}");
    T_(":maps.take(:c, %{a: 1, b: 2})", C("maps", "take", 2, A("c"), m), ":error");
    T_(":maps.with([:a, :c], %{a: 1, b: 2})", C("maps", "with", 2, L(2, A("a"), A("c")), m), "%{a: 1}");
    T_(":maps.without([:a, :c], %{a: 1, b: 2})", C("maps", "without", 2, L(2, A("a"), A("c")), m), "%{b: 2}");
    T_(":maps.with(1, %{})", C("maps", "with", 2, I(1), M(0)), "badarg@1: not a list");
    T_(":maps.size(%{a: 1, b: 2})", C("maps", "size", 1, m), "2");
}

static void test_binary_module(void)
{
    T_(":binary.split(\"a,b,,c,,\", \",\", [:global, :trim])",
       C("binary", "split", 3, S("a,b,,c,,"), S(","), L(2, A("global"), A("trim"))), "[\"a\", \"b\", \"\", \"c\"]");
    T_(":binary.split(\",a,b,,c,,\", \",\", [:global, :trim_all])",
       C("binary", "split", 3, S(",a,b,,c,,"), S(","), L(2, A("global"), A("trim_all"))), "[\"a\", \"b\", \"c\"]");
    T_(":binary.split(\"a,b,c\", [\",\", \"b\"], [:global])",
       C("binary", "split", 3, S("a,b,c"), L(2, S(","), S("b")), L(1, A("global"))), "[\"a\", \"\", \"\", \"c\"]");
    T_(":binary.split(\"a,b,c\", \",\", [{:scope, {2, 3}}, :global])",
       C("binary", "split", 3, S("a,b,c"), S(","), L(2, T(2, A("scope"), T(2, I(2), I(3))), A("global"))), "[\"a,b\", \"c\"]");
    T_(":binary.split(\"abc\", \"\")", C("binary", "split", 2, S("abc"), S("")), "badarg@2: not a valid pattern");
    T_(":binary.split(\"a\", \",\", [:bad])", C("binary", "split", 3, S("a"), S(","), L(1, A("bad"))), "badarg@3: invalid options");
    T_(":binary.replace(\"aXbXc\", \"X\", \"[]\", [:global, {:insert_replaced, 1}])",
       C("binary", "replace", 4, S("aXbXc"), S("X"), S("[]"), L(2, A("global"), T(2, A("insert_replaced"), I(1)))),
       "\"a[X]b[X]c\"");
    T_(":binary.replace(\"aXbXc\", \"X\", \"-\")", C("binary", "replace", 3, S("aXbXc"), S("X"), S("-")), "\"a-bXc\"");
    T_(":binary.match(\"abcbc\", [\"c\", \"bc\"])", C("binary", "match", 2, S("abcbc"), L(2, S("c"), S("bc"))), "{1, 2}");
    T_(":binary.match(\"abc\", \"x\")", C("binary", "match", 2, S("abc"), S("x")), ":nomatch");
    T_(":binary.matches(\"aaa\", \"aa\")", C("binary", "matches", 2, S("aaa"), S("aa")), "[{0, 2}]");
    T_(":binary.part(\"abc\", {3, -2})", C("binary", "part", 2, S("abc"), T(2, I(3), I(-2))), "\"bc\"");
    T_(":binary.first(\"\")", C("binary", "first", 1, S("")), "badarg@1: a zero-sized binary is not allowed");
    T_(":binary.last(\"abc\")", C("binary", "last", 1, S("abc")), "99");
    T_(":binary.at(\"abc\", 3)", C("binary", "at", 2, S("abc"), I(3)), "badarg");
    T_(":binary.copy(\"ab\", 3)", C("binary", "copy", 2, S("ab"), I(3)), "\"ababab\"");
    T_(":binary.copy(\"ab\", -1)", C("binary", "copy", 2, S("ab"), I(-1)), "badarg@2: out of range");
    T_(":binary.bin_to_list(\"abc\", {1, 2})", C("binary", "bin_to_list", 2, S("abc"), T(2, I(1), I(2))), "'bc'");
    T_(":binary.decode_unsigned(<<1, 0>>)", C("binary", "decode_unsigned", 1, SB("\x01\x00", 2)), "256");
    T_(":binary.decode_unsigned(<<1, 0>>, :little)", C("binary", "decode_unsigned", 2, SB("\x01\x00", 2), A("little")), "1");
    T_(":binary.encode_unsigned(256)", C("binary", "encode_unsigned", 1, I(256)), "<<1, 0>>");
    T_(":binary.encode_unsigned(0)", C("binary", "encode_unsigned", 1, I(0)), "<<0>>");
    T_(":binary.encode_unsigned(-1)", C("binary", "encode_unsigned", 1, I(-1)), "badarg@1: out of range");
    T_(":binary.longest_common_prefix([\"abc\", \"abd\", \"ab\"])",
       C("binary", "longest_common_prefix", 1, L(3, S("abc"), S("abd"), S("ab"))), "2");
    T_(":binary.longest_common_prefix([])", C("binary", "longest_common_prefix", 1, NIL), "badarg@1: not a flat list of binaries");
}

static void test_unicode(void)
{
    T_(":unicode.characters_to_binary([?a, [?b, \"c\"] | \"d\"])",
       C("unicode", "characters_to_binary", 1, LT(S("d"), 2, I('a'), L(2, I('b'), S("c")))), "\"abcd\"");
    T_(":unicode.characters_to_binary(<<\"abc\", 255>>)", C("unicode", "characters_to_binary", 1, SB("abc\xff", 4)),
       "{:error, \"abc\", <<255>>}");
    T_(":unicode.characters_to_binary(<<\"abc\", 0xC3>>)", C("unicode", "characters_to_binary", 1, SB("abc\xc3", 4)),
       "{:incomplete, \"abc\", <<195>>}");
    T_(":unicode.characters_to_binary([\"ab\", <<255>>, \"cd\"])",
       C("unicode", "characters_to_binary", 1, L(3, S("ab"), SB("\xff", 1), S("cd"))), "{:error, \"ab\", [<<255>>, \"cd\"]}");
    T_(":unicode.characters_to_binary([\"ab\", 0x110000])", C("unicode", "characters_to_binary", 1, L(2, S("ab"), I(0x110000))),
       "{:error, \"ab\", [1114112]}");
    T_(":unicode.characters_to_binary([<<\"x\", 0xC3>>, <<0xA9>>])",
       C("unicode", "characters_to_binary", 1, L(2, SB("x\xc3", 2), SB("\xa9", 1))), "\"xé\"");
    T_(":unicode.characters_to_binary([\"ab\", :a])", C("unicode", "characters_to_binary", 1, L(2, S("ab"), A("a"))),
       "badarg@1: not valid character data (an iodata term)");
    T_(":unicode.characters_to_binary(<<233>>, :latin1)", C("unicode", "characters_to_binary", 2, SB("\xe9", 1), A("latin1")), "\"é\"");
    T_(":unicode.characters_to_list(\"héllo\")", C("unicode", "characters_to_list", 1, S("héllo")), "[104, 233, 108, 108, 111]");
    T_(":unicode.characters_to_list(<<\"a\", 255>>)", C("unicode", "characters_to_list", 1, SB("a\xff", 2)), "{:error, 'a', <<255>>}");
    T_(":unicode.characters_to_nfc_binary(\"e\\u0301\")", C("unicode", "characters_to_nfc_binary", 1, S("e\xcc\x81")), "\"é\"");
    T_(":unicode.characters_to_nfd_binary(\"é\")", C("unicode", "characters_to_nfd_binary", 1, S("é")), "\"e\u0301\"");
    T_(":unicode.characters_to_nfkc_binary(\"ﬁ\")", C("unicode", "characters_to_nfkc_binary", 1, S("ﬁ")), "\"fi\"");
}

static void test_math_timer(void)
{
    T_(":math.sqrt(4)", C("math", "sqrt", 1, I(4)), "2.0");
    T_(":math.sqrt(-1)", C("math", "sqrt", 1, I(-1)), "badarith");
    T_(":math.sqrt(:a)", C("math", "sqrt", 1, A("a")), "badarg@1: not a number");
    T_(":math.pow(2, 0.5)", C("math", "pow", 2, I(2), F(0.5)), "1.4142135623730951");
    T_(":math.pow(10, 400)", C("math", "pow", 2, I(10), I(400)), "badarith");
    T_(":math.log(0)", C("math", "log", 1, I(0)), "badarith");
    T_(":math.log2(8)", C("math", "log2", 1, I(8)), "3.0");
    T_(":math.pi()", C("math", "pi", 0), "3.141592653589793");
    T_(":math.atan2(1, 1)", C("math", "atan2", 2, I(1), I(1)), "0.7853981633974483");
    T_(":math.floor(-1.5)", C("math", "floor", 1, F(-1.5)), "-2.0");
    T_(":math.fmod(5, 0)", C("math", "fmod", 2, I(5), I(0)), "badarith");
    T_(":timer.seconds(2)", C("timer", "seconds", 1, I(2)), "2000");
    T_(":timer.minutes(1.5)", C("timer", "minutes", 1, F(1.5)), "90000.0");
    T_(":timer.hms(1, 2, 3)", C("timer", "hms", 3, I(1), I(2), I(3)), "3723000");
    T_(":timer.seconds(:a)", C("timer", "seconds", 1, A("a")), "badarith");
    T_(":rand.uniform(0)", C("rand", "uniform", 1, I(0)), "function_clause");
    T_(":crypto.strong_rand_bytes(-1)", C("crypto", "strong_rand_bytes", 1, I(-1)), "badarg");
}

static void test_string(void)
{
    T_("String.length(\"👨‍👩‍👧\")", C("Elixir.String", "length", 1, S("👨‍👩‍👧")), "1");
    T_("String.length(<<255, ?a>>)", C("Elixir.String", "length", 1, SB("\xff" "a", 2)), "2");
    T_("String.length(1)", C("Elixir.String", "length", 1, I(1)), "function_clause");
    T_("String.graphemes(\"e\\u0301\\r\\nab🇫🇷🇫\")", C("Elixir.String", "graphemes", 1, S("e\xcc\x81\r\nab🇫🇷🇫")),
       "[\"e\u0301\", \"\\r\\n\", \"a\", \"b\", \"🇫🇷\", \"🇫\"]");
    T_("String.graphemes(<<255, ?a, 0xC3>>)", C("Elixir.String", "graphemes", 1, SB("\xff" "a\xc3", 3)), "[<<255>>, \"a\", <<195>>]");
    T_("String.codepoints(\"e\\u0301a\")", C("Elixir.String", "codepoints", 1, S("e\xcc\x81" "a")), "[\"e\", \"́\", \"a\"]");
    T_("String.upcase(\"ß\")", C("Elixir.String", "upcase", 1, S("ß")), "\"SS\"");
    T_("String.upcase(\"ﬁ and ǆ\")", C("Elixir.String", "upcase", 1, S("ﬁ and ǆ")), "\"FI AND Ǆ\"");
    T_("String.upcase(\"é\", :ascii)", C("Elixir.String", "upcase", 2, S("é"), A("ascii")), "\"é\"");
    T_("String.upcase(\"i\", :turkic)", C("Elixir.String", "upcase", 2, S("i"), A("turkic")), "\"İ\"");
    T_("String.downcase(\"ΣΑΣ\")", C("Elixir.String", "downcase", 1, S("ΣΑΣ")), "\"σασ\"");
    T_("String.downcase(\"ΑΣ ΑΣ\", :greek)", C("Elixir.String", "downcase", 2, S("ΑΣ ΑΣ"), A("greek")), "\"ας ας\"");
    T_("String.downcase(\"İ\")", C("Elixir.String", "downcase", 1, S("İ")), "\"i̇\"");
    T_("String.downcase(\"IİI\", :turkic)", C("Elixir.String", "downcase", 2, S("IİI"), A("turkic")), "\"ıiı\"");
    T_("String.downcase(<<255, ?A>>)", C("Elixir.String", "downcase", 1, SB("\xff" "A", 2)), "<<255, 97>>");
    T_("String.capitalize(\"hELLO wORLD\")", C("Elixir.String", "capitalize", 1, S("hELLO wORLD")), "\"Hello world\"");
    T_("String.capitalize(\"ßa\")", C("Elixir.String", "capitalize", 1, S("ßa")), "\"Ssa\"");
    T_("String.capitalize(\"ǆa\")", C("Elixir.String", "capitalize", 1, S("ǆa")), "\"ǅa\"");
    T_("String.capitalize(\"ﬁre\")", C("Elixir.String", "capitalize", 1, S("ﬁre")), "\"Fire\"");
    T_("String.reverse(\"e\\u0301ab\")", C("Elixir.String", "reverse", 1, S("e\xcc\x81" "ab")), "\"bae\u0301\"");
    T_("String.slice(\"héllo\", 1, 3)", C("Elixir.String", "slice", 3, S("héllo"), I(1), I(3)), "\"éll\"");
    T_("String.slice(\"héllo\", -10, 2)", C("Elixir.String", "slice", 3, S("héllo"), I(-10), I(2)), "\"hé\"");
    T_("String.slice(\"héllo\", 1, -1)", C("Elixir.String", "slice", 3, S("héllo"), I(1), I(-1)), "function_clause");
    T_("String.slice(\"héllo\", 1..-1)", C("Elixir.String", "slice", 2, S("héllo"), RANGE(1, -1, 1)), "\"éllo\"");
    T_("String.slice(\"héllo\", -3..-1)", C("Elixir.String", "slice", 2, S("héllo"), RANGE(-3, -1, 1)), "\"llo\"");
    T_("String.slice(\"héllo\", 1..-1//2)", C("Elixir.String", "slice", 2, S("héllo"), RANGE(1, -1, 2)), "\"él\"");
    T_("String.slice(\"abc\", -5..1)", C("Elixir.String", "slice", 2, S("abc"), RANGE(-5, 1, 1)), "\"ab\"");
    T_("String.at(\"héllo\", -1)", C("Elixir.String", "at", 2, S("héllo"), I(-1)), "\"o\"");
    T_("String.at(\"héllo\", 5)", C("Elixir.String", "at", 2, S("héllo"), I(5)), "nil");
    T_("String.first(\"éa\")", C("Elixir.String", "first", 1, S("éa")), "\"é\"");
    T_("String.last(\"ae\\u0301\")", C("Elixir.String", "last", 1, S("ae\xcc\x81")), "\"e\u0301\"");
    T_("String.last(\"\")", C("Elixir.String", "last", 1, S("")), "nil");
    T_("String.split_at(\"héllo\", -2)", C("Elixir.String", "split_at", 2, S("héllo"), I(-2)), "{\"hél\", \"lo\"}");
    T_("String.next_grapheme(\"éa\")", C("Elixir.String", "next_grapheme", 1, S("éa")), "{\"é\", \"a\"}");
    T_("String.next_codepoint(<<255, 1>>)", C("Elixir.String", "next_codepoint", 1, SB("\xff\x01", 2)), "{<<255>>, <<1>>}");
    T_("String.valid?(<<255>>)", C("Elixir.String", "valid?", 1, SB("\xff", 1)), "false");
    T_("String.printable?(\"abc\\0\")", C("Elixir.String", "printable?", 1, SB("abc\0", 4)), "false");
    T_("String.printable?(\"abc\\0\", 3)", C("Elixir.String", "printable?", 2, SB("abc\0", 4), I(3)), "true");
    T_("String.printable?(\"\\u{FFFF}\")", C("Elixir.String", "printable?", 1, S("\xef\xbf\xbf")), "false");
    T_("String.printable?(\"\\e\\d\\a\")", C("Elixir.String", "printable?", 1, S("\x1b\x7f\x07")), "true");
    T_("String.trim(\"\\u00A0 a \\u200B\")", C("Elixir.String", "trim", 1, S("\xc2\xa0 a \xe2\x80\x8b")), "\"a \u200B\"");
    T_("String.trim_leading(\"aaab\", \"a\")", C("Elixir.String", "trim_leading", 2, S("aaab"), S("a")), "\"b\"");
    T_("String.trim_trailing(\"abccc\", \"cc\")", C("Elixir.String", "trim_trailing", 2, S("abccc"), S("cc")), "\"abc\"");
    T_("String.trim(\"abc\", \"\")", C("Elixir.String", "trim", 2, S("abc"), S("")),
       "ArgumentError: cannot use an empty string as the match to replace");
    T_("String.split(\"  a  b\\u00A0c \")", C("Elixir.String", "split", 1, S("  a  b\xc2\xa0" "c ")), "[\"a\", \"b\u00A0c\"]");
    T_("String.split(\"abc\", \"\")", C("Elixir.String", "__split__", 2, S("abc"), S("")), "[\"\", \"a\", \"b\", \"c\", \"\"]");
    T_("String.split(\"abc\", \"\", parts: 3)", C("Elixir.String", "__split__", 3, S("abc"), S(""), L(1, T(2, A("parts"), I(3)))),
       "[\"\", \"a\", \"bc\"]");
    T_("String.split(\"\", \"\")", C("Elixir.String", "__split__", 2, S(""), S("")), "[\"\", \"\"]");
    T_("String.split(\",,a,,b,,\", \",\", parts: 2, trim: true)",
       C("Elixir.String", "__split__", 3, S(",,a,,b,,"), S(","), L(2, T(2, A("parts"), I(2)), T(2, A("trim"), ATOM_true))),
       "[\"a\", \",b,,\"]");
    T_("String.split(\"a,b,,\", \",\", parts: 3, trim: true)",
       C("Elixir.String", "__split__", 3, S("a,b,,"), S(","), L(2, T(2, A("parts"), I(3)), T(2, A("trim"), ATOM_true))),
       "[\"a\", \"b\", \",\"]");
    T_("String.split(\"a b\", [\" \", \"a\"])", C("Elixir.String", "__split__", 2, S("a b"), L(2, S(" "), S("a"))), "[\"\", \"\", \"b\"]");
    T_("String.split(\"\", \",\", trim: true)", C("Elixir.String", "__split__", 3, S(""), S(","), L(1, T(2, A("trim"), ATOM_true))), "[]");
    T_("String.split(\"abc\", \",\", parts: 0)", C("Elixir.String", "__split__", 3, S("abc"), S(","), L(1, T(2, A("parts"), I(0)))),
       "function_clause");
    T_("String.split(\"a\", 1)", C("Elixir.String", "__split__", 2, S("a"), I(1)), "badarg@2: not a valid pattern");
    T_("String.contains?(\"abc\", [\"x\", \"c\"])", C("Elixir.String", "contains?", 2, S("abc"), L(2, S("x"), S("c"))), "true");
    T_("String.contains?(\"abc\", [])", C("Elixir.String", "contains?", 2, S("abc"), NIL), "false");
    T_("String.contains?(\"abc\", \"\")", C("Elixir.String", "contains?", 2, S("abc"), S("")), "true");
    T_("String.starts_with?(\"abc\", [\"x\", \"\"])", C("Elixir.String", "starts_with?", 2, S("abc"), L(2, S("x"), S(""))), "true");
    T_("String.ends_with?(\"abc\", \"bc\")", C("Elixir.String", "ends_with?", 2, S("abc"), S("bc")), "true");
    T_("String.replace(\"é\\u0301x\", \"\", \"-\")", C("Elixir.String", "__replace__", 3, S("é\xcc\x81x"), S(""), S("-")), "\"-é́-x-\"");
    T_("String.replace(\"aaa\", \"a\", \"b\", global: false)",
       C("Elixir.String", "__replace__", 4, S("aaa"), S("a"), S("b"), L(1, T(2, A("global"), ATOM_false))), "\"baa\"");
    T_("String.replace(\"abcabc\", [\"a\", \"bc\"], \"X\")", C("Elixir.String", "__replace__", 3, S("abcabc"), L(2, S("a"), S("bc")), S("X")),
       "\"XXXX\"");
    T_("String.duplicate(\"ab\", 3)", C("Elixir.String", "duplicate", 2, S("ab"), I(3)), "\"ababab\"");
    T_("String.duplicate(\"abc\", -1)", C("Elixir.String", "duplicate", 2, S("abc"), I(-1)), "badarg@2: out of range");
    T_("String.pad_leading(\"abc\", 6, \"12\")", C("Elixir.String", "pad_leading", 3, S("abc"), I(6), S("12")), "\"121abc\"");
    T_("String.pad_trailing(\"abc\", 7, \"12\")", C("Elixir.String", "pad_trailing", 3, S("abc"), I(7), S("12")), "\"abc1212\"");
    T_("String.pad_leading(\"é\", 3)", C("Elixir.String", "pad_leading", 2, S("é"), I(3)), "\"  é\"");
    T_("String.pad_leading(\"abc\", 5, \"\")", C("Elixir.String", "pad_leading", 3, S("abc"), I(5), S("")), "function_clause");
}

static void test_base(void)
{
    T_("Base.encode64(\"foob\")", C("Elixir.Base", "encode64", 1, S("foob")), "\"Zm9vYg==\"");
    T_("Base.encode64(\"foob\", padding: false)", C("Elixir.Base", "encode64", 2, S("foob"), L(1, T(2, A("padding"), ATOM_false))),
       "\"Zm9vYg\"");
    T_("Base.url_encode64(<<255, 254, 253>>)", C("Elixir.Base", "url_encode64", 1, SB("\xff\xfe\xfd", 3)), "\"__79\"");
    T_("Base.decode64(\"Zm9vYg==\")", C("Elixir.Base", "decode64", 1, S("Zm9vYg==")), "{:ok, \"foob\"}");
    T_("Base.decode64(\"Zm9vYg\")", C("Elixir.Base", "decode64", 1, S("Zm9vYg")), ":error");
    T_("Base.decode64(\"Zm9vYg\", padding: false)", C("Elixir.Base", "decode64", 2, S("Zm9vYg"), L(1, T(2, A("padding"), ATOM_false))),
       "{:ok, \"foob\"}");
    T_("Base.decode64!(\"Zm9v!g==\")", C("Elixir.Base", "decode64!", 1, S("Zm9v!g==")),
       "ArgumentError: non-alphabet character found: \"!\" (byte 33)");
    T_("Base.decode64!(\"Zm9vYg\")", C("Elixir.Base", "decode64!", 1, S("Zm9vYg")), "ArgumentError: incorrect padding");
    T_("Base.decode64!(\"Z===\")", C("Elixir.Base", "decode64!", 1, S("Z===")),
       "ArgumentError: non-alphabet character found: \"=\" (byte 61)");
    T_("Base.decode64!(\"Zm9v\\ng==\")", C("Elixir.Base", "decode64!", 1, S("Zm9v\ng==")),
       "ArgumentError: non-alphabet character found: \"\\n\" (byte 10)");
    T_("Base.decode64(\"Zm9v\\nYg==\", ignore: :whitespace)",
       C("Elixir.Base", "decode64", 2, S("Zm9v\nYg=="), L(1, T(2, A("ignore"), A("whitespace")))), "{:ok, \"foob\"}");
    T_("Base.decode64(\"Zm9vYh==\")", C("Elixir.Base", "decode64", 1, S("Zm9vYh==")), "{:ok, \"foob\"}");
    T_("Base.url_decode64!(\"+/79\")", C("Elixir.Base", "url_decode64!", 1, S("+/79")),
       "ArgumentError: non-alphabet character found: \"+\" (byte 43)");
    T_("Base.encode16(<<171, 205>>, case: :lower)", C("Elixir.Base", "encode16", 2, SB("\xab\xcd", 2), L(1, T(2, A("case"), A("lower")))),
       "\"abcd\"");
    T_("Base.decode16(\"AbCd\", case: :mixed)", C("Elixir.Base", "decode16", 2, S("AbCd"), L(1, T(2, A("case"), A("mixed")))),
       "{:ok, <<171, 205>>}");
    T_("Base.decode16(\"abcd\")", C("Elixir.Base", "decode16", 1, S("abcd")), ":error");
    T_("Base.decode16!(<<255, 255>>)", C("Elixir.Base", "decode16!", 1, SB("\xff\xff", 2)),
       "ArgumentError: non-alphabet character found: \"\\xFF\" (byte 255)");
    T_("Base.decode16!(\"ABC\")", C("Elixir.Base", "decode16!", 1, S("ABC")),
       "ArgumentError: string given to decode has wrong length. An even number of bytes was expected, got: 3. Double check your string for unwanted characters or pad it accordingly");
    T_("Base.encode64(1)", C("Elixir.Base", "encode64", 1, I(1)), "function_clause");
}

static void test_numbers(void)
{
    T_("Integer.parse(\"-12abc\")", C("Elixir.Integer", "parse", 1, S("-12abc")), "{-12, \"abc\"}");
    T_("Integer.parse(\"1_000\")", C("Elixir.Integer", "parse", 1, S("1_000")), "{1, \"_000\"}");
    T_("Integer.parse(\"FFz\", 16)", C("Elixir.Integer", "parse", 2, S("FFz"), I(16)), "{255, \"z\"}");
    T_("Integer.parse(\"+\")", C("Elixir.Integer", "parse", 1, S("+")), ":error");
    T_("Integer.parse(\"12\", 37)", C("Elixir.Integer", "parse", 2, S("12"), I(37)), "ArgumentError: invalid base 37");
    T_("Integer.parse(\"12\", :a)", C("Elixir.Integer", "parse", 2, S("12"), A("a")), "ArgumentError: invalid base :a");
    T_("Integer.to_string(-255, 2)", C("Elixir.Integer", "to_string", 2, I(-255), I(2)), "\"-11111111\"");
    T_("Integer.to_string(1.0)", C("Elixir.Integer", "to_string", 1, F(1.0)), "badarg@1: not an integer");
    T_("Integer.digits(-123)", C("Elixir.Integer", "digits", 1, I(-123)), "[-1, -2, -3]");
    T_("Integer.digits(255, 16)", C("Elixir.Integer", "digits", 2, I(255), I(16)), "[15, 15]");
    T_("Integer.digits(1, 1)", C("Elixir.Integer", "digits", 2, I(1), I(1)), "function_clause");
    T_("Float.parse(\"1.5e3x\")", C("Elixir.Float", "parse", 1, S("1.5e3x")), "{1500.0, \"x\"}");
    T_("Float.parse(\"1.\")", C("Elixir.Float", "parse", 1, S("1.")), "{1.0, \".\"}");
    T_("Float.parse(\"1.5e+\")", C("Elixir.Float", "parse", 1, S("1.5e+")), "{1.5, \"e+\"}");
    T_("Float.parse(\".5\")", C("Elixir.Float", "parse", 1, S(".5")), ":error");
    T_("Float.parse(\"2.0e308\")", C("Elixir.Float", "parse", 1, S("2.0e308")), ":error");
    T_("Float.round(5.5675, 3)", C("Elixir.Float", "round", 2, F(5.5675), I(3)), "5.567");
    T_("Float.round(2.675, 2)", C("Elixir.Float", "round", 2, F(2.675), I(2)), "2.67");
    T_("Float.round(-0.125, 2)", C("Elixir.Float", "round", 2, F(-0.125), I(2)), "-0.13");
    T_("Float.round(-0.01, 1)", C("Elixir.Float", "round", 2, F(-0.01), I(1)), "0.0");
    T_("Float.round(-0.4)", C("Elixir.Float", "round", 1, F(-0.4)), "0.0");
    T_("Float.round(1.5, 16)", C("Elixir.Float", "round", 2, F(1.5), I(16)), "ArgumentError: precision 16 is out of valid range of 0..15");
    T_("Float.floor(-1.23, 1)", C("Elixir.Float", "floor", 2, F(-1.23), I(1)), "-1.3");
    T_("Float.floor(34.25, 1)", C("Elixir.Float", "floor", 2, F(34.25), I(1)), "34.2");
    T_("Float.ceil(1.21, 1)", C("Elixir.Float", "ceil", 2, F(1.21), I(1)), "1.3");
    T_("Float.ceil(-0.5)", C("Elixir.Float", "ceil", 1, F(-0.5)), "-0.0");
    T_("Float.ceil(5.0e-324, 15)", C("Elixir.Float", "ceil", 2, F(5e-324), I(15)), "1.0e-15");
    T_("Float.to_string(1.0e16)", C("Elixir.Float", "to_string", 1, F(1e16)), "\"1.0e16\"");
    T_("Float.to_string(123456789.0)", C("Elixir.Float", "to_string", 1, F(123456789.0)), "\"123456789.0\"");
}

static void test_system(void)
{
    T_(":erlang.module_loaded(:lists)", C("erlang", "module_loaded", 1, A("lists")), "true");
    T_(":erlang.module_loaded(Nope)", C("erlang", "module_loaded", 1, A("Elixir.Nope")), "false");
    T_(":erlang.function_exported(:erlang, :length, 1)", C("erlang", "function_exported", 3, A("erlang"), A("length"), I(1)), "true");
    T_(":code.ensure_loaded(Nope)", C("code", "ensure_loaded", 1, A("Elixir.Nope")), "{:error, :nofile}");
    T_(":code.ensure_loaded(:lists)", C("code", "ensure_loaded", 1, A("lists")), "{:module, :lists}");
    T_(":application.get_application(:lists)", C("application", "get_application", 1, A("lists")), "{:ok, :stdlib}");
    T_(":application.get_application(:erlang)", C("application", "get_application", 1, A("erlang")), ":undefined");
    T_(":application.get_key(:elixir, :vsn)", C("application", "get_key", 2, A("elixir"), A("vsn")), "{:ok, '1.14.0'}");
    T_(":erlang.convert_time_unit(-1500, :millisecond, :second)",
       C("erlang", "convert_time_unit", 3, I(-1500), A("millisecond"), A("second")), "-2");
    T_(":erlang.convert_time_unit(7, 3, 2)", C("erlang", "convert_time_unit", 3, I(7), I(3), I(2)), "4");
    T_(":erlang.convert_time_unit(1, :second, :native)", C("erlang", "convert_time_unit", 3, I(1), A("second"), A("native")), "1000000000");
    T_(":erlang.convert_time_unit(1, :bad, :second)", C("erlang", "convert_time_unit", 3, I(1), A("bad"), A("second")),
       "badarg@2: invalid time unit");
    T_(":erlang.insert_element(2, {1, 3}, 2)", C("erlang", "insert_element", 3, I(2), T(2, I(1), I(3)), I(2)), "{1, 2, 3}");
    T_(":erlang.insert_element(5, {1}, 2)", C("erlang", "insert_element", 3, I(5), T(1, I(1)), I(2)), "badarg@1: out of range");
    T_(":erlang.delete_element(2, {1, 2, 3})", C("erlang", "delete_element", 2, I(2), T(3, I(1), I(2), I(3))), "{1, 3}");
    T_(":erlang.fun_info(1, :arity)", C("erlang", "fun_info", 2, I(1), A("arity")), "badarg@1: not a fun");
    T_(":os.getenv('NOPE_NOT_SET_GENLAB')", C("os", "getenv", 1, CL("NOPE_NOT_SET_GENLAB")), "false");
    T_(":os.getenv(:a)", C("os", "getenv", 1, A("a")), "badarg@1: not a list");
    T_("Map.new(:erl_erts_errors.format_error(:badarg, [{:erlang, :binary_to_integer, [\"abc\"], []}]), fn {k, v} -> {k, IO.chardata_to_string(v)} end)",
       C("erl_erts_errors", "format_error", 2, ATOM_badarg, L(1, T(4, A("erlang"), A("binary_to_integer"), L(1, S("abc")), NIL))),
       "%{1 => \"not a textual representation of an integer\"}");
    T_(":erl_erts_errors.format_error(:badarg, [{:erlang, :element, [5, {1}], []}])",
       C("erl_erts_errors", "format_error", 2, ATOM_badarg, L(1, T(4, A("erlang"), A("element"), L(2, I(5), T(1, I(1))), NIL))),
       "%{1 => \"out of range\"}");
    T_(":erl_erts_errors.format_error(:badarg, [{:erlang, :element, [1, {1}], []}])",
       C("erl_erts_errors", "format_error", 2, ATOM_badarg, L(1, T(4, A("erlang"), A("element"), L(2, I(1), T(1, I(1))), NIL))),
       "%{}");
    T_("String.normalize(\"e\u0301\", :nfc)", C("Elixir.String", "normalize", 2, S("e\xcc\x81"), A("nfc")), "\"\u00e9\"");
    T_("String.equivalent?(\"\u00e9\", \"e\u0301\")", C("Elixir.String", "equivalent?", 2, S("\xc3\xa9"), S("e\xcc\x81")), "true");
    T_("String.downcase(\"I\u0307x\", :turkic)", C("Elixir.String", "downcase", 2, S("I\xcc\x87x"), A("turkic")), "\"ix\"");
    T_("String.graphemes(\"\\u{1F469}\\u200D\\u0301\")", C("Elixir.String", "graphemes", 1, S("\xf0\x9f\x91\xa9\xe2\x80\x8d\xcc\x81")),
       "[\"\U0001F469\u200D\", \"\u0301\"]");
    T_("String.reverse(<<\"ab\", 255, \"cd\">>)", C("Elixir.String", "reverse", 1, SB("ab\xff" "cd", 5)), "<<98, 97, 255, 100, 99>>");
}

/* Checks beyond single calls: determinism and registry plumbing. */
static void test_misc(void)
{
    CHECK(native_lookup(A("erlang"), A("element"), 2) != NULL, "lookup finds :erlang.element/2");
    CHECK(native_lookup(A("erlang"), A("element"), 3) == NULL, "lookup misses :erlang.element/3");
    CHECK(native_lookup(A("no_such_module"), A("f"), 0) == NULL, "lookup misses unknown modules");
    Term u1 = C("erlang", "unique_integer", 1, L(1, A("positive")));
    Term u2 = C("erlang", "unique_integer", 1, L(1, A("positive")));
    CHECK(term_is_small(u1) && term_is_small(u2) && small_value(u2) > small_value(u1) && small_value(u1) > 0,
          "unique_integer([:positive]) grows and is positive");
    Term h1 = C("erlang", "phash2", 1, T(2, S("abc"), L(1, F(1.5))));
    Term h2 = C("erlang", "phash2", 1, T(2, S("abc"), L(1, F(1.5))));
    CHECK(h1 == h2 && small_value(h1) >= 0 && small_value(h1) < (1 << 27), "phash2 is deterministic and in range");
    rng_seed(42);
    Term r1 = C("crypto", "strong_rand_bytes", 1, I(8));
    rng_seed(42);
    Term r2 = C("crypto", "strong_rand_bytes", 1, I(8));
    CHECK(term_compare(r1, r2) == 0, "strong_rand_bytes is deterministic under a seed");
    bool in_range = true;
    for (int i = 0; i < 200; i++) {
        Term u = C("rand", "uniform", 1, I(6));
        if (!term_is_small(u) || small_value(u) < 1 || small_value(u) > 6) in_range = false;
    }
    CHECK(in_range, ":rand.uniform(6) stays in 1..6");
    Term f = C("rand", "uniform", 0);
    CHECK(term_is_float(f) && float_value(f) >= 0 && float_value(f) < 1, ":rand.uniform() is in [0, 1)");
    /* A long list must not recurse in C. */
    Term big = C("lists", "seq", 2, I(1), I(200000));
    Term flat = C("lists", "flatten", 1, L(1, big));
    CHECK(C("erlang", "length", 1, flat) == small_make(200000), "flatten of a 200000-element list");
    Term sorted = C("lists", "sort", 1, C("lists", "reverse", 1, big));
    CHECK(term_compare(sorted, big) == 0, "sorting 200000 reversed integers");
    Term deep = NIL;
    for (int i = 0; i < 100000; i++) deep = L(1, deep);
    CHECK(C("erlang", "iolist_size", 1, deep) == small_make(0), "iolist_size of 100000 nested lists");
}

static void silent_writer(int stream, const char *bytes, size_t n)
{
    (void)stream, (void)bytes, (void)n;
}

int main(void)
{
    runtime_init(0);
    io_set_writer(silent_writer);
    heap_init(&proc.heap, 1024);
    proc.dictionary = TERM_NIL;
    proc.exc_stacktrace = TERM_NIL;
    test_erlang_arith();
    test_erlang_terms();
    test_erlang_convert();
    test_lists();
    test_maps();
    test_binary_module();
    test_unicode();
    test_math_timer();
    test_string();
    test_base();
    test_numbers();
    test_system();
    test_misc();
    heap_release(&proc.heap);
    CHECK_DONE();
}
