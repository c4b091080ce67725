/* ets.c - Erlang Term Storage (see ets.h): the tables, their storage, the
 * match-specification engine behind match/select, and the :ets natives. */
#include "ets.h"

#include <math.h>
#include <stdlib.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "compare.h"
#include "fatal.h"
#include "heap.h"
#include "integer.h"
#include "map.h"
#include "map_order.h"
#include "process.h"
#include "sched.h"
#include "state.h"

/* ---- atoms ------------------------------------------------------------------------ */

typedef struct EtsAtoms {
    bool ready;
    Term set, ordered_set, bag, duplicate_bag, public_, protected_, private_, named_table, keypos, heir,
        none, write_concurrency, read_concurrency, decentralized_counters, compressed, auto_, end_of_table,
        id, name, size, type, owner, protection, memory, node, nonode, fixed, safe_fixed, ets_transfer, const_,
        any, all_object, all_vars, select_cont, EXIT;
} EtsAtoms;

/* The active runtime's ETS (state.h): its tables and the atoms it uses. */
typedef struct EtsState EtsState;
#define ETS (rt->ets)
#define A (ETS->atoms)

/* A small map from 64-bit keys to pointers: see ptrmap_get. */
typedef struct PtrMap {
    uint64_t *keys;
    void **values;
    size_t cap, count;
} PtrMap;

struct EtsState {
    EtsAtoms atoms;
    PtrMap by_id, by_name, by_owner;
    size_t table_count;
    uint32_t *atom_classes; /* see atom_class */
    size_t atom_classes_cap;
};

void ets_state_init(void) { rt->ets = xcalloc(1, sizeof *rt->ets); }

static void atoms_init(void)
{
    if (A.ready) return;
    A.set = atom_from_cstr("set");
    A.ordered_set = atom_from_cstr("ordered_set");
    A.bag = atom_from_cstr("bag");
    A.duplicate_bag = atom_from_cstr("duplicate_bag");
    A.public_ = atom_from_cstr("public");
    A.protected_ = atom_from_cstr("protected");
    A.private_ = atom_from_cstr("private");
    A.named_table = atom_from_cstr("named_table");
    A.keypos = atom_from_cstr("keypos");
    A.heir = atom_from_cstr("heir");
    A.none = atom_from_cstr("none");
    A.write_concurrency = atom_from_cstr("write_concurrency");
    A.read_concurrency = atom_from_cstr("read_concurrency");
    A.decentralized_counters = atom_from_cstr("decentralized_counters");
    A.compressed = atom_from_cstr("compressed");
    A.auto_ = atom_from_cstr("auto");
    A.end_of_table = atom_from_cstr("$end_of_table");
    A.id = atom_from_cstr("id");
    A.name = atom_from_cstr("name");
    A.size = atom_from_cstr("size");
    A.type = atom_from_cstr("type");
    A.owner = atom_from_cstr("owner");
    A.protection = atom_from_cstr("protection");
    A.memory = atom_from_cstr("memory");
    A.node = atom_from_cstr("node");
    A.nonode = atom_from_cstr("nonode@nohost");
    A.fixed = atom_from_cstr("fixed");
    A.safe_fixed = atom_from_cstr("safe_fixed");
    A.ets_transfer = atom_from_cstr("ETS-TRANSFER");
    A.const_ = atom_from_cstr("const");
    A.any = atom_from_cstr("_");
    A.all_object = atom_from_cstr("$_");
    A.all_vars = atom_from_cstr("$$");
    A.select_cont = atom_from_cstr("$genlab_ets_select");
    A.EXIT = ATOM_EXIT;
    A.ready = true; /* last: an atom that could not be made leaves it to the next call */
}

/* OTP 25's explanations of a badarg from :ets (erl_stdlib_errors). */
static const char E_NOTAB[] = "the table identifier does not refer to an existing ETS table";
static const char E_BADTAB[] = "not an atom or a table identifier";
static const char E_ACCESS[] = "the table identifier refers to an ETS table with insufficient access rights";
static const char E_TYPE[] = "the table identifier refers to an ETS table of a type not supported by this operation";
static const char E_NOTUPLE[] = "not a tuple";
static const char E_NOTUPLES[] = "not a non-empty tuple or a list of non-empty tuples";
static const char E_EMPTYTUPLE[] = "is an empty tuple";
static const char E_NOKEY[] = "not a key that exists in the table";
static const char E_RANGE[] = "out of range";
static const char E_BADSPEC[] = "not a valid match specification";
static const char E_NAMEEXISTS[] = "table name already exists";
static const char E_UPD_NOTINT[] = "the value in the given position, in the object, is not an integer";
static const char E_UPD_KEYPOS[] = "the position is the same as the key position";
static const char E_UPD_RANGE[] = "the position in the update operation is out of range";
static const char E_UPD_BADOP[] = "not a valid update operation";

/* ---- a small map from 64-bit keys to pointers ----------------------------------------
 * Linear probing with backward-shift deletion; key 0 marks an empty slot
 * (no table id, atom or pid term is 0). */

static size_t ptrmap_slot(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static void *ptrmap_get(const PtrMap *m, uint64_t key)
{
    if (!m->cap) return NULL;
    for (size_t i = ptrmap_slot(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key) return m->values[i];
        if (!m->keys[i]) return NULL;
    }
}

static void ptrmap_put(PtrMap *m, uint64_t key, void *value);

static void ptrmap_grow(PtrMap *m)
{
    PtrMap bigger = {xcalloc(m->cap ? m->cap * 2 : 16, sizeof(uint64_t)), NULL, m->cap ? m->cap * 2 : 16, 0};
    bigger.values = xcalloc(bigger.cap, sizeof(void *));
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) ptrmap_put(&bigger, m->keys[i], m->values[i]);
    free(m->keys);
    free(m->values);
    *m = bigger;
}

static void ptrmap_put(PtrMap *m, uint64_t key, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3) ptrmap_grow(m);
    size_t i = ptrmap_slot(key, m->cap);
    while (m->keys[i] && m->keys[i] != key) i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) m->count++;
    m->keys[i] = key;
    m->values[i] = value;
}

static void ptrmap_remove(PtrMap *m, uint64_t key)
{
    if (!m->cap) return;
    size_t mask = m->cap - 1, i = ptrmap_slot(key, m->cap);
    while (m->keys[i] != key) {
        if (!m->keys[i]) return;
        i = (i + 1) & mask;
    }
    m->count--;
    /* Pull later members of the probe run back so no lookup stops early. */
    for (size_t j = (i + 1) & mask; m->keys[j]; j = (j + 1) & mask) {
        size_t home = ptrmap_slot(m->keys[j], m->cap);
        if (((j - home) & mask) >= ((j - i) & mask)) {
            m->keys[i] = m->keys[j];
            m->values[i] = m->values[j];
            i = j;
        }
    }
    m->keys[i] = 0;
    m->values[i] = NULL;
}

static void ptrmap_free(PtrMap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

/* ---- objects ------------------------------------------------------------------------
 * Each stored tuple is one malloc'd block: the object's links and a Heap
 * whose bump region is the block's own words[], sized exactly by
 * term_size_words, so copying the tuple in allocates nothing more. */

typedef struct EtsObj {
    struct EtsObj *next;     /* hashed tables: the next object in its bucket */
    struct EtsObj *child[2]; /* ordered_set: the AVL subtrees */
    int height;
    uint32_t hvalue;         /* hashed tables: the key's hash */
    size_t words;
    Heap heap;
    Term tuple;
    Term data[];
} EtsObj;

static EtsObj *obj_new(Term tuple)
{
    size_t n = term_size_words(tuple);
    /* stored objects count against the memory limit: a table that grows
     * past it ends the process that inserts, not genlab */
    memory_charge(sizeof(EtsObj) + n * sizeof(Term));
    EtsObj *o = xmalloc(sizeof *o + n * sizeof(Term));
    o->next = o->child[0] = o->child[1] = NULL;
    o->height = 1;
    o->words = n;
    heap_init(&o->heap, 0);
    o->heap.top = o->data;
    o->heap.limit = o->data + n;
    o->tuple = term_copy(&o->heap, tuple);
    return o;
}

static void obj_free(EtsObj *o)
{
    heap_release(&o->heap); /* chunks only: data[] is part of the block */
    memory_release(sizeof *o + o->words * sizeof(Term));
    free(o);
}

/* ---- tables ------------------------------------------------------------------------- */

typedef enum { ETS_SET, ETS_ORDERED_SET, ETS_BAG, ETS_DUPLICATE_BAG } EtsType;
typedef enum { ETS_PRIVATE, ETS_PROTECTED, ETS_PUBLIC } EtsAccess;

typedef struct EtsTable {
    uint64_t id;
    Term name;  /* an atom, registered in `by_name` if named */
    Term owner; /* a pid */
    Term heir;  /* a pid, or none */
    EtsObj *heir_data; /* {data} as an object, or NULL */
    EtsType type;
    EtsAccess access;
    bool named, read_concurrency, write_concurrency, decentralized_counters, compressed;
    size_t keypos; /* 1-based */
    size_t size;   /* objects */
    size_t words;  /* words of stored terms */

    /* set, bag, duplicate_bag: OTP's linear hash table (see below) */
    EtsObj **buckets;
    size_t nactive, szm, nslots;
    size_t stride; /* walking order: 64 lock stripes with write_concurrency, else 1 */

    /* ordered_set */
    EtsObj *root;

    struct EtsTable *owner_next, *owner_prev; /* the owner's tables */
} EtsTable;


static inline Term obj_key(const EtsTable *t, const EtsObj *o) { return tuple_get(o->tuple, t->keypos - 1); }
static inline bool is_hashed(const EtsTable *t) { return t->type != ETS_ORDERED_SET; }
static inline bool is_bag(const EtsTable *t) { return t->type == ETS_BAG || t->type == ETS_DUPLICATE_BAG; }

static void owner_link(EtsTable *t)
{
    EtsTable *head = ptrmap_get(&ETS->by_owner, t->owner);
    t->owner_prev = NULL;
    t->owner_next = head;
    if (head) head->owner_prev = t;
    ptrmap_put(&ETS->by_owner, t->owner, t);
}

static void owner_unlink(EtsTable *t)
{
    if (t->owner_prev) t->owner_prev->owner_next = t->owner_next;
    else if (t->owner_next) ptrmap_put(&ETS->by_owner, t->owner, t->owner_next);
    else ptrmap_remove(&ETS->by_owner, t->owner);
    if (t->owner_next) t->owner_next->owner_prev = t->owner_prev;
    t->owner_next = t->owner_prev = NULL;
}

/* ---- the linear hash table of set, bag and duplicate_bag ---------------------------------
 * Laid out as OTP 25 lays it out, so that tab2list, match, select, first
 * and next list keys in the BEAM's order: a key hashes as OTP's internal
 * hash (map_order_hash; atoms by their text, as OTP's atom table does);
 * there are 256 buckets at first and one more is split off each time the
 * table holds more objects than buckets (linear hashing), a bucket keeps
 * its objects in a chain where new keys go last and the objects of one
 * key are adjacent, newest first (lookup lists them oldest first). first
 * and next walk buckets upwards; select and friends build their list as
 * they walk, which reverses it. A table shrinks back only once it is
 * large (OTP keeps its first extension segment). */

enum { FIRST_SEG = 256, EXT_SEG = 2048 };

static uint32_t key_hash(Term key)
{
    if (!term_is_atom(key)) return map_order_hash(key, 0);
    /* The hashpjw of the atom's text, with OTP's latin-1 folding of
     * two-byte UTF-8 sequences. */
    const uint8_t *s = (const uint8_t *)atom_text(key);
    size_t n = atom_length(key);
    uint32_t h = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = s[i];
        if (i + 1 < n && (v & 0xFE) == 0xC2 && (s[i + 1] & 0xC0) == 0x80) v = ((v << 6) | (s[++i] & 0x3F)) & 0xFF;
        h = (h << 4) + v;
        uint32_t g = h & 0xF0000000u;
        if (g) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return h;
}

static size_t bucket_of(const EtsTable *t, uint32_t h)
{
    size_t ix = h & t->szm;
    if (ix >= t->nactive) ix &= t->szm >> 1;
    return ix;
}

/* The bucket after i in walking order, or SIZE_MAX at the end. A table
 * with write_concurrency is walked one lock stripe after the other:
 * buckets 0, 64, 128, ..., then 1, 65, ... */
static size_t bucket_next(const EtsTable *t, size_t i)
{
    i += t->stride;
    if (i < t->nactive) return i;
    i = (i + 1) % t->stride;
    return i == 0 ? SIZE_MAX : i;
}

static void hash_init(EtsTable *t)
{
    t->stride = t->write_concurrency ? 64 : 1;
    t->nactive = t->nslots = FIRST_SEG;
    t->szm = FIRST_SEG - 1;
    t->buckets = xcalloc(t->nslots, sizeof *t->buckets);
}

static inline bool obj_has_key(const EtsTable *t, const EtsObj *o, Term key, uint32_t h)
{
    return o->hvalue == h && term_exact_equal(obj_key(t, o), key);
}

/* The link that points at the first object with `key`, or NULL. */
static EtsObj **hash_link(const EtsTable *t, Term key, uint32_t h)
{
    EtsObj **link = &t->buckets[bucket_of(t, h)];
    for (; *link; link = &(*link)->next)
        if (obj_has_key(t, *link, key, h)) return link;
    return NULL;
}

/* The next object with the same key as o (hashed tables), or NULL. */
static inline EtsObj *run_next(const EtsTable *t, const EtsObj *o)
{
    EtsObj *n = is_hashed(t) ? o->next : NULL;
    return n && n->hvalue == o->hvalue && term_exact_equal(obj_key(t, n), obj_key(t, o)) ? n : NULL;
}

static size_t shrink_limit(const EtsTable *t)
{
    return t->nslots >= FIRST_SEG + 2 * EXT_SEG ? (t->nslots - EXT_SEG) / 2 : 0;
}

/* Splits bucket `nactive & (szm >> 1)` into a new bucket, keeping order. */
static void hash_grow(EtsTable *t)
{
    for (int loops = 5; loops-- > 0 && t->size > t->nactive;) {
        if (t->nactive == t->nslots) {
            t->buckets = xrealloc(t->buckets, (t->nslots + EXT_SEG) * sizeof *t->buckets);
            memset(t->buckets + t->nslots, 0, EXT_SEG * sizeof *t->buckets);
            t->nslots += EXT_SEG;
        }
        size_t from;
        if (t->nactive <= t->szm) {
            from = t->nactive & (t->szm >> 1);
        } else {
            from = 0;
            t->szm = (t->szm << 1) | 1;
        }
        size_t to = t->nactive++;
        EtsObj **keep = &t->buckets[from], **move = &t->buckets[to];
        for (EtsObj *o = t->buckets[from]; o; o = o->next) {
            if ((o->hvalue & t->szm) == from) {
                *keep = o;
                keep = &o->next;
            } else {
                *move = o;
                move = &o->next;
            }
        }
        *keep = *move = NULL;
    }
}

/* Joins the top bucket back into its buddy (its chain goes first). */
static void hash_shrink(EtsTable *t)
{
    for (int loops = 5; loops-- > 0 && t->size < shrink_limit(t) && t->nactive > FIRST_SEG;) {
        size_t src = t->nactive - 1, low = t->szm >> 1, dst = src & low;
        t->nactive = src;
        if (dst == 0) t->szm = low;
        EtsObj *chain = t->buckets[src];
        t->buckets[src] = NULL;
        if (chain) {
            EtsObj *last = chain;
            while (last->next) last = last->next;
            last->next = t->buckets[dst];
            t->buckets[dst] = chain;
        }
        if (t->nslots - src >= EXT_SEG) {
            t->nslots -= EXT_SEG;
            t->buckets = xrealloc(t->buckets, t->nslots * sizeof *t->buckets);
        }
    }
}

/* ---- the AVL tree of ordered_set ------------------------------------------------------ */

static inline int avl_height(const EtsObj *n) { return n ? n->height : 0; }

static void avl_update(EtsObj *n)
{
    int l = avl_height(n->child[0]), r = avl_height(n->child[1]);
    n->height = (l > r ? l : r) + 1;
}

static EtsObj *avl_rotate(EtsObj *n, int dir) /* dir 0: rotate left */
{
    EtsObj *c = n->child[!dir];
    n->child[!dir] = c->child[dir];
    c->child[dir] = n;
    avl_update(n);
    avl_update(c);
    return c;
}

static EtsObj *avl_balance(EtsObj *n)
{
    avl_update(n);
    int diff = avl_height(n->child[0]) - avl_height(n->child[1]);
    if (diff > 1) {
        if (avl_height(n->child[0]->child[0]) < avl_height(n->child[0]->child[1]))
            n->child[0] = avl_rotate(n->child[0], 0);
        return avl_rotate(n, 1);
    }
    if (diff < -1) {
        if (avl_height(n->child[1]->child[1]) < avl_height(n->child[1]->child[0]))
            n->child[1] = avl_rotate(n->child[1], 1);
        return avl_rotate(n, 0);
    }
    return n;
}

/* Inserts o; an object with an equal key is replaced and put in *old. */
static EtsObj *avl_insert(const EtsTable *t, EtsObj *n, EtsObj *o, EtsObj **old)
{
    if (!n) return o;
    int c = term_compare(obj_key(t, o), obj_key(t, n));
    if (c == 0) {
        o->child[0] = n->child[0];
        o->child[1] = n->child[1];
        o->height = n->height;
        *old = n;
        return o;
    }
    n->child[c > 0] = avl_insert(t, n->child[c > 0], o, old);
    return avl_balance(n);
}

static EtsObj *avl_remove_min(EtsObj *n, EtsObj **min)
{
    if (!n->child[0]) {
        *min = n;
        return n->child[1];
    }
    n->child[0] = avl_remove_min(n->child[0], min);
    return avl_balance(n);
}

static EtsObj *avl_remove(const EtsTable *t, EtsObj *n, Term key, EtsObj **removed)
{
    if (!n) return NULL;
    int c = term_compare(key, obj_key(t, n));
    if (c != 0) {
        n->child[c > 0] = avl_remove(t, n->child[c > 0], key, removed);
        return avl_balance(n);
    }
    *removed = n;
    if (!n->child[0]) return n->child[1];
    if (!n->child[1]) return n->child[0];
    EtsObj *min;
    EtsObj *right = avl_remove_min(n->child[1], &min);
    min->child[0] = n->child[0];
    min->child[1] = right;
    return avl_balance(min);
}

static EtsObj *avl_find(const EtsTable *t, Term key)
{
    EtsObj *n = t->root;
    while (n) {
        int c = term_compare(key, obj_key(t, n));
        if (c == 0) return n;
        n = n->child[c > 0];
    }
    return NULL;
}

/* The object with the smallest key above `key` (dir 1) or the largest
 * below it (dir 0); NULL if there is none. */
static EtsObj *avl_neighbour(const EtsTable *t, Term key, int dir)
{
    EtsObj *n = t->root, *best = NULL;
    while (n) {
        int c = term_compare(key, obj_key(t, n));
        if (dir ? c < 0 : c > 0) {
            best = n;
            n = n->child[!dir];
        } else {
            n = n->child[dir];
        }
    }
    return best;
}

static EtsObj *avl_extreme(const EtsTable *t, int dir)
{
    EtsObj *n = t->root;
    while (n && n->child[dir]) n = n->child[dir];
    return n;
}

static void avl_free(EtsObj *n)
{
    while (n) {
        avl_free(n->child[0]);
        EtsObj *right = n->child[1];
        obj_free(n);
        n = right;
    }
}

/* ---- table operations (no access checks) ----------------------------------------------- */

static void count_in(EtsTable *t, const EtsObj *o)
{
    t->size++;
    t->words += o->words;
}

static void count_out(EtsTable *t, const EtsObj *o)
{
    t->size--;
    t->words -= o->words;
}

/* The first object with `key` (hashed tables: the first of its run, the
 * newest), or NULL. */
static EtsObj *table_find(const EtsTable *t, Term key)
{
    if (!is_hashed(t)) return avl_find(t, key);
    EtsObj **link = hash_link(t, key, key_hash(key));
    return link ? *link : NULL;
}

/* Stores a copy of `tuple` (known to be valid for the table). */
static void table_insert(EtsTable *t, Term tuple)
{
    Term key = tuple_get(tuple, t->keypos - 1);
    if (!is_hashed(t)) {
        EtsObj *o = obj_new(tuple), *old = NULL;
        t->root = avl_insert(t, t->root, o, &old);
        count_in(t, o);
        if (old) {
            count_out(t, old);
            obj_free(old);
        }
        return;
    }
    uint32_t h = key_hash(key);
    EtsObj **link = hash_link(t, key, h);
    if (link && t->type == ETS_SET) {
        EtsObj *old = *link, *o = obj_new(tuple);
        o->hvalue = h;
        o->next = old->next;
        *link = o;
        count_out(t, old);
        obj_free(old);
        count_in(t, o);
        return;
    }
    if (link && t->type == ETS_BAG)
        for (EtsObj *q = *link; q; q = run_next(t, q))
            if (term_exact_equal(q->tuple, tuple)) return;
    EtsObj *o = obj_new(tuple);
    o->hvalue = h;
    if (link) { /* a bag's newest object goes first in its run */
        o->next = *link;
        *link = o;
    } else {
        EtsObj **tail = &t->buckets[bucket_of(t, h)];
        while (*tail) tail = &(*tail)->next;
        *tail = o;
    }
    count_in(t, o);
    if (t->size > t->nactive) hash_grow(t);
}

/* Unlinks and frees the object *link points at. */
static void hash_drop(EtsTable *t, EtsObj **link)
{
    EtsObj *o = *link;
    *link = o->next;
    count_out(t, o);
    obj_free(o);
}

/* Deletes every object with `key`. */
static void table_delete_key(EtsTable *t, Term key)
{
    if (!is_hashed(t)) {
        EtsObj *removed = NULL;
        t->root = avl_remove(t, t->root, key, &removed);
        if (removed) {
            count_out(t, removed);
            obj_free(removed);
        }
        return;
    }
    uint32_t h = key_hash(key);
    EtsObj **link = hash_link(t, key, h);
    if (!link) return;
    while (*link && obj_has_key(t, *link, key, h)) hash_drop(t, link);
    hash_shrink(t);
}

/* Deletes objects with `key`: exactly `victim` if given, else every
 * object exactly equal to `tuple`. */
static void table_delete_matching(EtsTable *t, Term key, const EtsObj *victim, Term tuple)
{
    if (!is_hashed(t)) {
        EtsObj *o = avl_find(t, key);
        if (o && (victim ? o == victim : term_exact_equal(o->tuple, tuple))) table_delete_key(t, key);
        return;
    }
    uint32_t h = key_hash(key);
    EtsObj **link = hash_link(t, key, h);
    if (!link) return;
    while (*link && obj_has_key(t, *link, key, h)) {
        if (victim ? *link == victim : term_exact_equal((*link)->tuple, tuple)) {
            hash_drop(t, link);
            if (victim) break;
        } else {
            link = &(*link)->next;
        }
    }
    hash_shrink(t);
}

static void table_clear(EtsTable *t)
{
    if (!is_hashed(t)) {
        avl_free(t->root);
        t->root = NULL;
    } else {
        for (size_t i = 0; i < t->nactive; i++)
            for (EtsObj *o = t->buckets[i]; o;) {
                EtsObj *next = o->next;
                obj_free(o);
                o = next;
            }
        free(t->buckets);
        hash_init(t);
    }
    t->size = 0;
    t->words = 0;
}

static void table_destroy(EtsTable *t)
{
    table_clear(t);
    free(t->buckets);
    ptrmap_remove(&ETS->by_id, t->id);
    if (t->named) ptrmap_remove(&ETS->by_name, t->name);
    owner_unlink(t);
    if (t->heir_data) obj_free(t->heir_data);
    free(t);
    ETS->table_count--;
}

/* The table's id as the caller sees it: its name if named, else a ref. */
static Term table_term(Heap *h, const EtsTable *t) { return t->named ? t->name : ref_new(h, t->id); }

/* Visits every object in table order until `visit` returns false. */
typedef bool (*ObjVisit)(EtsTable *t, EtsObj *o, void *ctx);

static bool avl_each(EtsTable *t, EtsObj *n, ObjVisit visit, void *ctx)
{
    while (n) {
        if (!avl_each(t, n->child[0], visit, ctx)) return false;
        if (!visit(t, n, ctx)) return false;
        n = n->child[1];
    }
    return true;
}

static bool avl_each_reverse(EtsTable *t, EtsObj *n, ObjVisit visit, void *ctx)
{
    while (n) {
        if (!avl_each_reverse(t, n->child[1], visit, ctx)) return false;
        if (!visit(t, n, ctx)) return false;
        n = n->child[0];
    }
    return true;
}

/* Visits a hashed table's objects in chain order, buckets upwards. */
static bool buckets_each(EtsTable *t, ObjVisit visit, void *ctx)
{
    for (size_t i = 0; i != SIZE_MAX; i = bucket_next(t, i))
        for (EtsObj *o = t->buckets[i]; o; o = o->next)
            if (!visit(t, o, ctx)) return false;
    return true;
}

typedef struct {
    HeapWordsVisit visit;
    void *ctx;
} WordsVisit;

static bool obj_visit_words(EtsTable *t, EtsObj *o, void *ctx)
{
    (void)t;
    WordsVisit *w = ctx;
    w->visit(w->ctx, &o->tuple, 1);
    w->visit(w->ctx, o->data, o->words);
    heap_visit_words(&o->heap, w->visit, w->ctx); /* anything beyond data[] */
    return true;
}

void ets_visit_held_words(HeapWordsVisit visit, void *ctx)
{
    if (!ETS) return;
    WordsVisit w = {visit, ctx};
    for (size_t i = 0; i < ETS->by_id.cap; i++) {
        if (!ETS->by_id.keys[i]) continue;
        EtsTable *t = ETS->by_id.values[i];
        if (is_hashed(t)) buckets_each(t, obj_visit_words, &w);
        else avl_each(t, t->root, obj_visit_words, &w);
        if (t->heir_data) obj_visit_words(t, t->heir_data, &w);
    }
}

/* ---- finding tables from natives ---------------------------------------------------------- */

typedef enum { NEED_INFO, NEED_READ, NEED_WRITE } Need;

static EtsTable *table_lookup(Term tab)
{
    if (term_is_atom(tab)) return ptrmap_get(&ETS->by_name, tab);
    if (term_is_ref(tab)) return ptrmap_get(&ETS->by_id, (uint64_t)boxed_ptr(tab)[1]);
    return NULL;
}

/* The table `tab` names, if the caller may use it so; else raises badarg
 * (argument 1) and returns NULL. */
static EtsTable *table_get(Process *p, Term tab, Need need)
{
    atoms_init();
    if (!term_is_atom(tab) && !term_is_ref(tab)) {
        process_badarg_at(p, 1, E_BADTAB);
        return NULL;
    }
    EtsTable *t = table_lookup(tab);
    if (!t) {
        process_badarg_at(p, 1, E_NOTAB);
        return NULL;
    }
    bool owner = t->owner == p->pid;
    if ((need == NEED_READ && t->access == ETS_PRIVATE && !owner) ||
        (need == NEED_WRITE && t->access != ETS_PUBLIC && !owner)) {
        process_badarg_at(p, 1, E_ACCESS);
        return NULL;
    }
    return t;
}

/* ---- the match-specification engine ------------------------------------------------------
 * A match spec [{Head, Guards, Body}] is checked once per call (variables
 * used in guards and bodies must be bound by the head; every call names
 * a known function) and then interpreted against each object. Variables
 * are the atoms :"$0", :"$1", ...; they get dense slots in spec order. */

enum { AC_UNKNOWN = 0, AC_PLAIN, AC_ANY, AC_OBJECT, AC_ALLVARS, AC_VAR }; /* AC_VAR + n: :"$n" */


/* What an atom means in a match spec, cached per atom. */
static uint32_t atom_class(Term a)
{
    size_t i = atom_index(a);
    if (i >= ETS->atom_classes_cap) {
        size_t cap = ETS->atom_classes_cap ? ETS->atom_classes_cap : 1024;
        while (cap <= i) cap *= 2;
        ETS->atom_classes = xrealloc(ETS->atom_classes, cap * sizeof *ETS->atom_classes);
        memset(ETS->atom_classes + ETS->atom_classes_cap, 0, (cap - ETS->atom_classes_cap) * sizeof *ETS->atom_classes);
        ETS->atom_classes_cap = cap;
    }
    if (ETS->atom_classes[i] != AC_UNKNOWN) return ETS->atom_classes[i];
    const char *s = atom_text(a);
    size_t n = atom_length(a);
    uint32_t c = AC_PLAIN;
    if (n == 1 && s[0] == '_') c = AC_ANY;
    else if (n == 2 && s[0] == '$' && s[1] == '_') c = AC_OBJECT;
    else if (n == 2 && s[0] == '$' && s[1] == '$') c = AC_ALLVARS;
    else if (n >= 2 && n <= 10 && s[0] == '$') {
        uint64_t v = 0;
        size_t k = 1;
        while (k < n && s[k] >= '0' && s[k] <= '9') v = v * 10 + (uint64_t)(s[k++] - '0');
        if (k == n && v <= 100000000) c = AC_VAR + (uint32_t)v;
    }
    ETS->atom_classes[i] = c;
    return c;
}

typedef struct MsClause {
    Term head, guards, body;
    size_t *vars; /* dense slots of the head's variables, by variable number */
    size_t nvars;
    Term key;     /* the head's key when it is a constant (lookup, not scan), else TERM_NONE */
} MsClause;

typedef struct MatchSpec {
    MsClause *clauses;
    size_t n;
    uint32_t *varnums; /* sorted variable numbers of the whole spec */
    size_t nvarnums, varnums_cap;
} MatchSpec;

static void ms_free(MatchSpec *ms)
{
    for (size_t i = 0; i < ms->n; i++) free(ms->clauses[i].vars);
    free(ms->clauses);
    free(ms->varnums);
    memset(ms, 0, sizeof *ms);
}

static size_t ms_slot_of(const MatchSpec *ms, uint32_t num)
{
    size_t lo = 0, hi = ms->nvarnums;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ms->varnums[mid] < num) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void ms_note_var(MatchSpec *ms, uint32_t num)
{
    size_t at = ms_slot_of(ms, num);
    if (at < ms->nvarnums && ms->varnums[at] == num) return;
    if (ms->nvarnums == ms->varnums_cap) {
        size_t grown = ms->varnums_cap ? ms->varnums_cap * 2 : 8;
        ms->varnums = xrealloc(ms->varnums, grown * sizeof *ms->varnums);
        ms->varnums_cap = grown; /* only once the memory is there */
    }
    memmove(ms->varnums + at + 1, ms->varnums + at, (ms->nvarnums - at) * sizeof *ms->varnums);
    ms->varnums[at] = num;
    ms->nvarnums++;
}

/* The parts of a pattern or expression that hold others: a list's head
 * and tail, a tuple's elements, a map's values. Walks push them on an
 * explicit stack (never the C stack: a pattern may be a million deep). */
static void ms_push_parts(TermBuf *todo, Term t)
{
    if (term_is_cons(t)) {
        termbuf_push(todo, cons_tail(t));
        termbuf_push(todo, cons_head(t));
    } else if (term_is_tuple(t)) {
        for (size_t i = tuple_size(t); i-- > 0;) termbuf_push(todo, tuple_get(t, i));
    } else if (term_is_map(t)) {
        MapIter it;
        Term k, v;
        map_iter_init(&it, t);
        while (map_iter_next(&it, &k, &v)) termbuf_push(todo, v);
    }
}

/* Collects the head's variable numbers. */
static void ms_scan_head(MatchSpec *ms, Term t)
{
    TermBuf todo;
    termbuf_init(&todo);
    termbuf_push(&todo, t);
    while (todo.size > 0) {
        t = todo.items[--todo.size];
        if (term_is_atom(t)) {
            uint32_t c = atom_class(t);
            if (c >= AC_VAR) ms_note_var(ms, c - AC_VAR);
        } else {
            ms_push_parts(&todo, t);
        }
    }
    termbuf_free(&todo);
}

/* Whether a pattern has no variables and no :_ (it matches one value). */
static bool ms_ground(Term t)
{
    TermBuf todo;
    termbuf_init(&todo);
    termbuf_push(&todo, t);
    bool ground = true;
    while (ground && todo.size > 0) {
        t = todo.items[--todo.size];
        if (term_is_atom(t)) ground = atom_class(t) == AC_PLAIN;
        else ms_push_parts(&todo, t);
    }
    termbuf_free(&todo);
    return ground;
}

/* The functions guards and bodies may call, with their arities (-1: any
 * number of arguments, at least one). */
static const struct {
    const char *name;
    int arity;
} ms_functions[] = {
    {"is_atom", 1}, {"is_float", 1}, {"is_integer", 1}, {"is_list", 1}, {"is_number", 1}, {"is_pid", 1},
    {"is_port", 1}, {"is_reference", 1}, {"is_tuple", 1}, {"is_map", 1}, {"is_binary", 1},
    {"is_bitstring", 1}, {"is_function", 1}, {"is_boolean", 1}, {"is_map_key", 2}, {"is_record", 3},
    {"abs", 1}, {"hd", 1}, {"tl", 1}, {"length", 1}, {"map_size", 1}, {"map_get", 2}, {"node", 0},
    {"node", 1}, {"round", 1}, {"trunc", 1}, {"float", 1}, {"size", 1}, {"tuple_size", 1},
    {"byte_size", 1}, {"bit_size", 1}, {"element", 2}, {"self", 0}, {"not", 1}, {"bnot", 1},
    {"and", -1}, {"or", -1}, {"xor", 2}, {"andalso", -1}, {"orelse", -1}, {">", 2}, {">=", 2}, {"<", 2},
    {"=<", 2}, {"==", 2}, {"/=", 2}, {"=:=", 2}, {"=/=", 2}, {"+", 2}, {"-", 2}, {"*", 2}, {"/", 2},
    {"div", 2}, {"rem", 2}, {"band", 2}, {"bor", 2}, {"bxor", 2}, {"bsl", 2}, {"bsr", 2}, {"-", 1},
    {"+", 1}, {"min", 2}, {"max", 2},
};

static bool ms_known_function(Term name, size_t nargs)
{
    const char *s = atom_text(name);
    size_t n = atom_length(name);
    for (size_t i = 0; i < sizeof ms_functions / sizeof ms_functions[0]; i++)
        if (strlen(ms_functions[i].name) == n && memcmp(ms_functions[i].name, s, n) == 0 &&
            (ms_functions[i].arity == (int)nargs || (ms_functions[i].arity < 0 && nargs >= 1)))
            return true;
    return false;
}

/* Guards and bodies are evaluated by recursion in C (ms_eval), so their
 * nesting is bounded; patterns (heads) are not, they are walked with
 * explicit stacks. A deeper guard or body is not a valid match spec. */
#define MS_MAX_EXPR_DEPTH 1000

/* Whether a guard or body expression is well formed, with every variable
 * bound by the clause's head, and nested at most MS_MAX_EXPR_DEPTH deep. */
static bool ms_check_expr(const MatchSpec *ms, const MsClause *c, Term e)
{
    /* pairs: an expression, then its depth (a small integer) */
    TermBuf todo;
    termbuf_init(&todo);
    termbuf_push(&todo, e);
    termbuf_push(&todo, small_make(0));
    bool ok = true;
    while (ok && todo.size > 0) {
        int64_t depth = small_value(todo.items[--todo.size]);
        e = todo.items[--todo.size];
        if (depth > MS_MAX_EXPR_DEPTH) {
            ok = false;
        } else if (term_is_atom(e)) {
            uint32_t cls = atom_class(e);
            if (cls == AC_ANY) ok = false;
            else if (cls >= AC_VAR) {
                size_t slot = ms_slot_of(ms, cls - AC_VAR);
                ok = false;
                for (size_t i = 0; i < c->nvars; i++)
                    if (c->vars[i] == slot) ok = true;
            }
        } else if (term_is_cons(e) || term_is_map(e)) {
            /* a list's tail is not nested deeper: ms_eval walks it in a loop */
            if (term_is_cons(e)) {
                termbuf_push(&todo, cons_tail(e));
                termbuf_push(&todo, small_make(depth));
                termbuf_push(&todo, cons_head(e));
                termbuf_push(&todo, small_make(depth + 1));
            } else {
                MapIter it;
                Term k, v;
                map_iter_init(&it, e);
                while (map_iter_next(&it, &k, &v)) {
                    termbuf_push(&todo, v);
                    termbuf_push(&todo, small_make(depth + 1));
                }
            }
        } else if (term_is_tuple(e)) {
            size_t n = tuple_size(e);
            Term first = n ? tuple_get(e, 0) : TERM_NIL;
            if (n == 0) {
                ok = false;
            } else if (n == 1 && term_is_tuple(first)) {
                for (size_t i = 0; i < tuple_size(first); i++) {
                    termbuf_push(&todo, tuple_get(first, i));
                    termbuf_push(&todo, small_make(depth + 1));
                }
            } else if (!term_is_atom(first)) {
                ok = false;
            } else if (first == A.const_) {
                ok = n == 2;
            } else if (!ms_known_function(first, n - 1)) {
                ok = false;
            } else {
                for (size_t i = 1; i < n; i++) {
                    termbuf_push(&todo, tuple_get(e, i));
                    termbuf_push(&todo, small_make(depth + 1));
                }
            }
        }
    }
    termbuf_free(&todo);
    return ok;
}

/* Reads and checks a match spec; false (nothing to free) if it is not one. */
static bool ms_compile(const EtsTable *t, Term spec, MatchSpec *ms)
{
    memset(ms, 0, sizeof *ms);
    size_t n;
    if (!bif_list_length(spec, &n)) return false;
    ms->clauses = xcalloc(n ? n : 1, sizeof *ms->clauses);
    ms->n = n;
    size_t i = 0;
    for (Term l = spec; term_is_cons(l); l = cons_tail(l), i++) {
        Term clause = cons_head(l);
        size_t ng, nb;
        if (!term_is_tuple(clause) || tuple_size(clause) != 3 || !bif_list_length(tuple_get(clause, 1), &ng) ||
            !bif_list_length(tuple_get(clause, 2), &nb)) {
            ms_free(ms);
            return false;
        }
        ms->clauses[i].head = tuple_get(clause, 0);
        ms->clauses[i].guards = tuple_get(clause, 1);
        ms->clauses[i].body = tuple_get(clause, 2);
        ms_scan_head(ms, ms->clauses[i].head);
    }
    /* Slots are known once every head was scanned: now each clause's own. */
    for (i = 0; i < n; i++) {
        MsClause *c = &ms->clauses[i];
        MatchSpec local = {0};
        ms_scan_head(&local, c->head);
        c->nvars = local.nvarnums;
        c->vars = xmalloc((c->nvars ? c->nvars : 1) * sizeof *c->vars);
        for (size_t k = 0; k < c->nvars; k++) c->vars[k] = ms_slot_of(ms, local.varnums[k]);
        free(local.varnums);
        c->key = TERM_NONE;
        if (t && term_is_tuple(c->head) && tuple_size(c->head) >= t->keypos &&
            ms_ground(tuple_get(c->head, t->keypos - 1)))
            c->key = tuple_get(c->head, t->keypos - 1);
        if (!ms_check_expr(ms, c, c->guards) || !ms_check_expr(ms, c, c->body)) {
            ms_free(ms);
            return false;
        }
    }
    return true;
}

typedef struct MsRun {
    Process *p;
    const MatchSpec *ms;
    Term *vars;   /* by slot; TERM_NONE while unbound */
    Heap *scratch; /* results are built here, then copied to p's heap once */
    Term object;
    const MsClause *clause;
    bool in_body; /* a failing call in a body gives 'EXIT' in its place */
    /* p's exception state before the run, put back after a failing guard. */
    Term saved_class, saved_reason, saved_stack;
    int saved_arg;
    const char *saved_why;
} MsRun;

/* Whether val matches the pattern, binding the head's variables. The
 * pairs still to match wait on an explicit stack: a pattern may be a
 * million deep. The order does not matter: every occurrence of a variable
 * after the first must be exactly equal to it. */
static bool ms_match(MsRun *r, Term pat, Term val)
{
    TermBuf todo;
    termbuf_init(&todo);
    termbuf_push(&todo, pat);
    termbuf_push(&todo, val);
    bool ok = true;
    while (ok && todo.size > 0) {
        val = todo.items[--todo.size];
        pat = todo.items[--todo.size];
        if (term_is_atom(pat)) {
            uint32_t c = atom_class(pat);
            if (c >= AC_VAR) {
                Term *slot = &r->vars[ms_slot_of(r->ms, c - AC_VAR)];
                if (*slot == TERM_NONE) *slot = val;
                else ok = term_exact_equal(*slot, val);
            } else {
                ok = c == AC_ANY || pat == val;
            }
        } else if (term_is_cons(pat)) {
            ok = term_is_cons(val);
            if (ok) {
                termbuf_push(&todo, cons_tail(pat));
                termbuf_push(&todo, cons_tail(val));
                termbuf_push(&todo, cons_head(pat));
                termbuf_push(&todo, cons_head(val));
            }
        } else if (term_is_tuple(pat)) {
            size_t n = tuple_size(pat);
            ok = term_is_tuple(val) && tuple_size(val) == n;
            for (size_t i = n; ok && i-- > 0;) {
                termbuf_push(&todo, tuple_get(pat, i));
                termbuf_push(&todo, tuple_get(val, i));
            }
        } else if (term_is_map(pat)) {
            ok = term_is_map(val);
            MapIter it;
            Term k, pv;
            if (ok) map_iter_init(&it, pat);
            while (ok && map_iter_next(&it, &k, &pv)) {
                Term v = map_get(val, k);
                ok = v != TERM_NONE;
                termbuf_push(&todo, pv);
                termbuf_push(&todo, v);
            }
        } else {
            ok = term_exact_equal(pat, val);
        }
    }
    termbuf_free(&todo);
    return ok;
}

/* Runs an arithmetic native of integer.h, turning its exception into a
 * plain failure: a guard that raises is a guard that fails. */
static bool ms_arith(MsRun *r, Term result, Term *out)
{
    if (result != TERM_NONE) {
        *out = result;
        return true;
    }
    r->p->exc_class = r->saved_class;
    r->p->exc_reason = r->saved_reason;
    r->p->exc_stacktrace = r->saved_stack;
    r->p->exc_arg = r->saved_arg;
    r->p->exc_why = r->saved_why;
    return false;
}

static bool ms_eval(MsRun *r, Term e, Term *out);

static bool ms_is_true(MsRun *r, Term e, bool *truth)
{
    Term v;
    if (!ms_eval(r, e, &v) || !term_is_boolean(v)) return false;
    *truth = v == ATOM_true;
    return true;
}

static bool ms_apply(MsRun *r, Term fn, const Term *args, size_t n, Term *out)
{
    const char *s = atom_text(fn);
    size_t len = atom_length(fn);
#define IS(name) (len == sizeof(name) - 1 && memcmp(s, name, len) == 0)
    Heap *h = r->scratch;
    Process *p = r->p;

    /* The short-circuit operators evaluate their own arguments. */
    if (IS("andalso") || IS("orelse")) {
        bool want = IS("orelse");
        for (size_t i = 0; i < n; i++) {
            bool truth;
            if (!ms_is_true(r, args[i], &truth)) return false;
            if (truth == want) {
                *out = atom_from_bool(want);
                return true;
            }
        }
        *out = atom_from_bool(!want);
        return true;
    }
    Term v[16];
    if (n > 16) return false;
    for (size_t i = 0; i < n; i++)
        if (!ms_eval(r, args[i], &v[i])) return false;

    if (n == 0) {
        if (IS("self")) *out = p->pid;
        else *out = A.nonode; /* node() */
        return true;
    }
    Term a = v[0];
    if (n == 1) {
        if (IS("is_atom")) *out = atom_from_bool(term_is_atom(a));
        else if (IS("is_float")) *out = atom_from_bool(term_is_float(a));
        else if (IS("is_integer")) *out = atom_from_bool(term_is_integer(a));
        else if (IS("is_list")) *out = atom_from_bool(term_is_list(a));
        else if (IS("is_number")) *out = atom_from_bool(term_is_number(a));
        else if (IS("is_pid")) *out = atom_from_bool(term_is_pid(a));
        else if (IS("is_port")) *out = ATOM_false;
        else if (IS("is_reference")) *out = atom_from_bool(term_is_ref(a));
        else if (IS("is_tuple")) *out = atom_from_bool(term_is_tuple(a));
        else if (IS("is_map")) *out = atom_from_bool(term_is_map(a));
        else if (IS("is_binary")) *out = atom_from_bool(term_is_binary(a));
        else if (IS("is_bitstring")) *out = atom_from_bool(term_is_bitstring(a));
        else if (IS("is_function")) *out = atom_from_bool(term_is_fun(a));
        else if (IS("is_boolean")) *out = atom_from_bool(term_is_boolean(a));
        else if (IS("node")) *out = A.nonode;
        else if (IS("not")) {
            if (!term_is_boolean(a)) return false;
            *out = atom_from_bool(a == ATOM_false);
        } else if (IS("hd") || IS("tl")) {
            if (!term_is_cons(a)) return false;
            *out = IS("hd") ? cons_head(a) : cons_tail(a);
        } else if (IS("length")) {
            size_t len2;
            if (!bif_list_length(a, &len2)) return false;
            *out = small_make((int64_t)len2);
        } else if (IS("map_size")) {
            if (!term_is_map(a)) return false;
            *out = small_make((int64_t)map_size(a));
        } else if (IS("tuple_size")) {
            if (!term_is_tuple(a)) return false;
            *out = small_make((int64_t)tuple_size(a));
        } else if (IS("size") || IS("byte_size") || IS("bit_size")) {
            if (IS("size") && term_is_tuple(a)) *out = small_make((int64_t)tuple_size(a));
            else if (!term_is_bitstring(a)) return false;
            else if (IS("bit_size")) *out = small_make((int64_t)bitstring_bit_size(a));
            else if (IS("size") && !term_is_binary(a)) return false;
            else *out = small_make((int64_t)((bitstring_bit_size(a) + 7) / 8));
        } else if (IS("abs")) {
            if (term_is_float(a)) *out = float_new(h, fabs(float_value(a)));
            else if (!term_is_integer(a)) return false;
            else if (integer_compare(a, small_make(0)) < 0) return ms_arith(r, arith_neg(p, a), out);
            else *out = a;
        } else if (IS("round") || IS("trunc")) {
            if (term_is_integer(a)) *out = a;
            else if (!term_is_float(a)) return false;
            else *out = integer_from_double(h, IS("round") ? round(float_value(a)) : trunc(float_value(a)));
        } else if (IS("float")) {
            if (term_is_float(a)) *out = a;
            else if (!term_is_integer(a)) return false;
            else *out = float_new(h, integer_to_double(a));
        } else if (IS("bnot")) return ms_arith(r, arith_bnot(p, a), out);
        else if (IS("-")) return ms_arith(r, arith_neg(p, a), out);
        else if (IS("+")) {
            if (!term_is_number(a)) return false;
            *out = a;
        } else return false;
        return true;
    }
    Term b = v[1];
    if (IS("and") || IS("or")) {
        bool any = false, all = true;
        for (size_t i = 0; i < n; i++) {
            if (!term_is_boolean(v[i])) return false;
            any |= v[i] == ATOM_true;
            all &= v[i] == ATOM_true;
        }
        *out = atom_from_bool(IS("and") ? all : any);
        return true;
    }
    if (n == 3) { /* is_record(Term, Tag, Size) */
        *out = atom_from_bool(term_is_tuple(a) && term_is_small(v[2]) &&
                              (int64_t)tuple_size(a) == small_value(v[2]) && tuple_size(a) > 0 &&
                              tuple_get(a, 0) == b);
        return true;
    }
    if (IS("xor")) {
        if (!term_is_boolean(a) || !term_is_boolean(b)) return false;
        *out = atom_from_bool((a == ATOM_true) != (b == ATOM_true));
    } else if (IS(">")) *out = atom_from_bool(term_compare(a, b) > 0);
    else if (IS(">=")) *out = atom_from_bool(term_compare(a, b) >= 0);
    else if (IS("<")) *out = atom_from_bool(term_compare(a, b) < 0);
    else if (IS("=<")) *out = atom_from_bool(term_compare(a, b) <= 0);
    else if (IS("==")) *out = atom_from_bool(term_equal(a, b));
    else if (IS("/=")) *out = atom_from_bool(!term_equal(a, b));
    else if (IS("=:=")) *out = atom_from_bool(term_exact_equal(a, b));
    else if (IS("=/=")) *out = atom_from_bool(!term_exact_equal(a, b));
    else if (IS("min")) *out = term_compare(a, b) <= 0 ? a : b;
    else if (IS("max")) *out = term_compare(a, b) >= 0 ? a : b;
    else if (IS("element")) {
        if (!term_is_small(a) || !term_is_tuple(b) || small_value(a) < 1 || (size_t)small_value(a) > tuple_size(b))
            return false;
        *out = tuple_get(b, (size_t)small_value(a) - 1);
    } else if (IS("map_get") || IS("is_map_key")) {
        if (!term_is_map(b)) return false;
        Term got = map_get(b, a);
        if (IS("is_map_key")) *out = atom_from_bool(got != TERM_NONE);
        else if (got == TERM_NONE) return false;
        else *out = got;
    } else if (IS("+")) return ms_arith(r, arith_add(p, a, b), out);
    else if (IS("-")) return ms_arith(r, arith_sub(p, a, b), out);
    else if (IS("*")) return ms_arith(r, arith_mul(p, a, b), out);
    else if (IS("/")) return ms_arith(r, arith_fdiv(p, a, b), out);
    else if (IS("div")) return ms_arith(r, arith_div(p, a, b), out);
    else if (IS("rem")) return ms_arith(r, arith_rem(p, a, b), out);
    else if (IS("band")) return ms_arith(r, arith_band(p, a, b), out);
    else if (IS("bor")) return ms_arith(r, arith_bor(p, a, b), out);
    else if (IS("bxor")) return ms_arith(r, arith_bxor(p, a, b), out);
    else if (IS("bsl")) return ms_arith(r, arith_bsl(p, a, b), out);
    else if (IS("bsr")) return ms_arith(r, arith_bsr(p, a, b), out);
    else return false;
    return true;
#undef IS
}

static bool ms_call(MsRun *r, Term fn, const Term *args, size_t n, Term *out)
{
    if (ms_apply(r, fn, args, n, out)) return true;
    if (!r->in_body) return false;
    *out = A.EXIT;
    return true;
}

static bool ms_eval(MsRun *r, Term e, Term *out)
{
    if (term_is_atom(e)) {
        uint32_t c = atom_class(e);
        if (c >= AC_VAR) *out = r->vars[ms_slot_of(r->ms, c - AC_VAR)];
        else if (c == AC_OBJECT) *out = r->object;
        else if (c == AC_ALLVARS) {
            Term items[64], *buf = r->clause->nvars <= 64 ? items : xmalloc(r->clause->nvars * sizeof(Term));
            for (size_t i = 0; i < r->clause->nvars; i++) buf[i] = r->vars[r->clause->vars[i]];
            *out = list_from(r->scratch, r->clause->nvars, buf);
            if (buf != items) free(buf);
        } else *out = e;
        return true;
    }
    if (term_is_cons(e)) {
        Term result = TERM_NIL, *last = &result;
        for (; term_is_cons(e); e = cons_tail(e)) {
            Term v;
            if (!ms_eval(r, cons_head(e), &v)) return false;
            Term cell = cons_new(r->scratch, v, TERM_NIL);
            *last = cell;
            last = &cons_ptr(cell)[1];
        }
        if (e != TERM_NIL && !ms_eval(r, e, last)) return false;
        *out = result;
        return true;
    }
    if (term_is_map(e)) {
        size_t n = map_size(e);
        Term *keys = xmalloc((2 * n + 1) * sizeof(Term)), *vals = keys + n;
        map_to_arrays(e, keys, vals);
        for (size_t i = 0; i < n; i++)
            if (!ms_eval(r, vals[i], &vals[i])) {
                free(keys);
                return false;
            }
        *out = map_from_pairs(r->scratch, n, keys, vals);
        free(keys);
        return true;
    }
    if (!term_is_tuple(e)) {
        *out = e;
        return true;
    }
    size_t n = tuple_size(e);
    Term first = tuple_get(e, 0);
    if (n == 1 && term_is_tuple(first)) {
        size_t m = tuple_size(first);
        Term t = tuple_new(r->scratch, m);
        for (size_t i = 0; i < m; i++)
            if (!ms_eval(r, tuple_get(first, i), &tuple_elems(t)[i])) return false;
        *out = t;
        return true;
    }
    if (first == A.const_) {
        *out = tuple_get(e, 1);
        return true;
    }
    return ms_call(r, first, tuple_elems(e) + 1, n - 1, out);
}

/* Tries the spec's clauses on one object: true with *result if one
 * matched and its guards held. */
static bool ms_run_object(MsRun *r, Term object, Term *result)
{
    r->object = object;
    for (size_t i = 0; i < r->ms->n; i++) {
        const MsClause *c = &r->ms->clauses[i];
        r->clause = c;
        for (size_t k = 0; k < c->nvars; k++) r->vars[c->vars[k]] = TERM_NONE;
        if (!ms_match(r, c->head, object)) continue;
        bool pass = true;
        for (Term g = c->guards; pass && term_is_cons(g); g = cons_tail(g)) {
            bool truth;
            pass = ms_is_true(r, cons_head(g), &truth) && truth;
        }
        if (!pass) continue;
        r->in_body = true;
        *result = c->body == TERM_NIL ? ATOM_true : A.EXIT;
        for (Term b = c->body; term_is_cons(b); b = cons_tail(b))
            if (!ms_eval(r, cons_head(b), result)) {
                *result = A.EXIT;
                break;
            }
        r->in_body = false;
        return true;
    }
    return false;
}

/* ---- selecting ------------------------------------------------------------------------------ */

typedef enum { SEL_LIST, SEL_COUNT, SEL_DELETE } SelMode;

typedef struct Select {
    MsRun run;
    SelMode mode;
    TermBuf results;
    size_t count;
    size_t limit; /* stop after this many results (0: none) */
    EtsObj **doomed;
    size_t ndoomed, doomed_cap;
    EtsObj *last; /* the last object visited */
} Select;

static bool select_visit(EtsTable *t, EtsObj *o, void *ctx)
{
    (void)t;
    Select *s = ctx;
    Term result;
    s->last = o;
    if (!ms_run_object(&s->run, o->tuple, &result)) return true;
    switch (s->mode) {
    case SEL_LIST:
        termbuf_push(&s->results, result);
        s->count++;
        break;
    case SEL_COUNT:
        if (result == ATOM_true) s->count++;
        break;
    case SEL_DELETE:
        if (result == ATOM_true) {
            if (s->ndoomed == s->doomed_cap) {
                size_t grown = s->doomed_cap ? s->doomed_cap * 2 : 16;
                s->doomed = xrealloc(s->doomed, grown * sizeof *s->doomed);
                s->doomed_cap = grown; /* only once the memory is there */
            }
            s->doomed[s->ndoomed++] = o;
            s->count++;
        }
        break;
    }
    return !s->limit || s->count < s->limit;
}

static void select_init(Select *s, Process *p, const MatchSpec *ms, Heap *scratch, SelMode mode)
{
    memset(s, 0, sizeof *s);
    s->run.p = p;
    s->run.ms = ms;
    s->run.scratch = scratch;
    s->run.vars = xmalloc((ms->nvarnums ? ms->nvarnums : 1) * sizeof(Term));
    s->run.saved_class = p->exc_class;
    s->run.saved_reason = p->exc_reason;
    s->run.saved_stack = p->exc_stacktrace;
    s->run.saved_arg = p->exc_arg;
    s->run.saved_why = p->exc_why;
    s->mode = mode;
    termbuf_init(&s->results);
}

static void select_free(Select *s)
{
    free(s->run.vars);
    free(s->doomed);
    termbuf_free(&s->results);
}

static void termbuf_reverse(TermBuf *b)
{
    for (size_t i = 0, j = b->size; i + 1 < j; i++, j--) {
        Term tmp = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = tmp;
    }
}

/* Runs the spec over the whole table (or only the objects of the key a
 * one-clause spec's head fixes). */
static void select_table(EtsTable *t, Select *s, bool reverse)
{
    const MatchSpec *ms = s->run.ms;
    if (ms->n == 1 && ms->clauses[0].key != TERM_NONE) {
        EtsObj *o = table_find(t, ms->clauses[0].key);
        for (; o; o = run_next(t, o))
            if (!select_visit(t, o, s)) break;
    } else if (is_hashed(t)) {
        buckets_each(t, select_visit, s);
    } else if (reverse) {
        avl_each_reverse(t, t->root, select_visit, s);
    } else {
        avl_each(t, t->root, select_visit, s);
    }
    /* OTP conses results as it walks a hashed table: the list comes out
     * reversed. */
    if (is_hashed(t) && !reverse) termbuf_reverse(&s->results);
}

static void select_finish_delete(EtsTable *t, Select *s)
{
    for (size_t i = 0; i < s->ndoomed; i++) table_delete_matching(t, obj_key(t, s->doomed[i]), s->doomed[i], 0);
}

/* The selected results as a list on p's heap. */
static Term select_results(Process *p, Select *s, Heap *scratch)
{
    return term_copy(&p->heap, termbuf_to_list(&s->results, scratch, TERM_NIL));
}

/* ---- natives: creating and deleting tables ------------------------------------------------ */

static Term ets_new(Process *p, const Term *a)
{
    atoms_init();
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    if (!term_is_list(a[1])) return process_badarg_at(p, 2, "not a list");
    EtsTable proto = {0};
    proto.type = ETS_SET;
    proto.access = ETS_PROTECTED;
    proto.keypos = 1;
    proto.heir = A.none;
    Term heir_data = TERM_NONE;
    Term l = a[1];
    for (; term_is_cons(l); l = cons_tail(l)) {
        Term o = cons_head(l);
        if (o == A.set) proto.type = ETS_SET;
        else if (o == A.ordered_set) proto.type = ETS_ORDERED_SET;
        else if (o == A.bag) proto.type = ETS_BAG;
        else if (o == A.duplicate_bag) proto.type = ETS_DUPLICATE_BAG;
        else if (o == A.public_) proto.access = ETS_PUBLIC;
        else if (o == A.protected_) proto.access = ETS_PROTECTED;
        else if (o == A.private_) proto.access = ETS_PRIVATE;
        else if (o == A.named_table) proto.named = true;
        else if (o == A.compressed) proto.compressed = true;
        else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == A.keypos && term_is_small(tuple_get(o, 1)) &&
                 small_value(tuple_get(o, 1)) >= 1)
            proto.keypos = (size_t)small_value(tuple_get(o, 1));
        else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == A.read_concurrency &&
                 term_is_boolean(tuple_get(o, 1)))
            proto.read_concurrency = tuple_get(o, 1) == ATOM_true;
        else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == A.write_concurrency &&
                 (term_is_boolean(tuple_get(o, 1)) || tuple_get(o, 1) == A.auto_))
            proto.write_concurrency = tuple_get(o, 1) != ATOM_false;
        else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == A.decentralized_counters &&
                 term_is_boolean(tuple_get(o, 1)))
            proto.decentralized_counters = tuple_get(o, 1) == ATOM_true;
        else if (term_is_tuple(o) && tuple_size(o) == 2 && tuple_get(o, 0) == A.heir && tuple_get(o, 1) == A.none)
            proto.heir = A.none;
        else if (term_is_tuple(o) && tuple_size(o) == 3 && tuple_get(o, 0) == A.heir && term_is_pid(tuple_get(o, 1))) {
            proto.heir = tuple_get(o, 1);
            heir_data = tuple_get(o, 2);
        } else
            return process_badarg_at(p, 2, "invalid options");
    }
    if (l != TERM_NIL) return process_badarg_at(p, 2, "not a list");
    if (proto.named && ptrmap_get(&ETS->by_name, a[0])) return process_badarg_at(p, 1, E_NAMEEXISTS);

    EtsTable *t = xmalloc(sizeof *t);
    *t = proto;
    t->id = ref_next_id();
    t->name = a[0];
    t->owner = p->pid;
    if (is_hashed(t)) hash_init(t);
    if (t->heir != A.none) t->heir_data = obj_new(tuple_from(&p->heap, 1, &heir_data));
    ptrmap_put(&ETS->by_id, t->id, t);
    if (t->named) ptrmap_put(&ETS->by_name, t->name, t);
    owner_link(t);
    ETS->table_count++;
    return table_term(&p->heap, t);
}

static Term ets_delete1(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    table_destroy(t);
    return ATOM_true;
}

static Term ets_delete_all_objects(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    table_clear(t);
    return ATOM_true;
}

static Term ets_whereis(Process *p, const Term *a)
{
    atoms_init();
    if (!term_is_atom(a[0])) return process_badarg_at(p, 1, "not an atom");
    EtsTable *t = ptrmap_get(&ETS->by_name, a[0]);
    return t ? ref_new(&p->heap, t->id) : ATOM_undefined;
}

static Term ets_rename(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    if (!term_is_atom(a[1])) return process_badarg_at(p, 2, "not an atom");
    if (t->named) {
        EtsTable *other = ptrmap_get(&ETS->by_name, a[1]);
        if (other && other != t) return process_badarg_at(p, 2, E_NAMEEXISTS);
        ptrmap_remove(&ETS->by_name, t->name);
        ptrmap_put(&ETS->by_name, a[1], t);
    }
    t->name = a[1];
    return table_term(&p->heap, t);
}

/* Hands t to `to`, who is told with {'ETS-TRANSFER', Tab, From, Data}. */
static void table_transfer(EtsTable *t, Process *to, Term from, Term data)
{
    owner_unlink(t);
    t->owner = to->pid;
    owner_link(t);
    Heap tmp;
    heap_init(&tmp, 16);
    Term msg = tuple4(&tmp, A.ets_transfer, table_term(&tmp, t), from, data);
    process_send(to, msg);
    heap_release(&tmp);
}

static Term ets_give_away(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_INFO);
    if (!t) return TERM_NONE;
    if (t->owner != p->pid) return process_badarg_at(p, 1, "the table identifier is not owned by the calling process");
    Process *to = process_of(a[1]);
    if (!to || to->status == PROC_EXITED) return process_badarg_at(p, 2, "not a pid of an existing process");
    if (to == p) return process_badarg_at(p, 2, "the process is already the owner of the table");
    table_transfer(t, to, p->pid, a[2]);
    return ATOM_true;
}

void ets_owner_exited(Term pid)
{
    if (!ETS->by_owner.count) return;
    EtsTable *t;
    while ((t = ptrmap_get(&ETS->by_owner, pid))) {
        Process *heir = t->heir != A.none ? process_of(t->heir) : NULL;
        if (heir && heir->status != PROC_EXITED && heir->pid != pid) {
            Term data = tuple_get(t->heir_data->tuple, 0);
            t->heir = A.none;
            EtsObj *held = t->heir_data;
            t->heir_data = NULL;
            table_transfer(t, heir, pid, data);
            obj_free(held);
        } else {
            table_destroy(t);
        }
    }
}

size_t ets_table_count(void) { return ETS->table_count; }

void ets_reset(void)
{
    for (size_t i = 0; i < ETS->by_id.cap; i++)
        if (ETS->by_id.keys[i]) {
            EtsTable *t = ETS->by_id.values[i];
            table_clear(t);
            free(t->buckets);
            if (t->heir_data) obj_free(t->heir_data);
            free(t);
        }
    ptrmap_free(&ETS->by_id);
    ptrmap_free(&ETS->by_name);
    ptrmap_free(&ETS->by_owner);
    ETS->table_count = 0;
}

void ets_state_free(void)
{
    if (!ETS) return;
    ets_reset();
    free(ETS->atom_classes);
    free(ETS);
    ETS = NULL;
}

static Term ets_all(Process *p, const Term *a)
{
    (void)a;
    TermBuf b;
    termbuf_init(&b);
    for (size_t i = 0; i < ETS->by_id.cap; i++)
        if (ETS->by_id.keys[i]) termbuf_push(&b, table_term(&p->heap, ETS->by_id.values[i]));
    Term l = termbuf_to_list(&b, &p->heap, TERM_NIL);
    termbuf_free(&b);
    return l;
}

/* ---- natives: info ------------------------------------------------------------------------ */

static Term type_atom(const EtsTable *t)
{
    const Term names[] = {A.set, A.ordered_set, A.bag, A.duplicate_bag};
    return names[t->type];
}

static Term access_atom(const EtsTable *t)
{
    return t->access == ETS_PUBLIC ? A.public_ : t->access == ETS_PROTECTED ? A.protected_ : A.private_;
}

/* Words as :ets.info(t, :memory) counts them: a fixed part and each
 * object's own size plus a few words of bookkeeping. */
static size_t table_memory(const EtsTable *t)
{
    return (is_hashed(t) ? 49 + t->nslots : 139) + t->words + t->size * 4;
}

size_t ets_memory_bytes(void)
{
    size_t words = 0;
    for (size_t i = 0; ETS && i < ETS->by_id.cap; i++)
        if (ETS->by_id.keys[i]) words += table_memory(ETS->by_id.values[i]);
    return words * sizeof(Term);
}

/* The value of one info item, or TERM_NONE if `item` is not one. */
static Term info_item(Process *p, const EtsTable *t, Term item)
{
    Heap *h = &p->heap;
    if (item == A.id) return ref_new(h, t->id);
    if (item == A.name) return t->name;
    if (item == A.size) return small_make((int64_t)t->size);
    if (item == A.type) return type_atom(t);
    if (item == A.owner) return t->owner;
    if (item == A.protection) return access_atom(t);
    if (item == A.keypos) return small_make((int64_t)t->keypos);
    if (item == A.named_table) return atom_from_bool(t->named);
    if (item == A.heir) return t->heir;
    if (item == A.memory) return small_make((int64_t)table_memory(t));
    if (item == A.node) return A.nonode;
    if (item == A.compressed) return atom_from_bool(t->compressed);
    if (item == A.read_concurrency) return atom_from_bool(t->read_concurrency);
    if (item == A.write_concurrency) return atom_from_bool(t->write_concurrency);
    if (item == A.decentralized_counters) return atom_from_bool(t->decentralized_counters);
    if (item == A.fixed || item == A.safe_fixed) return ATOM_false;
    return TERM_NONE;
}

static Term ets_info1(Process *p, const Term *a)
{
    atoms_init();
    if (!term_is_atom(a[0]) && !term_is_ref(a[0])) return process_badarg_at(p, 1, E_BADTAB);
    EtsTable *t = table_lookup(a[0]);
    if (!t) return ATOM_undefined;
    const Term order[] = {A.id, A.decentralized_counters, A.read_concurrency, A.write_concurrency,
                          A.compressed, A.memory, A.owner, A.heir, A.name, A.size, A.node, A.named_table,
                          A.type, A.keypos, A.protection};
    size_t n = sizeof order / sizeof order[0];
    Term pairs[sizeof order / sizeof order[0]];
    for (size_t i = 0; i < n; i++) pairs[i] = tuple2(&p->heap, order[i], info_item(p, t, order[i]));
    return list_from(&p->heap, n, pairs);
}

static Term ets_info2(Process *p, const Term *a)
{
    atoms_init();
    if (!term_is_atom(a[0]) && !term_is_ref(a[0])) return process_badarg_at(p, 1, E_BADTAB);
    EtsTable *t = table_lookup(a[0]);
    /* The item is checked against a sample table even when there is none. */
    if (!t) {
        EtsTable sample = {0};
        sample.keypos = 1;
        sample.name = ATOM_nil;
        sample.owner = sample.heir = ATOM_nil;
        if (info_item(p, &sample, a[1]) == TERM_NONE) return process_badarg_at(p, 2, "not a valid info item");
        return ATOM_undefined;
    }
    Term v = info_item(p, t, a[1]);
    if (v == TERM_NONE) return process_badarg_at(p, 2, "not a valid info item");
    return v;
}

/* ---- natives: writing ------------------------------------------------------------------------ */

/* 0 if `obj` may go into t, else the reason it may not. A tuple too small
 * for the key position is a plain badarg in OTP (reason ""). */
static const char *object_problem(const EtsTable *t, Term obj, bool in_list)
{
    if (!term_is_tuple(obj)) return in_list ? E_NOTUPLES : E_NOTUPLE;
    if (tuple_size(obj) == 0) return in_list ? E_NOTUPLES : E_EMPTYTUPLE;
    if (tuple_size(obj) < t->keypos) return "";
    return NULL;
}

static Term objects_badarg(Process *p, const char *why)
{
    return *why ? process_badarg_at(p, 2, why) : process_badarg(p);
}

/* Checks an insert's objects: a tuple or a proper list of tuples. */
static bool objects_check(Process *p, const EtsTable *t, Term objs)
{
    if (term_is_list(objs)) {
        Term l = objs;
        for (; term_is_cons(l); l = cons_tail(l)) {
            const char *why = object_problem(t, cons_head(l), true);
            if (why) {
                objects_badarg(p, why);
                return false;
            }
        }
        if (l != TERM_NIL) {
            process_badarg_at(p, 2, E_NOTUPLES);
            return false;
        }
        return true;
    }
    const char *why = object_problem(t, objs, false);
    if (why) {
        objects_badarg(p, why);
        return false;
    }
    return true;
}

static void insert_list(EtsTable *t, Term objs)
{
    /* OTP inserts a list into a bag last element first, which shows in the
     * order lookup/2 answers: do the same. */
    if (t->type == ETS_BAG && term_is_cons(objs)) {
        TermBuf b;
        termbuf_init(&b);
        for (Term l = objs; term_is_cons(l); l = cons_tail(l)) termbuf_push(&b, cons_head(l));
        for (size_t i = b.size; i-- > 0;) table_insert(t, b.items[i]);
        termbuf_free(&b);
        return;
    }
    for (Term l = objs; term_is_cons(l); l = cons_tail(l)) table_insert(t, cons_head(l));
}

static Term ets_insert(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t || !objects_check(p, t, a[1])) return TERM_NONE;
    if (term_is_tuple(a[1])) table_insert(t, a[1]);
    else insert_list(t, a[1]);
    return ATOM_true;
}

static Term ets_insert_new(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t || !objects_check(p, t, a[1])) return TERM_NONE;
    if (term_is_tuple(a[1])) {
        if (table_find(t, tuple_get(a[1], t->keypos - 1))) return ATOM_false;
        table_insert(t, a[1]);
        return ATOM_true;
    }
    for (Term l = a[1]; term_is_cons(l); l = cons_tail(l))
        if (table_find(t, tuple_get(cons_head(l), t->keypos - 1))) return ATOM_false;
    insert_list(t, a[1]);
    return ATOM_true;
}

static Term ets_delete2(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    table_delete_key(t, a[1]);
    return ATOM_true;
}

static Term ets_delete_object(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    const char *why = object_problem(t, a[1], false);
    if (why) return objects_badarg(p, why);
    table_delete_matching(t, tuple_get(a[1], t->keypos - 1), NULL, a[1]);
    return ATOM_true;
}

static Term ets_take(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    Term l = TERM_NIL;
    for (EtsObj *o = table_find(t, a[1]); o; o = run_next(t, o)) l = cons_new(&p->heap, term_copy(&p->heap, o->tuple), l);
    table_delete_key(t, a[1]);
    return l;
}

/* One operation of update_counter: {Pos, Incr[, Threshold, SetValue]}. */
typedef struct CounterOp {
    size_t pos;
    Term incr, threshold, setvalue; /* threshold TERM_NONE: none */
} CounterOp;

/* Reads an operation; 0 or the reason it is not valid for `obj`. */
static const char *counter_op_read(const EtsTable *t, Term op, Term obj, CounterOp *out)
{
    if (term_is_integer(op)) {
        out->pos = t->keypos + 1;
        out->incr = op;
        out->threshold = TERM_NONE;
    } else if (term_is_tuple(op) && (tuple_size(op) == 2 || tuple_size(op) == 4) && term_is_small(tuple_get(op, 0)) &&
               term_is_integer(tuple_get(op, 1))) {
        int64_t pos = small_value(tuple_get(op, 0));
        if (pos < 1 || (size_t)pos > tuple_size(obj)) return E_UPD_RANGE;
        out->pos = (size_t)pos;
        out->incr = tuple_get(op, 1);
        out->threshold = TERM_NONE;
        if (tuple_size(op) == 4) {
            if (!term_is_integer(tuple_get(op, 2)) || !term_is_integer(tuple_get(op, 3))) return E_UPD_BADOP;
            out->threshold = tuple_get(op, 2);
            out->setvalue = tuple_get(op, 3);
        }
    } else {
        return E_UPD_BADOP;
    }
    if (out->pos > tuple_size(obj)) return E_UPD_RANGE;
    if (out->pos == t->keypos) return E_UPD_KEYPOS;
    if (!term_is_integer(tuple_get(obj, out->pos - 1))) return E_UPD_NOTINT;
    return NULL;
}

static Term update_counter(Process *p, const Term *a, bool has_default)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    if (is_bag(t)) return process_badarg_at(p, 1, E_TYPE);
    EtsObj *o = table_find(t, a[1]);
    Term obj;
    if (o) {
        obj = o->tuple;
    } else if (has_default) {
        Term def = a[3];
        if (!term_is_tuple(def)) return process_badarg_at(p, 4, E_NOTUPLE);
        if (tuple_size(def) < t->keypos) return process_badarg_at(p, 4, "the default object is too small");
        obj = tuple_from(&p->heap, tuple_size(def), tuple_elems(def));
        tuple_elems(obj)[t->keypos - 1] = a[1];
    } else {
        return process_badarg_at(p, 2, E_NOKEY);
    }
    /* Check every operation before changing anything. */
    size_t nops = 1;
    bool many = term_is_list(a[2]);
    if (many && !bif_list_length(a[2], &nops)) return process_badarg_at(p, 3, E_UPD_BADOP);
    CounterOp *ops = xmalloc((nops ? nops : 1) * sizeof *ops);
    Term l = a[2];
    for (size_t i = 0; i < nops; i++) {
        Term op = many ? cons_head(l) : a[2];
        if (many) l = cons_tail(l);
        const char *why = counter_op_read(t, op, obj, &ops[i]);
        if (why) {
            free(ops);
            return process_badarg_at(p, 3, why);
        }
    }
    Term updated = tuple_from(&p->heap, tuple_size(obj), tuple_elems(obj));
    Term *results = xmalloc((nops ? nops : 1) * sizeof(Term));
    for (size_t i = 0; i < nops; i++) {
        CounterOp *op = &ops[i];
        Term v = arith_add(p, tuple_get(updated, op->pos - 1), op->incr);
        if (v == TERM_NONE) {
            free(ops);
            free(results);
            return TERM_NONE;
        }
        if (op->threshold != TERM_NONE) {
            bool up = integer_compare(op->incr, small_make(0)) >= 0;
            int c = integer_compare(v, op->threshold);
            if (up ? c > 0 : c < 0) v = op->setvalue;
        }
        tuple_elems(updated)[op->pos - 1] = v;
        results[i] = v;
    }
    table_insert(t, updated);
    Term r = many ? list_from(&p->heap, nops, results) : results[0];
    free(ops);
    free(results);
    return r;
}

static Term ets_update_counter3(Process *p, const Term *a) { return update_counter(p, a, false); }
static Term ets_update_counter4(Process *p, const Term *a) { return update_counter(p, a, true); }

static Term ets_update_element(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    if (is_bag(t)) return process_badarg_at(p, 3, E_RANGE);
    size_t n = 1;
    bool many = term_is_list(a[2]);
    if (many && !bif_list_length(a[2], &n)) return process_badarg_at(p, 3, E_RANGE);
    EtsObj *o = table_find(t, a[1]);
    /* The operations are checked for shape even when the key is missing. */
    Term l = a[2];
    for (size_t i = 0; i < n; i++) {
        Term op = many ? cons_head(l) : a[2];
        if (many) l = cons_tail(l);
        if (!term_is_tuple(op) || tuple_size(op) != 2 || !term_is_small(tuple_get(op, 0)) ||
            small_value(tuple_get(op, 0)) < 1)
            return process_badarg_at(p, 3, E_RANGE);
        size_t pos = (size_t)small_value(tuple_get(op, 0));
        if (pos == t->keypos) return process_badarg_at(p, 3, E_UPD_KEYPOS);
        if (o && pos > tuple_size(o->tuple)) return process_badarg_at(p, 3, E_RANGE);
    }
    if (!o) return ATOM_false;
    Term updated = tuple_from(&p->heap, tuple_size(o->tuple), tuple_elems(o->tuple));
    l = a[2];
    for (size_t i = 0; i < n; i++) {
        Term op = many ? cons_head(l) : a[2];
        if (many) l = cons_tail(l);
        tuple_elems(updated)[small_value(tuple_get(op, 0)) - 1] = tuple_get(op, 1);
    }
    table_insert(t, updated);
    return ATOM_true;
}

/* ---- natives: reading ------------------------------------------------------------------------ */

static Term ets_lookup(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    /* A run lists a bag's objects newest first: consing reverses it. */
    Term l = TERM_NIL;
    for (EtsObj *o = table_find(t, a[1]); o; o = run_next(t, o)) l = cons_new(&p->heap, term_copy(&p->heap, o->tuple), l);
    return l;
}

static Term ets_lookup_element(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    if (!term_is_integer(a[2])) return process_badarg_at(p, 3, "not an integer");
    if (!term_is_small(a[2]) || small_value(a[2]) < 1) return process_badarg_at(p, 3, E_RANGE);
    size_t pos = (size_t)small_value(a[2]);
    EtsObj *o = table_find(t, a[1]);
    if (!o) return process_badarg_at(p, 2, E_NOKEY);
    for (EtsObj *q = o; q; q = run_next(t, q))
        if (pos > tuple_size(q->tuple)) return process_badarg_at(p, 3, "position is greater than the size of the object");
    if (!is_bag(t)) return term_copy(&p->heap, tuple_get(o->tuple, pos - 1));
    Term l = TERM_NIL;
    for (; o; o = run_next(t, o)) l = cons_new(&p->heap, term_copy(&p->heap, tuple_get(o->tuple, pos - 1)), l);
    return l;
}

static Term ets_member(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    return atom_from_bool(table_find(t, a[1]) != NULL);
}

static bool collect_visit(EtsTable *t, EtsObj *o, void *ctx)
{
    (void)t;
    termbuf_push(ctx, o->tuple);
    return true;
}

static Term ets_tab2list(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    TermBuf b;
    termbuf_init(&b);
    Term l = TERM_NIL;
    if (is_hashed(t)) {
        /* OTP's tab2list is match_object(T, '_'): reversed, see select_table. */
        buckets_each(t, collect_visit, &b);
        for (size_t i = 0; i < b.size; i++) l = cons_new(&p->heap, term_copy(&p->heap, b.items[i]), l);
    } else {
        avl_each(t, t->root, collect_visit, &b);
        for (size_t i = b.size; i-- > 0;) l = cons_new(&p->heap, term_copy(&p->heap, b.items[i]), l);
    }
    termbuf_free(&b);
    return l;
}

/* first/next/last/prev. Hashed tables have one order, so last is first
 * and prev is next, as in OTP. */
static Term ets_first_last(Process *p, Term tab, int dir)
{
    EtsTable *t = table_get(p, tab, NEED_READ);
    if (!t) return TERM_NONE;
    EtsObj *o = NULL;
    if (is_hashed(t)) {
        for (size_t i = 0; i != SIZE_MAX && !o; i = bucket_next(t, i)) o = t->buckets[i];
    } else {
        o = avl_extreme(t, dir);
    }
    return o ? term_copy(&p->heap, obj_key(t, o)) : A.end_of_table;
}

static Term ets_next_prev(Process *p, Term tab, Term key, int dir)
{
    EtsTable *t = table_get(p, tab, NEED_READ);
    if (!t) return TERM_NONE;
    EtsObj *o = NULL;
    if (is_hashed(t)) {
        uint32_t h = key_hash(key);
        EtsObj **link = hash_link(t, key, h);
        if (!link) return process_badarg_at(p, 2, E_NOKEY);
        for (o = *link; o && obj_has_key(t, o, key, h);) o = o->next;
        for (size_t i = bucket_next(t, bucket_of(t, h)); i != SIZE_MAX && !o; i = bucket_next(t, i)) o = t->buckets[i];
    } else {
        o = avl_neighbour(t, key, dir);
    }
    return o ? term_copy(&p->heap, obj_key(t, o)) : A.end_of_table;
}

static Term ets_first(Process *p, const Term *a) { return ets_first_last(p, a[0], 0); }
static Term ets_last(Process *p, const Term *a) { return ets_first_last(p, a[0], 1); }
static Term ets_next(Process *p, const Term *a) { return ets_next_prev(p, a[0], a[1], 1); }
static Term ets_prev(Process *p, const Term *a) { return ets_next_prev(p, a[0], a[1], 0); }

/* ---- natives: match and select ------------------------------------------------------------- */

/* The one-clause spec [{Pattern, [], [Result]}] that match/2 (Result
 * :"$$") and match_object/2 (:"$_") stand for. */
static Term pattern_spec(Heap *h, Term pattern, Term result)
{
    Term clause = tuple3(h, pattern, TERM_NIL, cons_new(h, result, TERM_NIL));
    return cons_new(h, clause, TERM_NIL);
}

/* Runs `spec` over t in `mode`; for SEL_LIST the result list, else the
 * count. limit > 0 stops after that many results. */
static Term select_run(Process *p, EtsTable *t, Term spec, SelMode mode, bool reverse)
{
    MatchSpec ms;
    if (!ms_compile(t, spec, &ms)) return process_badarg_at(p, 2, E_BADSPEC);
    Heap scratch;
    heap_init(&scratch, 0);
    Select s;
    select_init(&s, p, &ms, &scratch, mode);
    select_table(t, &s, reverse);
    Term r;
    if (mode == SEL_LIST) {
        r = select_results(p, &s, &scratch);
    } else {
        if (mode == SEL_DELETE) select_finish_delete(t, &s);
        r = integer_from_u64(&p->heap, s.count);
    }
    select_free(&s);
    ms_free(&ms);
    heap_release(&scratch);
    return r;
}

static Term ets_select2(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    return t ? select_run(p, t, a[1], SEL_LIST, false) : TERM_NONE;
}

static Term ets_select_reverse2(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    return t ? select_run(p, t, a[1], SEL_LIST, true) : TERM_NONE;
}

static Term ets_select_count(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    return t ? select_run(p, t, a[1], SEL_COUNT, false) : TERM_NONE;
}

static Term ets_select_delete(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    return t ? select_run(p, t, a[1], SEL_DELETE, false) : TERM_NONE;
}

static Term ets_match2(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    return t ? select_run(p, t, pattern_spec(&p->heap, a[1], A.all_vars), SEL_LIST, false) : TERM_NONE;
}

static Term ets_match_object2(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    return t ? select_run(p, t, pattern_spec(&p->heap, a[1], A.all_object), SEL_LIST, false) : TERM_NONE;
}

static Term ets_match_delete(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_WRITE);
    if (!t) return TERM_NONE;
    Term r = select_run(p, t, pattern_spec(&p->heap, a[1], ATOM_true), SEL_DELETE, false);
    return r == TERM_NONE ? r : ATOM_true;
}

/* select/3 and its continuation select/1. A continuation is
 * {:"$genlab_ets_select", Tab, Spec, Limit, Position}: the next slot to
 * visit for hashed tables, {Key} (resume after Key) for ordered_set. */
typedef struct ChunkCtx {
    Select *s;
    Term resume_after; /* ordered_set: skip keys =< this one, or TERM_NONE */
} ChunkCtx;

static bool chunk_visit(EtsTable *t, EtsObj *o, void *ctx)
{
    ChunkCtx *c = ctx;
    if (c->resume_after != TERM_NONE && term_compare(obj_key(t, o), c->resume_after) <= 0) return true;
    return select_visit(t, o, c->s);
}

static bool avl_each_from(EtsTable *t, EtsObj *n, Term after, ObjVisit visit, void *ctx)
{
    /* In-order from the first key above `after`, skipping subtrees below it. */
    while (n) {
        int c = after == TERM_NONE ? -1 : term_compare(after, obj_key(t, n));
        if (c < 0) {
            if (!avl_each_from(t, n->child[0], after, visit, ctx)) return false;
            if (!visit(t, n, ctx)) return false;
        }
        n = n->child[1];
    }
    return true;
}

static Term select_chunk(Process *p, EtsTable *t, Term tab, Term spec, int64_t limit, Term position)
{
    MatchSpec ms;
    if (!ms_compile(t, spec, &ms)) return process_badarg_at(p, 2, E_BADSPEC);
    Heap scratch;
    heap_init(&scratch, 0);
    Select s;
    select_init(&s, p, &ms, &scratch, SEL_LIST);
    s.limit = (size_t)limit;
    bool more;
    Term next_pos = TERM_NONE;
    if (is_hashed(t)) {
        /* Position {Bucket, ObjectsOfItAlreadySeen}; each chunk comes out
         * reversed, as OTP conses it. */
        size_t bucket = 0, seen = 0;
        if (term_is_tuple(position) && tuple_size(position) == 2) {
            bucket = (size_t)small_value(tuple_get(position, 0));
            seen = (size_t)small_value(tuple_get(position, 1));
        }
        for (; bucket != SIZE_MAX && s.count < s.limit; bucket = bucket_next(t, bucket), seen = 0) {
            EtsObj *o = t->buckets[bucket];
            for (size_t k = 0; o && k < seen; k++) o = o->next;
            for (; o && s.count < s.limit; o = o->next, seen++) {
                Term result;
                if (ms_run_object(&s.run, o->tuple, &result)) {
                    termbuf_push(&s.results, result);
                    s.count++;
                }
            }
            if (o) break; /* the limit was reached inside this bucket */
        }
        more = bucket != SIZE_MAX;
        next_pos = tuple2(&scratch, small_make((int64_t)bucket), small_make((int64_t)seen));
        termbuf_reverse(&s.results);
    } else {
        Term after = term_is_tuple(position) && tuple_size(position) == 1 ? tuple_get(position, 0) : TERM_NONE;
        ChunkCtx c = {&s, after};
        more = !avl_each_from(t, t->root, after, chunk_visit, &c);
        if (s.last) next_pos = tuple_from(&scratch, 1, (Term[]){obj_key(t, s.last)});
        more = more && s.last != NULL;
    }
    Term r;
    if (s.results.size == 0) {
        r = A.end_of_table;
    } else {
        Term list = termbuf_to_list(&s.results, &scratch, TERM_NIL);
        Term cont = more ? tuple_from(&scratch, 5, (Term[]){A.select_cont, tab, spec, small_make(limit), next_pos})
                         : A.end_of_table;
        r = term_copy(&p->heap, tuple2(&scratch, list, cont));
    }
    select_free(&s);
    ms_free(&ms);
    heap_release(&scratch);
    return r;
}

static Term ets_select3(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    if (!term_is_small(a[2]) || small_value(a[2]) < 1) return process_badarg_at(p, 3, "not a positive integer");
    return select_chunk(p, t, a[0], a[1], small_value(a[2]), TERM_NONE);
}

static Term ets_select1(Process *p, const Term *a)
{
    atoms_init();
    Term c = a[0];
    if (c == A.end_of_table) return c;
    if (!term_is_tuple(c) || tuple_size(c) != 5 || tuple_get(c, 0) != A.select_cont)
        return process_badarg_at(p, 1, "not a valid continuation");
    EtsTable *t = table_get(p, tuple_get(c, 1), NEED_READ);
    if (!t) return TERM_NONE;
    return select_chunk(p, t, tuple_get(c, 1), tuple_get(c, 2), small_value(tuple_get(c, 3)), tuple_get(c, 4));
}

static Term ets_match3(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    if (!term_is_small(a[2]) || small_value(a[2]) < 1) return process_badarg_at(p, 3, "not a positive integer");
    return select_chunk(p, t, a[0], pattern_spec(&p->heap, a[1], A.all_vars), small_value(a[2]), TERM_NONE);
}

static Term ets_match_object3(Process *p, const Term *a)
{
    EtsTable *t = table_get(p, a[0], NEED_READ);
    if (!t) return TERM_NONE;
    if (!term_is_small(a[2]) || small_value(a[2]) < 1) return process_badarg_at(p, 3, "not a positive integer");
    return select_chunk(p, t, a[0], pattern_spec(&p->heap, a[1], A.all_object), small_value(a[2]), TERM_NONE);
}

/* :ets.test_ms(Tuple, MatchSpec) -> {ok, Result} | {error, Errors}. */
static Term ets_test_ms(Process *p, const Term *a)
{
    atoms_init();
    MatchSpec ms;
    if (!ms_compile(NULL, a[1], &ms)) {
        Term err = tuple2(&p->heap, ATOM_error, binary_from_cstr(&p->heap, "Error: not a valid match specification"));
        return tuple2(&p->heap, ATOM_error, cons_new(&p->heap, err, TERM_NIL));
    }
    Heap scratch;
    heap_init(&scratch, 0);
    Select s;
    select_init(&s, p, &ms, &scratch, SEL_LIST);
    Term result;
    Term r = ms_run_object(&s.run, a[0], &result) ? term_copy(&p->heap, result) : ATOM_false;
    select_free(&s);
    ms_free(&ms);
    heap_release(&scratch);
    return tuple2(&p->heap, ATOM_ok, r);
}

const NativeDef ets_natives[] = {
    {"ets", "new", 2, ets_new},
    {"ets", "delete", 1, ets_delete1},
    {"ets", "delete", 2, ets_delete2},
    {"ets", "delete_object", 2, ets_delete_object},
    {"ets", "delete_all_objects", 1, ets_delete_all_objects},
    {"ets", "insert", 2, ets_insert},
    {"ets", "insert_new", 2, ets_insert_new},
    {"ets", "lookup", 2, ets_lookup},
    {"ets", "lookup_element", 3, ets_lookup_element},
    {"ets", "member", 2, ets_member},
    {"ets", "take", 2, ets_take},
    {"ets", "tab2list", 1, ets_tab2list},
    {"ets", "first", 1, ets_first},
    {"ets", "last", 1, ets_last},
    {"ets", "next", 2, ets_next},
    {"ets", "prev", 2, ets_prev},
    {"ets", "update_counter", 3, ets_update_counter3},
    {"ets", "update_counter", 4, ets_update_counter4},
    {"ets", "update_element", 3, ets_update_element},
    {"ets", "match", 2, ets_match2},
    {"ets", "match", 3, ets_match3},
    {"ets", "match", 1, ets_select1},
    {"ets", "match_object", 2, ets_match_object2},
    {"ets", "match_object", 3, ets_match_object3},
    {"ets", "match_object", 1, ets_select1},
    {"ets", "match_delete", 2, ets_match_delete},
    {"ets", "select", 2, ets_select2},
    {"ets", "select", 3, ets_select3},
    {"ets", "select", 1, ets_select1},
    {"ets", "select_reverse", 2, ets_select_reverse2},
    {"ets", "select_count", 2, ets_select_count},
    {"ets", "select_delete", 2, ets_select_delete},
    {"ets", "test_ms", 2, ets_test_ms},
    {"ets", "info", 1, ets_info1},
    {"ets", "info", 2, ets_info2},
    {"ets", "whereis", 1, ets_whereis},
    {"ets", "rename", 2, ets_rename},
    {"ets", "give_away", 3, ets_give_away},
    {"ets", "all", 0, ets_all},
    {NULL, NULL, 0, NULL},
};
