/* test_ets.c - the :ets natives (core/ets.c), called through native_lookup
 * by two hand-made processes: an owner and a stranger.
 *
 * Results are compared as Elixir's inspect prints them; errors as
 * "badarg@N: why" (the argument Erlang's extended error information
 * blames and its text). Expectations were checked against OTP 25. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "binary.h"
#include "check.h"
#include "ets.h"
#include "inspect.h"
#include "native.h"
#include "process.h"
#include "runtime.h"

static Process owner, stranger;
static Process *cur = &owner;
#define H (&cur->heap)

static Term A(const char *s) { return atom_from_cstr(s); }
static Term I(int64_t v) { return small_make(v); }
static Term S(const char *s) { return binary_from_cstr(H, s); }

static Term L(int n, ...)
{
    Term items[32];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, Term);
    va_end(ap);
    return list_from(H, (size_t)n, items);
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

/* Calls :ets.name/arity as `cur`; returns the inspected result or the
 * error in short form (a static buffer). */
static char result[4096];

static const char *C(const char *name, int arity, ...)
{
    Term args[8];
    va_list ap;
    va_start(ap, arity);
    for (int i = 0; i < arity; i++) args[i] = va_arg(ap, Term);
    va_end(ap);
    NativeFn fn = native_lookup(A("ets"), A(name), arity);
    if (!fn) {
        snprintf(result, sizeof result, "no native :ets.%s/%d", name, arity);
        return result;
    }
    cur->exc_arg = 0;
    cur->exc_why = NULL;
    Term r = fn(cur, args);
    if (r == TERM_NONE) {
        if (cur->exc_reason == ATOM_badarg && cur->exc_arg)
            snprintf(result, sizeof result, "badarg@%d: %s", cur->exc_arg, cur->exc_why);
        else
            snprintf(result, sizeof result, "error");
        return result;
    }
    InspectOpts o;
    inspect_opts_default(&o);
    char *s = inspect_to_cstring(r, &o, NULL);
    snprintf(result, sizeof result, "%s", s);
    free(s);
    return result;
}

/* Calls and returns the raw term (for table ids). */
static Term R(const char *name, int arity, ...)
{
    Term args[8];
    va_list ap;
    va_start(ap, arity);
    for (int i = 0; i < arity; i++) args[i] = va_arg(ap, Term);
    va_end(ap);
    return native_lookup(A("ets"), A(name), arity)(cur, args);
}

static void test_set(void)
{
    Term t = R("new", 2, A("t"), L(1, A("set")));
    CHECK(term_is_ref(t), "new: an unnamed table is a reference");
    CHECK_STR(C("insert", 2, t, T(2, I(1), S("one"))), "true", "insert a tuple");
    CHECK_STR(C("insert", 2, t, L(2, T(2, I(2), S("two")), T(2, I(3), S("three")))), "true", "insert a list");
    CHECK_STR(C("lookup", 2, t, I(2)), "[{2, \"two\"}]", "lookup");
    CHECK_STR(C("lookup", 2, t, I(9)), "[]", "lookup a missing key");
    CHECK_STR(C("member", 2, t, I(3)), "true", "member");
    CHECK_STR(C("insert", 2, t, T(2, I(2), S("deux"))), "true", "insert overwrites");
    CHECK_STR(C("lookup", 2, t, I(2)), "[{2, \"deux\"}]", "lookup after overwrite");
    CHECK_STR(C("insert_new", 2, t, T(2, I(2), S("x"))), "false", "insert_new on an existing key");
    CHECK_STR(C("insert_new", 2, t, L(2, T(1, I(7)), T(1, I(1)))), "false", "insert_new list is all or nothing");
    CHECK_STR(C("member", 2, t, I(7)), "false", "nothing of a refused insert_new list");
    CHECK_STR(C("lookup", 2, t, float_new(H, 1.0)), "[]", "1.0 is not the key 1 in a set");
    CHECK_STR(C("info", 2, t, A("size")), "3", "info size");
    CHECK_STR(C("tab2list", 1, t), "[{1, \"one\"}, {2, \"deux\"}, {3, \"three\"}]", "tab2list in OTP's hash order");
    CHECK_STR(C("first", 1, t), "3", "first in OTP's hash order");
    CHECK_STR(C("next", 2, t, I(2)), "1", "next");
    CHECK_STR(C("next", 2, t, I(1)), ":\"$end_of_table\"", "next at the end");
    CHECK_STR(C("next", 2, t, I(42)), "badarg@2: not a key that exists in the table", "next of a missing key");
    CHECK_STR(C("lookup_element", 3, t, I(1), I(2)), "\"one\"", "lookup_element");
    CHECK_STR(C("lookup_element", 3, t, I(1), I(3)), "badarg@3: position is greater than the size of the object",
              "lookup_element beyond the tuple");
    CHECK_STR(C("take", 2, t, I(3)), "[{3, \"three\"}]", "take");
    CHECK_STR(C("member", 2, t, I(3)), "false", "take deletes");
    CHECK_STR(C("delete", 2, t, I(1)), "true", "delete a key");
    CHECK_STR(C("delete_object", 2, t, T(2, I(2), S("two"))), "true", "delete_object that does not match");
    CHECK_STR(C("tab2list", 1, t), "[{2, \"deux\"}]", "only the mismatched object is left");
    CHECK_STR(C("delete_all_objects", 1, t), "true", "delete_all_objects");
    CHECK_STR(C("info", 2, t, A("size")), "0", "empty after delete_all_objects");
    CHECK_STR(C("delete", 1, t), "true", "delete the table");
    CHECK_STR(C("lookup", 2, t, I(1)), "badarg@1: the table identifier does not refer to an existing ETS table",
              "a deleted table is gone");
    CHECK_STR(C("info", 1, t), ":undefined", "info of a deleted table");
}

static void test_errors(void)
{
    Term t = R("new", 2, A("e"), TERM_NIL);
    CHECK_STR(C("insert", 2, t, I(1)), "badarg@2: not a tuple", "insert a non-tuple");
    CHECK_STR(C("insert", 2, t, L(2, T(1, I(1)), I(2))), "badarg@2: not a non-empty tuple or a list of non-empty tuples",
              "insert a list with a non-tuple");
    CHECK_STR(C("insert", 2, t, T(0)), "badarg@2: is an empty tuple", "insert an empty tuple");
    CHECK_STR(C("lookup", 2, S("t"), I(1)), "badarg@1: not an atom or a table identifier", "lookup a binary");
    CHECK_STR(C("new", 2, S("x"), TERM_NIL), "badarg@1: not an atom", "new with a binary name");
    CHECK_STR(C("new", 2, A("x"), L(1, A("bogus"))), "badarg@2: invalid options", "new with a bad option");
    CHECK_STR(C("new", 2, A("x"), A("set")), "badarg@2: not a list", "new with options not a list");
    CHECK_STR(C("info", 2, t, A("bogus")), "badarg@2: not a valid info item", "info of a bad item");
    CHECK_STR(C("select", 2, t, L(1, A("bad"))), "badarg@2: not a valid match specification", "a bad match spec");
    CHECK_STR(C("select", 2, t, L(1, T(3, T(1, A("$1")), TERM_NIL, L(1, A("$2"))))),
              "badarg@2: not a valid match specification", "an unbound variable in a body");
    Term b = R("new", 2, A("b"), L(1, A("bag")));
    CHECK_STR(C("update_counter", 3, b, I(1), I(1)),
              "badarg@1: the table identifier refers to an ETS table of a type not supported by this operation",
              "update_counter on a bag");
    C("delete", 1, t);
    C("delete", 1, b);
}

static void test_counters(void)
{
    Term t = R("new", 2, A("c"), L(1, A("public")));
    C("insert", 2, t, T(3, A("hits"), I(0), I(100)));
    CHECK_STR(C("update_counter", 3, t, A("hits"), I(5)), "5", "update_counter by an integer");
    CHECK_STR(C("update_counter", 3, t, A("hits"), T(2, I(3), I(-1))), "99", "update_counter {pos, incr}");
    CHECK_STR(C("update_counter", 3, t, A("hits"), L(2, T(2, I(2), I(1)), T(2, I(2), I(1)))), "[6, 7]",
              "update_counter with a list");
    CHECK_STR(C("update_counter", 3, t, A("hits"), T(4, I(2), I(5), I(10), I(0))), "0", "update_counter threshold");
    CHECK_STR(C("update_counter", 4, t, A("new"), I(2), T(2, A("new"), I(10))), "12", "update_counter default");
    CHECK_STR(C("update_counter", 3, t, A("nope"), I(1)), "badarg@2: not a key that exists in the table",
              "update_counter on a missing key");
    CHECK_STR(C("update_counter", 3, t, A("hits"), T(2, I(1), I(1))), "badarg@3: the position is the same as the key position",
              "update_counter of the key");
    CHECK_STR(C("update_element", 3, t, A("hits"), T(2, I(3), A("x"))), "true", "update_element");
    CHECK_STR(C("lookup", 2, t, A("hits")), "[{:hits, 0, :x}]", "after update_element");
    CHECK_STR(C("update_element", 3, t, A("none"), T(2, I(2), I(1))), "false", "update_element of a missing key");
    C("delete", 1, t);
}

static void test_ordered_and_bags(void)
{
    Term o = R("new", 2, A("o"), L(1, A("ordered_set")));
    C("insert", 2, o, L(4, T(1, I(3)), T(1, A("a")), T(1, I(1)), T(1, S("z"))));
    CHECK_STR(C("tab2list", 1, o), "[{1}, {3}, {:a}, {\"z\"}]", "ordered_set lists in term order");
    CHECK_STR(C("lookup", 2, o, float_new(H, 3.0)), "[{3}]", "ordered_set keys compare with ==");
    CHECK_STR(C("first", 1, o), "1", "ordered_set first");
    CHECK_STR(C("last", 1, o), "\"z\"", "ordered_set last");
    CHECK_STR(C("next", 2, o, I(2)), "3", "next of a missing key in an ordered_set");
    CHECK_STR(C("prev", 2, o, A("a")), "3", "prev");
    Term b = R("new", 2, A("b"), L(1, A("bag")));
    C("insert", 2, b, T(2, I(1), A("a")));
    C("insert", 2, b, T(2, I(1), A("b")));
    C("insert", 2, b, T(2, I(1), A("a")));
    CHECK_STR(C("lookup", 2, b, I(1)), "[{1, :a}, {1, :b}]", "a bag keeps one copy of an object");
    Term d = R("new", 2, A("d"), L(1, A("duplicate_bag")));
    C("insert", 2, d, L(3, T(2, I(1), A("a")), T(2, I(1), A("b")), T(2, I(1), A("a"))));
    CHECK_STR(C("lookup", 2, d, I(1)), "[{1, :a}, {1, :b}, {1, :a}]", "a duplicate_bag keeps them all");
    CHECK_STR(C("delete_object", 2, d, T(2, I(1), A("a"))), "true", "delete_object in a duplicate_bag");
    CHECK_STR(C("lookup", 2, d, I(1)), "[{1, :b}]", "every copy went");
    C("delete", 1, o);
    C("delete", 1, b);
    C("delete", 1, d);
}

static void test_match_select(void)
{
    Term t = R("new", 2, A("m"), L(1, A("ordered_set")));
    C("insert", 2, t, L(3, T(3, I(1), A("x"), I(10)), T(3, I(2), A("y"), I(20)), T(3, I(3), A("x"), I(30))));
    CHECK_STR(C("match", 2, t, T(3, A("$1"), A("x"), A("_"))), "[[1], [3]]", "match");
    CHECK_STR(C("match", 2, t, T(3, A("$2"), A("_"), A("$1"))), "[[10, 1], [20, 2], [30, 3]]", "match lists variables in order");
    CHECK_STR(C("match_object", 2, t, T(3, A("_"), A("y"), A("_"))), "[{2, :y, 20}]", "match_object");
    Term gt = T(3, A(">"), A("$1"), I(15));
    CHECK_STR(C("select", 2, t, L(1, T(3, T(3, A("_"), A("_"), A("$1")), L(1, gt), L(1, A("$_"))))),
              "[{2, :y, 20}, {3, :x, 30}]", "select with a guard");
    CHECK_STR(C("select", 2, t, L(1, T(3, T(3, A("$1"), A("_"), A("$2")), TERM_NIL, L(1, T(1, T(2, A("$2"), A("$1"))))))),
              "[{10, 1}, {20, 2}, {30, 3}]", "select building tuples");
    CHECK_STR(C("select_count", 2, t, L(1, T(3, T(3, A("_"), A("x"), A("_")), TERM_NIL, L(1, ATOM_true)))), "2",
              "select_count");
    CHECK_STR(C("select_delete", 2, t, L(1, T(3, T(3, A("_"), A("x"), A("_")), TERM_NIL, L(1, ATOM_true)))), "2",
              "select_delete");
    CHECK_STR(C("tab2list", 1, t), "[{2, :y, 20}]", "select_delete deleted");
    C("delete", 1, t);
}

static void test_access_and_owners(void)
{
    cur = &owner;
    Term prot = R("new", 2, A("prot"), L(1, A("named_table")));
    CHECK_STR(C("insert", 2, A("prot"), T(1, I(1))), "true", "the owner writes its protected table");
    cur = &stranger;
    CHECK_STR(C("lookup", 2, A("prot"), I(1)), "[{1}]", "others read a protected table");
    CHECK_STR(C("insert", 2, A("prot"), T(1, I(2))),
              "badarg@1: the table identifier refers to an ETS table with insufficient access rights",
              "others may not write a protected table");
    cur = &owner;
    Term priv = R("new", 2, A("priv"), L(1, A("private")));
    cur = &stranger;
    CHECK_STR(C("lookup", 2, priv, I(1)),
              "badarg@1: the table identifier refers to an ETS table with insufficient access rights",
              "others may not read a private table");
    CHECK_STR(C("info", 2, priv, A("size")), "0", "but may ask for its info");
    CHECK_STR(C("new", 2, A("prot"), L(1, A("named_table"))), "badarg@1: table name already exists",
              "a name is taken once");
    Term mine = R("new", 2, A("mine"), L(1, A("public")));
    (void)mine;
    cur = &owner;
    size_t before = ets_table_count();
    ets_owner_exited(owner.pid);
    CHECK(ets_table_count() == before - 2, "a dying owner takes its tables along");
    CHECK_STR(C("whereis", 1, A("prot")), ":undefined", "and frees their names");
    (void)prot;
    ets_owner_exited(stranger.pid);
    CHECK(ets_table_count() == 0, "every table is gone");
}

static void test_growth(void)
{
    Term t = R("new", 2, A("g"), L(1, A("set")));
    for (int i = 0; i < 5000; i++) C("insert", 2, t, T(2, I(i), I(i * 2)));
    CHECK_STR(C("info", 2, t, A("size")), "5000", "5000 objects");
    CHECK_STR(C("lookup", 2, t, I(4321)), "[{4321, 8642}]", "lookup after growth");
    for (int i = 0; i < 4990; i++) C("delete", 2, t, I(i));
    CHECK_STR(C("info", 2, t, A("size")), "10", "after shrinking");
    CHECK_STR(C("lookup", 2, t, I(4995)), "[{4995, 9990}]", "lookup after shrinking");
    Term o = R("new", 2, A("g2"), L(1, A("ordered_set")));
    for (int i = 0; i < 3000; i++) C("insert", 2, o, T(1, I((i * 7919) % 3000)));
    CHECK_STR(C("first", 1, o), "0", "a big ordered_set's first");
    CHECK_STR(C("last", 1, o), "2999", "a big ordered_set's last");
    for (int i = 0; i < 3000; i += 2) C("delete", 2, o, I(i));
    CHECK_STR(C("next", 2, o, I(1000)), "1001", "next after many deletes");
    CHECK_STR(C("info", 2, o, A("size")), "1500", "ordered_set size after deletes");
    C("delete", 1, t);
    C("delete", 1, o);
}

int main(void)
{
    runtime_init(0);
    heap_init(&owner.heap, 1024);
    heap_init(&stranger.heap, 1024);
    owner.pid = pid_make(100);
    stranger.pid = pid_make(101);
    owner.dictionary = stranger.dictionary = TERM_NIL;
    owner.exc_stacktrace = stranger.exc_stacktrace = TERM_NIL;
    test_set();
    test_errors();
    test_counters();
    test_ordered_and_bags();
    test_match_select();
    test_access_and_owners();
    test_growth();
    ets_reset();
    heap_release(&owner.heap);
    heap_release(&stranger.heap);
    CHECK_DONE();
}
