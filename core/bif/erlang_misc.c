/* erlang_misc.c - the small :erlang functions a learner types at the
 * prompt that the other tables do not have: terms as the text the BEAM
 * gives them (pid_to_list/1, ref_to_list/1, fun_to_list/1), what the
 * system says of itself (system_info/1 for the common items), the clock
 * as calendar tuples (the virtual clock; local time is universal time
 * here), checksums (crc32, adler32), and the variants of other natives
 * that take one argument more (append/2, send_after/4, monitor/3, ...). */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "heap.h"
#include "inspect.h"
#include "integer.h"
#include "map.h"
#include "sched.h"

static Term A(const char *s) { return atom_from_cstr(s); }

static Term charlist_of(Heap *h, const char *s, size_t n)
{
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) list = cons_new(h, small_make((unsigned char)s[i]), list);
    return list;
}

/* Calls the native module:name/arity with args: the variants below are
 * other natives with an argument more. */
static Term call_native(Process *p, const char *module, const char *name, int arity, const Term *args)
{
    NativeFn f = native_lookup(A(module), A(name), arity);
    return f ? f(p, args) : process_badarg(p);
}

/* ---- terms as text ---------------------------------------------------------- */

static Term erl_pid_to_list(Process *p, const Term *a)
{
    if (!term_is_pid(a[0])) return process_badarg_at(p, 1, "not a pid");
    char buf[32];
    int n = snprintf(buf, sizeof buf, "<0.%u.0>", pid_serial(a[0]));
    return charlist_of(&p->heap, buf, (size_t)n);
}

static Term erl_ref_to_list(Process *p, const Term *a)
{
    if (!term_is_ref(a[0])) return process_badarg_at(p, 1, "not a reference");
    char buf[96];
    size_t n = ref_format(a[0], buf);
    /* "#Reference<0.1.2.3>" as the BEAM writes it: "#Ref<0.1.2.3>" */
    char out[96];
    int k = snprintf(out, sizeof out, "#Ref%s", buf + strlen("#Reference"));
    (void)n;
    return charlist_of(&p->heap, out, (size_t)k);
}

/* An atom as Erlang writes it: quoted unless a plain lowercase name. */
static int erlang_atom_text(char *buf, size_t size, Term atom)
{
    const char *s = atom_text(atom);
    size_t n = atom_length(atom);
    bool plain = n > 0 && s[0] >= 'a' && s[0] <= 'z';
    for (size_t i = 0; plain && i < n; i++)
        plain = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '@';
    return plain ? snprintf(buf, size, "%.*s", (int)n, s) : snprintf(buf, size, "'%.*s'", (int)n, s);
}

static Term erl_fun_to_list(Process *p, const Term *a)
{
    if (!term_is_fun(a[0])) return process_badarg_at(p, 1, "not a fun");
    Term *obj = boxed_ptr(a[0]);
    char buf[1200], mod[520], name[520];
    int n;
    if (boxed_type(a[0]) == BOX_EXPORT) {
        erlang_atom_text(mod, sizeof mod, obj[1]);
        erlang_atom_text(name, sizeof name, obj[2]);
        n = snprintf(buf, sizeof buf, "fun %s:%s/%lld", mod, name, (long long)small_value(obj[3]));
    } else {
        const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
        n = snprintf(buf, sizeof buf, "#Fun<%s.%u.%u>", atom_text(info->module), info->index, info->uniq);
    }
    if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
    return charlist_of(&p->heap, buf, (size_t)n);
}

/* ---- the system --------------------------------------------------------------- */

static Term erl_system_info(Process *p, const Term *a)
{
    const char *item = term_is_atom(a[0]) ? atom_text(a[0]) : "";
    if (!strcmp(item, "otp_release")) return charlist_of(&p->heap, "25", 2);
    if (!strcmp(item, "version")) return charlist_of(&p->heap, "13.1.5", 6);
    if (!strcmp(item, "wordsize")) return small_make(8);
    /* one scheduler (System.schedulers_online/0 says so too) */
    if (!strcmp(item, "schedulers") || !strcmp(item, "schedulers_online") || !strcmp(item, "logical_processors") ||
        !strcmp(item, "logical_processors_online") || !strcmp(item, "logical_processors_available"))
        return small_make(1);
    if (!strcmp(item, "process_count")) return small_make((int64_t)process_count());
    if (!strcmp(item, "process_limit")) return small_make((int64_t)SCHED_DEFAULT_MAX_PROCESSES);
    if (!strcmp(item, "atom_count")) return small_make((int64_t)atom_count());
    if (!strcmp(item, "atom_limit")) return small_make(1048576);
    if (!strcmp(item, "port_count")) return small_make(0);
    if (!strcmp(item, "port_limit")) return small_make(65536);
    return process_badarg_at(p, 1, "invalid system info item");
}

/* ---- the clock as calendar tuples --------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
static int64_t days_from_date(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void date_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static Term datetime_of(Heap *h, int64_t secs)
{
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400), rest = secs - days * 86400, y, m, d;
    date_from_days(days, &y, &m, &d);
    return tuple2(h, tuple3(h, small_make(y), small_make(m), small_make(d)),
                  tuple3(h, small_make(rest / 3600), small_make(rest / 60 % 60), small_make(rest % 60)));
}

/* {{y, m, d}, {h, mi, s}} into seconds since the epoch; false if it is none. */
static bool seconds_of(Term dt, int64_t *secs)
{
    if (!term_is_tuple(dt) || tuple_size(dt) != 2) return false;
    Term date = tuple_get(dt, 0), time = tuple_get(dt, 1);
    if (!term_is_tuple(date) || tuple_size(date) != 3 || !term_is_tuple(time) || tuple_size(time) != 3) return false;
    int64_t v[6];
    for (int i = 0; i < 6; i++) {
        Term t = tuple_get(i < 3 ? date : time, (size_t)(i % 3));
        if (!term_is_small(t)) return false;
        v[i] = small_value(t);
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] < 0 || v[3] > 23 || v[4] < 0 || v[4] > 59 || v[5] < 0 || v[5] > 59)
        return false;
    *secs = days_from_date(v[0], v[1], v[2]) * 86400 + v[3] * 3600 + v[4] * 60 + v[5];
    return true;
}

static int64_t now_ms(void) { return (int64_t)(clock_epoch_ms() + clock_now()); }

static Term erl_universaltime(Process *p, const Term *a)
{
    (void)a;
    return datetime_of(&p->heap, now_ms() / 1000);
}

static Term erl_date(Process *p, const Term *a)
{
    (void)a;
    return tuple_get(datetime_of(&p->heap, now_ms() / 1000), 0);
}

static Term erl_time(Process *p, const Term *a)
{
    (void)a;
    return tuple_get(datetime_of(&p->heap, now_ms() / 1000), 1);
}

static Term erl_timestamp(Process *p, const Term *a)
{
    (void)a;
    uint64_t us = (clock_epoch_ms() * 1000 + clock_now_us());
    return tuple3(&p->heap, small_make((int64_t)(us / 1000000000000ULL)), small_make((int64_t)(us / 1000000 % 1000000)),
                  small_make((int64_t)(us % 1000000)));
}

static Term erl_same_datetime(Process *p, const Term *a)
{
    int64_t secs;
    if (!seconds_of(a[0], &secs)) return process_badarg_at(p, 1, "invalid date and time");
    return a[0];
}

static Term erl_universaltime_to_posixtime(Process *p, const Term *a)
{
    int64_t secs;
    if (!seconds_of(a[0], &secs)) return process_badarg_at(p, 1, "invalid date and time");
    return integer_from_i64(&p->heap, secs);
}

static Term erl_posixtime_to_universaltime(Process *p, const Term *a)
{
    if (!term_is_small(a[0])) return process_badarg_at(p, 1, "not an integer");
    return datetime_of(&p->heap, small_value(a[0]));
}

/* ---- checksums ---------------------------------------------------------------- */

/* crc32 or adler32 of iodata, from `start` */
static Term checksum(Process *p, Term start, Term data, int arg, bool adler)
{
    Term flat = call_native(p, "erlang", "iolist_to_binary", 1, &data);
    const uint8_t *bytes;
    size_t n;
    if (flat == TERM_NONE || !binary_bytes(flat, &bytes, &n)) return process_badarg_at(p, arg, "not an iodata term");
    uLong sum = (uLong)small_value(start);
    sum = adler ? adler32(sum, bytes, (uInt)n) : crc32(sum, bytes, (uInt)n);
    return integer_from_i64(&p->heap, (int64_t)sum);
}

static bool checksum_start(Term t) { return term_is_small(t) && small_value(t) >= 0 && small_value(t) <= 0xFFFFFFFFLL; }

static Term erl_crc32_1(Process *p, const Term *a) { return checksum(p, small_make(0), a[0], 1, false); }
static Term erl_crc32_2(Process *p, const Term *a)
{
    return checksum_start(a[0]) ? checksum(p, a[0], a[1], 2, false) : process_badarg_at(p, 1, "not an integer");
}
static Term erl_adler32_1(Process *p, const Term *a) { return checksum(p, small_make(1), a[0], 1, true); }
static Term erl_adler32_2(Process *p, const Term *a)
{
    return checksum_start(a[0]) ? checksum(p, a[0], a[1], 2, true) : process_badarg_at(p, 1, "not an integer");
}

/* ---- variants of other natives ----------------------------------------------- */

static Term erl_append2(Process *p, const Term *a) { return call_native(p, "erlang", "++", 2, a); }
static Term erl_subtract2(Process *p, const Term *a) { return call_native(p, "erlang", "--", 2, a); }

static Term erl_is_record2(Process *p, const Term *a)
{
    if (!term_is_atom(a[1])) return process_badarg_at(p, 2, "not an atom");
    return term_is_tuple(a[0]) && tuple_size(a[0]) >= 1 && tuple_get(a[0], 0) == a[1] ? ATOM_true : ATOM_false;
}

static Term erl_is_record3(Process *p, const Term *a)
{
    if (!term_is_atom(a[1])) return process_badarg_at(p, 2, "not an atom");
    if (!term_is_small(a[2]) || small_value(a[2]) < 0) return process_badarg_at(p, 3, "not a non-negative integer");
    return term_is_tuple(a[0]) && (int64_t)tuple_size(a[0]) == small_value(a[2]) && tuple_size(a[0]) >= 1 &&
                   tuple_get(a[0], 0) == a[1]
               ? ATOM_true
               : ATOM_false;
}

/* Options that change nothing here: [] (and {:abs, false} for timers). */
static bool plain_options(Term opts, const char *allowed, Term allowed_value)
{
    for (Term l = opts; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        if (!term_is_tuple(o) || tuple_size(o) != 2 || !allowed || tuple_get(o, 0) != A(allowed) || tuple_get(o, 1) != allowed_value) return false;
    }
    return term_is_list(opts);
}

/* name/arity - 1 called with a[0..arity-2], when the options, the last
 * argument, change nothing */
static Term without_options(Process *p, const Term *a, int arity, const char *name, const char *allowed, Term value)
{
    if (!plain_options(a[arity - 1], allowed, value)) return process_badarg_at(p, arity, "invalid options");
    return call_native(p, "erlang", name, arity - 1, a);
}

static Term erl_send_after4(Process *p, const Term *a) { return without_options(p, a, 4, "send_after", "abs", ATOM_false); }
static Term erl_start_timer4(Process *p, const Term *a) { return without_options(p, a, 4, "start_timer", "abs", ATOM_false); }
static Term erl_read_timer2(Process *p, const Term *a) { return without_options(p, a, 2, "read_timer", "async", ATOM_false); }
static Term erl_cancel_timer2(Process *p, const Term *a) { return without_options(p, a, 2, "cancel_timer", "async", ATOM_false); }
static Term erl_monitor3(Process *p, const Term *a) { return without_options(p, a, 3, "monitor", NULL, TERM_NONE); }

/* One node, not alive, no ports: nodes/0,1 and ports/0 list nothing. */
static Term erl_nothing(Process *p, const Term *a)
{
    (void)p;
    (void)a;
    return TERM_NIL;
}

static Term erl_is_alive(Process *p, const Term *a)
{
    (void)p;
    (void)a;
    return ATOM_false;
}

static Term erl_fun_info_mfa(Process *p, const Term *a)
{
    if (!term_is_fun(a[0])) return process_badarg_at(p, 1, "not a fun");
    Term *obj = boxed_ptr(a[0]);
    if (boxed_type(a[0]) == BOX_EXPORT) return tuple3(&p->heap, obj[1], obj[2], obj[3]);
    Term name = call_native(p, "erlang", "fun_info", 2, (Term[]){a[0], A("name")});
    Term arity = call_native(p, "erlang", "fun_info", 2, (Term[]){a[0], A("arity")});
    const FunInfo *info = (const FunInfo *)(uintptr_t)obj[1];
    if (name == TERM_NONE || arity == TERM_NONE) return TERM_NONE;
    return tuple3(&p->heap, info->module, tuple_get(name, 1), tuple_get(arity, 1));
}

const NativeDef bif_erlang_misc_natives[] = {
    {"erlang", "pid_to_list", 1, erl_pid_to_list},
    {"erlang", "ref_to_list", 1, erl_ref_to_list},
    {"erlang", "fun_to_list", 1, erl_fun_to_list},
    {"erlang", "fun_info_mfa", 1, erl_fun_info_mfa},
    {"erlang", "system_info", 1, erl_system_info},
    {"erlang", "universaltime", 0, erl_universaltime},
    {"erlang", "localtime", 0, erl_universaltime},
    {"erlang", "date", 0, erl_date},
    {"erlang", "time", 0, erl_time},
    {"erlang", "timestamp", 0, erl_timestamp},
    {"erlang", "now", 0, erl_timestamp},
    {"erlang", "universaltime_to_localtime", 1, erl_same_datetime},
    {"erlang", "localtime_to_universaltime", 1, erl_same_datetime},
    {"erlang", "universaltime_to_posixtime", 1, erl_universaltime_to_posixtime},
    {"erlang", "posixtime_to_universaltime", 1, erl_posixtime_to_universaltime},
    {"erlang", "crc32", 1, erl_crc32_1},
    {"erlang", "crc32", 2, erl_crc32_2},
    {"erlang", "adler32", 1, erl_adler32_1},
    {"erlang", "adler32", 2, erl_adler32_2},
    {"erlang", "append", 2, erl_append2},
    {"erlang", "subtract", 2, erl_subtract2},
    {"erlang", "is_record", 2, erl_is_record2},
    {"erlang", "is_record", 3, erl_is_record3},
    {"erlang", "send_after", 4, erl_send_after4},
    {"erlang", "start_timer", 4, erl_start_timer4},
    {"erlang", "read_timer", 2, erl_read_timer2},
    {"erlang", "cancel_timer", 2, erl_cancel_timer2},
    {"erlang", "monitor", 3, erl_monitor3},
    {"erlang", "nodes", 0, erl_nothing},
    {"erlang", "nodes", 1, erl_nothing},
    {"erlang", "is_alive", 0, erl_is_alive},
    {"erlang", "ports", 0, erl_nothing},
    {NULL, NULL, 0, NULL},
};
