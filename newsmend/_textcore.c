/* newsmend's compiled text core: the scans the repair stage runs over every text, and a few
 * of split's line classification, in C.
 *
 * Strings in, offsets or marks out; nothing here knows about frames or rules. Each function
 * has a pure-Python reference (named in its docstring) that stays the oracle: the tests run
 * both on generated text and require the same answer, and NEWSMEND_TEXT_CORE=python runs the
 * reference instead (newsmend/textcore.py).
 *
 * Characters are classified by Python's own tables (Py_UNICODE_ISSPACE, Py_UNICODE_ISALNUM),
 * which are what the reference's `re` patterns and str methods use, and words are lower-cased
 * by str.lower itself when they are not ASCII, so the two cannot disagree on what a space, a
 * word or an equal word is. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* ---- shared ---------------------------------------------------------------------------- */

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
} Text;

static int text_of(PyObject *object, Text *text) {
    if (!PyUnicode_Check(object)) {
        PyErr_SetString(PyExc_TypeError, "expected a str");
        return -1;
    }
    if (PyUnicode_READY(object) < 0) return -1;
    text->kind = PyUnicode_KIND(object);
    text->data = PyUnicode_DATA(object);
    text->length = PyUnicode_GET_LENGTH(object);
    return 0;
}

#define AT(t, i) PyUnicode_READ((t)->kind, (t)->data, (i))

/* The hot loops are written once with the kind of string (1, 2 or 4 bytes a character) as a
 * parameter, always inlined, and called by kind: each copy then reads a character with no
 * switch on the kind. */
#define BY_KIND static inline __attribute__((always_inline))
#define READ(t, kind, i) PyUnicode_READ((kind), (t)->data, (i))

/* Python's tables, with ASCII (most of the text) answered inline. */
static inline int is_alnum(Py_UCS4 c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return Py_UNICODE_ISALNUM(c);
}

static inline int is_space(Py_UCS4 c) {
    if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    return Py_UNICODE_ISSPACE(c);
}

static int is_word(Py_UCS4 c) { return is_alnum(c) || c == '_'; } /* re's \w */

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv_step(uint64_t hash, Py_UCS4 c) { return (hash ^ c) * FNV_PRIME; }

/* ---- sentences ------------------------------------------------------------------------- */

/* text.SENTENCE_END's abbreviations: a . ! ? right after one of these (at a word start) does
 * not end a sentence; nor after a single capital letter (an initial). */
static const char *ABBREVIATIONS[] = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                                      "Sept", "Oct", "Nov", "Dec", "No", "Mr", "Mrs", "Ms",
                                      "Dr", "St", "Co", "vs", NULL};

static int word_starts_at(const Text *t, Py_ssize_t i) { return i == 0 || !is_word(AT(t, i - 1)); }

static int after_abbreviation(const Text *t, Py_ssize_t mark) {
    if (mark >= 1) {
        Py_UCS4 c = AT(t, mark - 1);
        if (c >= 'A' && c <= 'Z' && word_starts_at(t, mark - 1)) return 1;
    }
    for (const char **a = ABBREVIATIONS; *a; a++) {
        Py_ssize_t size = (Py_ssize_t)strlen(*a), from = mark - size;
        if (from < 0) continue;
        Py_ssize_t k = 0;
        while (k < size && AT(t, from + k) == (Py_UCS4)(unsigned char)(*a)[k]) k++;
        if (k == size && word_starts_at(t, from)) return 1;
    }
    return 0;
}

static int ends_here(const Text *t, Py_ssize_t i) { /* (?=\s|$) */
    return i >= t->length || is_space(AT(t, i));
}

static int is_closer(Py_UCS4 c) {
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')';
}

/* The end of the sentence end mark at i (SENTENCE_END matched there), or -1. */
static Py_ssize_t sentence_end_at(const Text *t, Py_ssize_t i) {
    Py_UCS4 c = AT(t, i);
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) return ends_here(t, i + 1) ? i + 1 : -1;
    if (c != '.' && c != '!' && c != '?') return -1;
    if (after_abbreviation(t, i)) return -1;
    if (i + 1 < t->length && is_closer(AT(t, i + 1)) && ends_here(t, i + 2)) return i + 2;
    return ends_here(t, i + 1) ? i + 1 : -1;
}

typedef struct {
    Py_ssize_t *starts, *ends;
    Py_ssize_t count, capacity;
} Spans;

static int spans_add(Spans *s, Py_ssize_t start, Py_ssize_t end) {
    if (s->count == s->capacity) {
        Py_ssize_t capacity = s->capacity ? 2 * s->capacity : 16;
        Py_ssize_t *starts = PyMem_Realloc(s->starts, capacity * sizeof(Py_ssize_t));
        if (!starts) return -1;
        s->starts = starts;
        Py_ssize_t *ends = PyMem_Realloc(s->ends, capacity * sizeof(Py_ssize_t));
        if (!ends) return -1;
        s->ends = ends;
        s->capacity = capacity;
    }
    s->starts[s->count] = start;
    s->ends[s->count++] = end;
    return 0;
}

static void spans_free(Spans *s) {
    PyMem_Free(s->starts);
    PyMem_Free(s->ends);
}

/* A piece text[start:end] stripped of whitespace, kept if anything is left. */
static int add_piece(Spans *s, const Text *t, Py_ssize_t start, Py_ssize_t end) {
    while (start < end && is_space(AT(t, start))) start++;
    while (end > start && is_space(AT(t, end - 1))) end--;
    return start < end ? spans_add(s, start, end) : 0;
}

static inline int may_end_sentence(Py_UCS4 c) { /* the first test of sentence_end_at */
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

BY_KIND int find_sentences_of(const Text *t, Spans *s, int kind) {
    Py_ssize_t start = 0, i = 0;
    while (i < t->length) {
        Py_ssize_t end = may_end_sentence(READ(t, kind, i)) ? sentence_end_at(t, i) : -1;
        if (end < 0) {
            i++;
            continue;
        }
        if (add_piece(s, t, start, end) < 0) return -1;
        start = i = end;
    }
    return add_piece(s, t, start, t->length);
}

static int find_sentences(const Text *t, Spans *s) {
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: return find_sentences_of(t, s, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND: return find_sentences_of(t, s, PyUnicode_2BYTE_KIND);
    default: return find_sentences_of(t, s, PyUnicode_4BYTE_KIND);
    }
}

static PyObject *spans_list(const Spans *s, const char *which) {
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    for (Py_ssize_t k = 0; k < s->count; k++) {
        if (which && !which[k]) continue;
        PyObject *pair = Py_BuildValue("(nn)", s->starts[k], s->ends[k]);
        if (!pair || PyList_Append(list, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return list;
}

static PyObject *sentence_spans(PyObject *self, PyObject *arg) {
    Text t;
    Spans s = {0};
    if (text_of(arg, &t) < 0) return NULL;
    PyObject *result = find_sentences(&t, &s) < 0 ? PyErr_NoMemory() : spans_list(&s, NULL);
    spans_free(&s);
    return result;
}

/* Whether sentences a and b are the same words (whitespace runs between them aside). */
static int same_words(const Text *t, Py_ssize_t a, Py_ssize_t a_end, Py_ssize_t b,
                      Py_ssize_t b_end) {
    for (;;) {
        while (a < a_end && is_space(AT(t, a))) a++;
        while (b < b_end && is_space(AT(t, b))) b++;
        if (a == a_end || b == b_end) return a == a_end && b == b_end;
        for (;;) {
            int a_space = a == a_end || is_space(AT(t, a));
            int b_space = b == b_end || is_space(AT(t, b));
            if (a_space || b_space) {
                if (!(a_space && b_space)) return 0;
                break;
            }
            if (AT(t, a) != AT(t, b)) return 0;
            a++, b++;
        }
    }
}

/* Words in text[start:end] (str.split's) and a hash of them joined by single spaces. */
BY_KIND Py_ssize_t sentence_words_of(const Text *t, Py_ssize_t start, Py_ssize_t end,
                                     uint64_t *hash, int kind) {
    Py_ssize_t words = 0;
    int in_word = 0;
    uint64_t h = FNV_OFFSET;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = READ(t, kind, i);
        if (is_space(c)) {
            in_word = 0;
            continue;
        }
        if (!in_word) {
            if (words++) h = fnv_step(h, ' ');
            in_word = 1;
        }
        h = fnv_step(h, c);
    }
    *hash = h;
    return words;
}

static Py_ssize_t sentence_words(const Text *t, Py_ssize_t start, Py_ssize_t end,
                                 uint64_t *hash) {
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: return sentence_words_of(t, start, end, hash, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND: return sentence_words_of(t, start, end, hash, PyUnicode_2BYTE_KIND);
    default: return sentence_words_of(t, start, end, hash, PyUnicode_4BYTE_KIND);
    }
}

/* Which sentences already occurred (the same words) earlier, among those of min_words+. */
static int mark_duplicates(const Text *t, const Spans *s, Py_ssize_t min_words, char *repeated) {
    Py_ssize_t size = 16;
    while (size < 2 * s->count) size *= 2;
    Py_ssize_t *table = PyMem_Malloc(size * sizeof(Py_ssize_t)); /* first sentence per key */
    uint64_t *hashes = PyMem_Malloc((s->count + 1) * sizeof(uint64_t));
    if (!table || !hashes) {
        PyMem_Free(table);
        PyMem_Free(hashes);
        return -1;
    }
    for (Py_ssize_t k = 0; k < size; k++) table[k] = -1;
    for (Py_ssize_t k = 0; k < s->count; k++) {
        repeated[k] = 0;
        if (sentence_words(t, s->starts[k], s->ends[k], &hashes[k]) < min_words) continue;
        Py_ssize_t slot = (Py_ssize_t)(hashes[k] & (uint64_t)(size - 1));
        for (;; slot = (slot + 1) & (size - 1)) {
            Py_ssize_t first = table[slot];
            if (first < 0) {
                table[slot] = k;
                break;
            }
            if (hashes[first] == hashes[k] &&
                same_words(t, s->starts[first], s->ends[first], s->starts[k], s->ends[k])) {
                repeated[k] = 1;
                break;
            }
        }
    }
    PyMem_Free(table);
    PyMem_Free(hashes);
    return 0;
}

static int find_duplicates(const Text *t, Py_ssize_t min_words, Spans *s, char **repeated) {
    if (find_sentences(t, s) < 0) return -1;
    *repeated = PyMem_Malloc(s->count + 1);
    if (!*repeated) return -1;
    return mark_duplicates(t, s, min_words, *repeated);
}

static PyObject *duplicate_spans(PyObject *self, PyObject *args) {
    PyObject *object;
    Py_ssize_t min_words;
    Text t;
    Spans s = {0};
    char *repeated = NULL;
    if (!PyArg_ParseTuple(args, "Un", &object, &min_words) || text_of(object, &t) < 0)
        return NULL;
    PyObject *result = find_duplicates(&t, min_words, &s, &repeated) < 0
                           ? PyErr_NoMemory()
                           : spans_list(&s, repeated);
    PyMem_Free(repeated);
    spans_free(&s);
    return result;
}

static PyObject *have_duplicate_sentences(PyObject *self, PyObject *args) {
    PyObject *texts;
    Py_ssize_t min_words;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &texts, &min_words)) return NULL;
    Py_ssize_t rows = PyList_GET_SIZE(texts);
    PyObject *result = PyList_New(rows);
    if (!result) return NULL;
    for (Py_ssize_t row = 0; row < rows; row++) {
        PyObject *item = PyList_GET_ITEM(texts, row);
        int found = 0;
        if (item != Py_None) {
            Text t;
            Spans s = {0};
            char *repeated = NULL;
            if (text_of(item, &t) < 0) {
                Py_DECREF(result);
                return NULL;
            }
            int failed = find_duplicates(&t, min_words, &s, &repeated) < 0;
            for (Py_ssize_t k = 0; !failed && k < s.count && !found; k++) found = repeated[k];
            PyMem_Free(repeated);
            spans_free(&s);
            if (failed) {
                Py_DECREF(result);
                return PyErr_NoMemory();
            }
        }
        PyList_SET_ITEM(result, row, PyBool_FromLong(found));
    }
    return result;
}

/* ---- repeated words -------------------------------------------------------------------- */

#define MAX_PHRASE_WORDS 6

/* Hash of str.lower() of text[start:end]: by hand for ASCII, by str.lower otherwise. */
static int lower_hash(PyObject *object, const Text *t, Py_ssize_t start, Py_ssize_t end,
                      uint64_t *hash) {
    uint64_t h = FNV_OFFSET;
    Py_ssize_t i = start;
    for (; i < end; i++) {
        Py_UCS4 c = AT(t, i);
        if (c >= 128) break;
        h = fnv_step(h, (c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (i < end) {
        PyObject *word = PyUnicode_Substring(object, start, end);
        PyObject *lower = word ? PyObject_CallMethod(word, "lower", NULL) : NULL;
        Py_XDECREF(word);
        if (!lower) return -1;
        Text l;
        text_of(lower, &l);
        h = FNV_OFFSET;
        for (Py_ssize_t k = 0; k < l.length; k++) h = fnv_step(h, AT(&l, k));
        Py_DECREF(lower);
    }
    *hash = h;
    return 0;
}

static inline int is_stop(Py_UCS4 c) { /* repeats._STOP_CHARS */
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' ||
           c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A;
}

typedef struct {
    uint64_t *hash;
    Py_ssize_t *clause;
    Py_ssize_t count, capacity;
} Words;

/* Inlined: the room check is a branch that is almost never taken. */
static inline int words_add(Words *w, uint64_t hash, Py_ssize_t clause) {
    if (w->count == w->capacity) {
        Py_ssize_t capacity = w->capacity ? 2 * w->capacity : 64;
        uint64_t *hashes = PyMem_Realloc(w->hash, capacity * sizeof(uint64_t));
        if (!hashes) return -1;
        w->hash = hashes;
        Py_ssize_t *clauses = PyMem_Realloc(w->clause, capacity * sizeof(Py_ssize_t));
        if (!clauses) return -1;
        w->clause = clauses;
        w->capacity = capacity;
    }
    w->hash[w->count] = hash;
    w->clause[w->count++] = clause;
    return 0;
}

/* Each word hashed as it is read; lower_hash again only for a word that is not ASCII. */
BY_KIND int scan_words_of(PyObject *object, const Text *t, Words *w, int kind) {
    Py_ssize_t clause = 0, i = 0;
    w->count = 0;
    while (i < t->length) {
        Py_UCS4 c = READ(t, kind, i);
        if (!is_alnum(c)) {
            clause += is_stop(c);
            i++;
            continue;
        }
        Py_ssize_t start = i;
        uint64_t hash = FNV_OFFSET, lowered; /* lowered: not `hash`, which then stays in a register */
        int ascii = 1;
        for (; i < t->length && is_alnum(c = READ(t, kind, i)); i++) {
            ascii &= c < 128;
            hash = fnv_step(hash, (c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        if (!ascii) {
            if (lower_hash(object, t, start, i, &lowered) < 0) return -1;
            hash = lowered;
        }
        if (words_add(w, hash, clause) < 0) return -1;
    }
    return 0;
}

static int scan_words(PyObject *object, Words *w) {
    Text t;
    if (text_of(object, &t) < 0) return -1;
    switch (t.kind) {
    case PyUnicode_1BYTE_KIND: return scan_words_of(object, &t, w, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND: return scan_words_of(object, &t, w, PyUnicode_2BYTE_KIND);
    default: return scan_words_of(object, &t, w, PyUnicode_4BYTE_KIND);
    }
}

static inline int in_hashes(uint64_t hash, const uint64_t *set, Py_ssize_t size) {
    for (Py_ssize_t k = 0; k < size; k++)
        if (set[k] == hash) return 1;
    return 0;
}

static inline int equal_run(const uint64_t *h, Py_ssize_t i, Py_ssize_t distance, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++)
        if (h[i + k] != h[i + distance + k]) return 0;
    return 1;
}

/* Whether the words from i could start a repeat (repeats._repeat_marks, for one text). */
static inline int repeat_mark(const Words *w, Py_ssize_t i, uint64_t of, const uint64_t *doubled,
                       Py_ssize_t doubled_count) {
    const uint64_t *h = w->hash;
    /* Every repeat below starts with h[i] again 1 to MAX_PHRASE_WORDS + 1 words on: look
     * for that first, without a branch per word (almost always it is not there). */
    Py_ssize_t last = w->count - 1 - i < MAX_PHRASE_WORDS + 1 ? w->count - 1 - i
                                                               : MAX_PHRASE_WORDS + 1;
    int again = 0;
    for (Py_ssize_t d = 1; d <= last; d++) again |= h[i + d] == h[i];
    if (!again) return 0;
    for (Py_ssize_t n = 1; n <= MAX_PHRASE_WORDS; n++) {
        if (i + 2 * n <= w->count && equal_run(h, i, n, n) &&
            (n > 1 || in_hashes(h[i], doubled, doubled_count)))
            return 1;
        if (n >= 3 && i + 2 * n + 1 <= w->count && h[i + n] == of && equal_run(h, i, n + 1, n))
            return 1;
    }
    return 0;
}

static PyObject *repeat_clauses(PyObject *self, PyObject *args) {
    PyObject *texts, *doubled_words;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &texts, &PyList_Type, &doubled_words))
        return NULL;
    Py_ssize_t doubled_count = PyList_GET_SIZE(doubled_words);
    uint64_t doubled[64], of;
    if (doubled_count > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 doubled words");
        return NULL;
    }
    PyObject *of_word = PyUnicode_FromString("of");
    Text t;
    if (!of_word || text_of(of_word, &t) < 0 || lower_hash(of_word, &t, 0, 2, &of) < 0) {
        Py_XDECREF(of_word);
        return NULL;
    }
    Py_DECREF(of_word);
    for (Py_ssize_t k = 0; k < doubled_count; k++) {
        PyObject *word = PyList_GET_ITEM(doubled_words, k);
        if (text_of(word, &t) < 0 || lower_hash(word, &t, 0, t.length, &doubled[k]) < 0)
            return NULL;
    }
    Py_ssize_t rows = PyList_GET_SIZE(texts);
    PyObject *result = PyList_New(rows);
    Words w = {0};
    if (!result) return NULL;
    for (Py_ssize_t row = 0; row < rows; row++) {
        PyObject *item = PyList_GET_ITEM(texts, row), *clauses = PyList_New(0);
        if (!clauses) goto failed;
        PyList_SET_ITEM(result, row, clauses);
        if (item == Py_None) continue;
        if (scan_words(item, &w) < 0) goto failed;
        Py_ssize_t last = -1;
        for (Py_ssize_t i = 0; i < w.count; i++) {
            if (w.clause[i] == last || !repeat_mark(&w, i, of, doubled, doubled_count)) continue;
            last = w.clause[i];
            PyObject *number = PyLong_FromSsize_t(last);
            if (!number || PyList_Append(clauses, number) < 0) {
                Py_XDECREF(number);
                goto failed;
            }
            Py_DECREF(number);
        }
    }
    PyMem_Free(w.hash);
    PyMem_Free(w.clause);
    return result;
failed:
    PyMem_Free(w.hash);
    PyMem_Free(w.clause);
    Py_DECREF(result);
    if (!PyErr_Occurred()) PyErr_NoMemory();
    return NULL;
}

/* ---- repeated phrases: the deletions ------------------------------------------------- */

/* A word of the text: where it is, the hash of its lower-case form, that form itself when the
 * word is not ASCII (NULL: lower-case its characters by hand), and whether the gap of text
 * before it holds a sentence or clause end. */
typedef struct {
    Py_ssize_t start, end;
    uint64_t hash;
    PyObject *lower;
    int stop_before;
} Word;

typedef struct {
    const Text *text;
    Word *words;
    Py_ssize_t count;
    Py_ssize_t *next, *prev; /* living neighbours: count / -1 for none */
} Living;

static Py_ssize_t lower_length(const Word *w) {
    return w->lower ? PyUnicode_GET_LENGTH(w->lower) : w->end - w->start;
}

static Py_UCS4 lower_at(const Text *t, const Word *w, Py_ssize_t i) {
    if (w->lower) return PyUnicode_READ_CHAR(w->lower, i);
    Py_UCS4 c = AT(t, w->start + i);
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int same_word(const Living *l, Py_ssize_t a, Py_ssize_t b) {
    const Word *x = &l->words[a], *y = &l->words[b];
    if (x->hash != y->hash) return 0;
    Py_ssize_t size = lower_length(x);
    if (size != lower_length(y)) return 0;
    for (Py_ssize_t i = 0; i < size; i++)
        if (lower_at(l->text, x, i) != lower_at(l->text, y, i)) return 0;
    return 1;
}

/* Whether word k lower-cased is one of the ASCII words in `list`. */
static int word_in(const Living *l, Py_ssize_t k, PyObject *list) {
    const Word *w = &l->words[k];
    Py_ssize_t size = lower_length(w);
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(list); j++) {
        PyObject *entry = PyList_GET_ITEM(list, j);
        if (PyUnicode_GET_LENGTH(entry) != size) continue;
        Py_ssize_t i = 0;
        while (i < size && lower_at(l->text, w, i) == PyUnicode_READ_CHAR(entry, i)) i++;
        if (i == size) return 1;
    }
    return 0;
}

static int word_is_of(const Living *l, Py_ssize_t k) {
    const Word *w = &l->words[k];
    return lower_length(w) == 2 && lower_at(l->text, w, 0) == 'o' && lower_at(l->text, w, 1) == 'f';
}

static Py_ssize_t living_run(const Living *l, Py_ssize_t k, Py_ssize_t size, Py_ssize_t *run) {
    Py_ssize_t count = 0;
    for (; k < l->count && count < size; k = l->next[k]) run[count++] = k;
    return count;
}

/* repeats._repeat_allowed for the living words run[0:size], n the repeat's length. */
static int repeat_allowed(const Living *l, const Py_ssize_t *run, Py_ssize_t size, Py_ssize_t n,
                          PyObject *doubled, PyObject *idiom_links) {
    for (Py_ssize_t j = 1; j < size; j++)
        if (l->words[run[j]].stop_before) return 0;
    for (Py_ssize_t k = 0; k + 2 < size; k++)
        if (same_word(l, run[k], run[k + 2]) && word_in(l, run[k + 1], idiom_links)) return 0;
    if (n == 1) return word_in(l, run[0], doubled);
    for (Py_ssize_t j = 0; j < n; j++)
        if (Py_UNICODE_ISLOWER(AT(l->text, l->words[run[j]].start))) return 1;
    return 0;
}

static int same_runs(const Living *l, const Py_ssize_t *run, Py_ssize_t from, Py_ssize_t n) {
    for (Py_ssize_t t = 0; t < n; t++)
        if (!same_word(l, run[t], run[from + t])) return 0;
    return 1;
}

#define SPAN (2 * MAX_PHRASE_WORDS + 1)

/* repeats._Repeats._repeat_at: the repeat from living word i, as (first, count) to delete
 * in run; or 0. */
static int repeat_at(const Living *l, Py_ssize_t i, Py_ssize_t *run, Py_ssize_t *first,
                     Py_ssize_t *count, PyObject *doubled, PyObject *idiom_links) {
    Py_ssize_t size = living_run(l, i, SPAN, run);
    for (Py_ssize_t n = 1; n <= MAX_PHRASE_WORDS && n <= size / 2; n++) {
        if (same_word(l, run[n], run[0]) && same_runs(l, run, n, n)) {
            if (repeat_allowed(l, run, 2 * n, n, doubled, idiom_links)) {
                *first = n, *count = n;
                return 1;
            }
        } else if (n >= 3 && size >= 2 * n + 1 && word_is_of(l, run[n]) &&
                   same_runs(l, run, n + 1, n) &&
                   repeat_allowed(l, run, 2 * n + 1, n, doubled, idiom_links)) {
            *first = n, *count = n + 1;
            return 1;
        }
    }
    return 0;
}

static void words_free(Word *words, Py_ssize_t count) {
    for (Py_ssize_t k = 0; k < count; k++) Py_XDECREF(words[k].lower);
    PyMem_Free(words);
}

/* The words of text (runs of isalnum characters, as repeats._PARTS splits), or NULL. */
static Word *text_words(PyObject *object, const Text *t, Py_ssize_t *count) {
    Py_ssize_t capacity = 64, i = 0, gap = 0;
    Word *words = PyMem_Malloc(capacity * sizeof(Word));
    *count = 0;
    while (words && i < t->length) {
        if (!is_alnum(AT(t, i))) {
            i++;
            continue;
        }
        Word w = {.start = i, .hash = FNV_OFFSET, .lower = NULL, .stop_before = 0};
        for (; gap < i; gap++) w.stop_before |= is_stop(AT(t, gap));
        int ascii = 1;
        for (; i < t->length; i++) {
            Py_UCS4 c = AT(t, i);
            if (!is_alnum(c)) break;
            ascii &= c < 128;
            w.hash = fnv_step(w.hash, (c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        w.end = gap = i;
        if (!ascii) {
            PyObject *word = PyUnicode_Substring(object, w.start, w.end);
            w.lower = word ? PyObject_CallMethod(word, "lower", NULL) : NULL;
            Py_XDECREF(word);
            if (!w.lower) {
                words_free(words, *count);
                return NULL;
            }
            w.hash = FNV_OFFSET;
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(w.lower); k++)
                w.hash = fnv_step(w.hash, PyUnicode_READ_CHAR(w.lower, k));
        }
        if (*count == capacity) {
            Word *more = PyMem_Realloc(words, 2 * capacity * sizeof(Word));
            if (!more) {
                Py_DECREF(w.lower);
                words_free(words, *count);
                return (Word *)PyErr_NoMemory();
            }
            words = more, capacity *= 2;
        }
        words[(*count)++] = w;
    }
    return words ? words : (Word *)PyErr_NoMemory();
}

/* The deletions repeats._Repeats.find and .delete make, in order, up to `limit`, as the first
 * and last word each deletes (with the gap before each): a scan from the first living word;
 * after a deletion, from SPAN living words before it (the starts before those were judged on
 * words that did not change). Returns how many. */
static Py_ssize_t find_cuts(Living *l, Py_ssize_t limit, PyObject *doubled, PyObject *idiom_links,
                            Py_ssize_t *firsts, Py_ssize_t *lasts) {
    Py_ssize_t run[SPAN], first, count, i = 0, cuts = 0;
    while (i < l->count && cuts < limit) {
        if (!repeat_at(l, i, run, &first, &count, doubled, idiom_links)) {
            i = l->next[i];
            continue;
        }
        Py_ssize_t before = run[first - 1], after = l->next[run[first + count - 1]];
        firsts[cuts] = run[first], lasts[cuts++] = run[first + count - 1];
        l->next[before] = after;
        if (after < l->count) l->prev[after] = before;
        for (i = before, count = 0; count < SPAN && l->prev[i] >= 0; count++) i = l->prev[i];
    }
    return cuts;
}

/* The deletions of find_cuts in text[start:end], as offsets into the text: each from the end
 * of the word before its first (living or not) to the end of its last. Returns how many, or
 * -1 with an exception set. */
static Py_ssize_t piece_cuts(PyObject *text, Py_ssize_t start, Py_ssize_t end, Py_ssize_t limit,
                             PyObject *doubled, PyObject *idiom_links, Py_ssize_t *froms,
                             Py_ssize_t *tos) {
    PyObject *piece = PyUnicode_Substring(text, start, end);
    Text t;
    if (!piece || text_of(piece, &t) < 0) {
        Py_XDECREF(piece);
        return -1;
    }
    Living l = {.text = &t};
    l.words = text_words(piece, &t, &l.count);
    Py_ssize_t found = -1;
    if (l.words) {
        l.next = PyMem_Malloc((l.count + 1) * sizeof(Py_ssize_t));
        l.prev = PyMem_Malloc((l.count + 1) * sizeof(Py_ssize_t));
        if (l.next && l.prev) {
            for (Py_ssize_t k = 0; k < l.count; k++) l.next[k] = k + 1, l.prev[k] = k - 1;
            found = find_cuts(&l, limit, doubled, idiom_links, froms, tos);
            for (Py_ssize_t k = 0; k < found; k++)
                froms[k] = start + l.words[froms[k] - 1].end, tos[k] = start + l.words[tos[k]].end;
        } else {
            PyErr_NoMemory();
        }
        PyMem_Free(l.next);
        PyMem_Free(l.prev);
        words_free(l.words, l.count);
    }
    Py_DECREF(piece);
    return found;
}

/* Where an offset of the text is once the earlier deletions are made: less what they removed
 * before it (a later deletion holding an earlier one removed only the rest). */
static Py_ssize_t now_at(Py_ssize_t at, const Py_ssize_t *tos, const Py_ssize_t *removed,
                         Py_ssize_t done) {
    Py_ssize_t now = at;
    for (Py_ssize_t k = 0; k < done; k++)
        if (tos[k] <= at) now -= removed[k];
    return now;
}

/* repeats.fix_repeated_phrase's deletions: the clauses named (all the text: None) scanned in
 * turn, up to `limit` deletions in all, as (start, end) in the text as the earlier deletions
 * left it; and whether more were left past the limit. */
static PyObject *repeat_deletions(PyObject *self, PyObject *args) {
    PyObject *text, *clauses, *doubled, *idiom_links;
    Py_ssize_t limit;
    Text t;
    if (!PyArg_ParseTuple(args, "UOnO!O!", &text, &clauses, &limit, &PyList_Type, &doubled,
                          &PyList_Type, &idiom_links) ||
        text_of(text, &t) < 0)
        return NULL;
    if (limit < 0) {
        PyErr_SetString(PyExc_ValueError, "limit must not be negative");
        return NULL;
    }
    if (clauses != Py_None && !PyList_Check(clauses)) {
        PyErr_SetString(PyExc_TypeError, "expected a list of clause numbers or None");
        return NULL;
    }
    Spans pieces = {0}; /* the clauses: the text between stops */
    /* a clause's cuts (limit + 1 at most) go after the `done` ones (limit at most) */
    Py_ssize_t from = 0, *froms = PyMem_Malloc(2 * (2 * limit + 1) * sizeof(Py_ssize_t));
    Py_ssize_t *tos = froms ? froms + 2 * limit + 1 : NULL;
    Py_ssize_t *removed = PyMem_Malloc((limit + 1) * sizeof(Py_ssize_t));
    PyObject *cuts = PyList_New(0);
    int failed = !froms || !removed || !cuts, too_many = 0;
    for (Py_ssize_t i = 0; !failed && clauses != Py_None && i < t.length; i++)
        if (is_stop(AT(&t, i))) failed = spans_add(&pieces, from, i) < 0, from = i + 1;
    if (!failed) failed = spans_add(&pieces, clauses == Py_None ? 0 : from, t.length) < 0;
    Py_ssize_t scanned = clauses == Py_None ? 1 : PyList_GET_SIZE(clauses), done = 0;
    for (Py_ssize_t n = 0; !failed && n < scanned; n++) {
        Py_ssize_t clause = clauses == Py_None ? 0 : PyLong_AsSsize_t(PyList_GET_ITEM(clauses, n));
        if (clause == -1 && PyErr_Occurred()) {
            failed = 1;
            break;
        }
        if (clause < 0 || clause >= pieces.count) continue;
        Py_ssize_t found = piece_cuts(text, pieces.starts[clause], pieces.ends[clause], limit + 1,
                                      doubled, idiom_links, froms + done, tos + done);
        if (found < 0) {
            failed = 1;
            break;
        }
        Py_ssize_t take = found < limit - done ? found : limit - done;
        for (Py_ssize_t k = done; !failed && k < done + take; k++) {
            Py_ssize_t start = now_at(froms[k], tos, removed, k);
            Py_ssize_t end = now_at(tos[k], tos, removed, k);
            removed[k] = end - start;
            PyObject *cut = Py_BuildValue("(nn)", start, end);
            failed = !cut || PyList_Append(cuts, cut) < 0;
            Py_XDECREF(cut);
        }
        done += take;
        if (done < limit) continue;
        too_many = found > take; /* or a later clause holds one */
        Py_ssize_t spare[2];
        for (Py_ssize_t m = n + 1; !failed && !too_many && m < scanned; m++) {
            clause = PyLong_AsSsize_t(PyList_GET_ITEM(clauses, m));
            if (clause == -1 && PyErr_Occurred()) failed = 1;
            else if (clause >= 0 && clause < pieces.count) {
                found = piece_cuts(text, pieces.starts[clause], pieces.ends[clause], 1, doubled,
                                   idiom_links, spare, spare + 1);
                failed = found < 0, too_many = found > 0;
            }
        }
        break;
    }
    spans_free(&pieces);
    PyMem_Free(froms);
    PyMem_Free(removed);
    if (failed) {
        Py_XDECREF(cuts);
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return NULL;
    }
    return Py_BuildValue("(NO)", cuts, too_many ? Py_True : Py_False);
}

/* ---- line classification (split) -------------------------------------------------------- */

/* The length of text with its runs of whitespace made one space and its ends stripped. */
static PyObject *collapsed_length(PyObject *self, PyObject *arg) {
    Text t;
    if (text_of(arg, &t) < 0) return NULL;
    Py_ssize_t length = 0, words = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < t.length; i++) {
        if (is_space(AT(&t, i))) {
            in_word = 0;
        } else {
            words += !in_word;
            in_word = 1;
            length++;
        }
    }
    return PyLong_FromSsize_t(length + (words ? words - 1 : 0));
}

/* An ASCII str's characters and length, or NULL with a ValueError for any other str. */
static const char *ascii_data(PyObject *object, Py_ssize_t *length) {
    if (!PyUnicode_IS_ASCII(object)) {
        PyErr_SetString(PyExc_ValueError, "expected an ASCII str");
        return NULL;
    }
    *length = PyUnicode_GET_LENGTH(object);
    return (const char *)PyUnicode_DATA(object);
}

/* ---- repair marks: which rules could change a text ------------------------------------ */

/* One pass over each text for the repair engine: a bit per rule whose probe (the rule's own,
 * in newsmend/repair/, the reference) selects the text, and for repeated_phrase the clauses
 * where a repeat may start. The probes are polars (Rust) regexes, whose \s is Unicode's
 * White_Space: Python's whitespace without \x1c-\x1f. The bits, in the catalogue's order: */
enum {
    MARK_HTML_ENTITY,
    MARK_INVISIBLE,
    MARK_MOJIBAKE,
    MARK_CJK_RESIDUE,
    MARK_TRUNCATION,
    MARK_REPEATED_PHRASE,
    MARK_PUNCTUATION,
    MARK_SPACING,
    MARK_SPACED_HYPHEN,
    MARK_DUPLICATE_SENTENCE,
    MARK_REPEATED_CLAUSE_OPENER,
};

static inline int rust_space(Py_UCS4 c) { return is_space(c) && !(c >= 0x1c && c <= 0x1f); }

static inline int ascii_letter(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static int is_invisible(Py_UCS4 c) { /* characters._INVISIBLE */
    return c == 0xAD || c == 0x200B || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || c == 0x2060 || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xFEFF;
}

static int is_mojibake_lead(Py_UCS4 c) { /* characters._MOJIBAKE_PAIR, first */
    return c == 0xC2 || c == 0xC3 || c == 0xC5 || c == 0xCE || c == 0xCF ||
           (c >= 0xD0 && c <= 0xD9) || (c >= 0xE0 && c <= 0xEF);
}

static int is_mojibake_next(Py_UCS4 c) { /* characters._MOJIBAKE_PAIR, second */
    if (c >= 0x80 && c <= 0xBF) return 1;
    switch (c) {
    case 0x152: case 0x153: case 0x160: case 0x161: case 0x178: case 0x17D: case 0x17E:
    case 0x192: case 0x2C6: case 0x2DC: case 0x2013: case 0x2014: case 0x2018: case 0x2019:
    case 0x201A: case 0x201C: case 0x201D: case 0x201E: case 0x2020: case 0x2021:
    case 0x2022: case 0x2026: case 0x2030: case 0x2039: case 0x203A: case 0x20AC:
    case 0x2122:
        return 1;
    }
    return 0;
}

static int is_gbk_second(Py_UCS4 c) { /* characters._GBK_PAIR, after its \u00a1 */
    return c == 0xA4 || c == 0xAA || (c >= 0xAE && c <= 0xB1);
}

static int is_cjk(Py_UCS4 c) { /* residue.CJK_CHAR */
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

static int is_full_width_mark(Py_UCS4 c) { /* [，：；！？。（）] */
    return c == 0xFF0C || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F ||
           c == 0x3002 || c == 0xFF08 || c == 0xFF09;
}

/* punctuation's probe at a , . ; or : at i: \S[ \t]+[,.;:](?:\s|$) */
static int space_before_mark(const Text *t, Py_ssize_t i) {
    if (i + 1 < t->length && !rust_space(AT(t, i + 1))) return 0;
    Py_ssize_t k = i;
    while (k > 0 && (AT(t, k - 1) == ' ' || AT(t, k - 1) == '\t')) k--;
    return k < i && k > 0 && !rust_space(AT(t, k - 1));
}

/* punctuation's probe at the first of a run of spaces at i: \S {2,}\S */
static int double_space(const Text *t, Py_ssize_t i, Py_ssize_t *end) {
    Py_ssize_t k = i;
    while (k < t->length && AT(t, k) == ' ') k++;
    *end = k;
    return k - i >= 2 && i > 0 && k < t->length && !rust_space(AT(t, i - 1)) &&
           !rust_space(AT(t, k));
}

static inline int is_upper(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }

static inline int is_double_quote(Py_UCS4 c) { return c == '"' || c == 0x201C; }

static inline int is_apostrophe(Py_UCS4 c) { return c == '\'' || c == 0x2019; }

static inline int ascii_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

static inline int hex_digit(Py_UCS4 c) {
    return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* html_entity's probe at a & at i: &(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31}); */
static int entity_at(const Text *t, Py_ssize_t i) {
    Py_ssize_t n = t->length, k = i + 1, start;
    if (k >= n) return 0;
    if (AT(t, k) == '#') {
        k++;
        if (k < n && (AT(t, k) == 'x' || AT(t, k) == 'X')) {
            start = ++k;
            while (k < n && k - start < 6 && hex_digit(AT(t, k))) k++;
        } else {
            start = k;
            while (k < n && k - start < 7 && ascii_digit(AT(t, k))) k++;
        }
        return k > start && k < n && AT(t, k) == ';';
    }
    if (!ascii_letter(AT(t, k))) return 0;
    start = ++k;
    while (k < n && k - start < 31 && (ascii_letter(AT(t, k)) || ascii_digit(AT(t, k)))) k++;
    return k > start && k < n && AT(t, k) == ';';
}

/* spacing.GLUED_WORDS */
static const char *GLUED_WORDS[] = {"on", "in", "of", "at", "to", "by", "for", "from", "and",
                                     "with", "over", "the", NULL};

/* Whether one of GLUED_WORDS ends right before i. */
static int glued_word_before(const Text *t, Py_ssize_t i) {
    for (const char **w = GLUED_WORDS; *w; w++) {
        Py_ssize_t len = (Py_ssize_t)strlen(*w), k = 0;
        if (i < len) continue;
        while (k < len && AT(t, i - len + k) == (Py_UCS4)(unsigned char)(*w)[k]) k++;
        if (k == len) return 1;
    }
    return 0;
}

/* spacing's probe at the ASCII character c at i:
 * [.!?]["“]?[A-Z]|[,;]["“]?[A-Za-z]|\)[a-z]|[A-Za-z]\(|[ \t][,;][A-Za-z]|[ \t]\.[A-Z]|[ \t][!?]
 * |[ \t][’'][ \t]?[a-z]|,[ \t]*,|[A-Za-z]\.\.(?:[^.]|$)|[ \t]n[’']t|\\[’'"]
 * |[0-9] (?:st|nd|rd|th)|(?:on|in|of|at|to|by|for|from|and|with|over|the)[0-9A-Z]; its
 * non-ASCII starts (”[A-Za-z]|´) and its letters and digits (the last alternative: at a
 * capital or a digit after a small letter) are in character_marks_of. */
/* spacing's probe inside a number, at the mark at i after a digit:
 * [0-9], [0-9]{3} [a-z] and [0-9]\. [0-9]{1,2} ?(?:%|per|times|billion|million|trillion) */
static const char *const NUMBER_UNITS[] = {"per", "times", "billion", "million", "trillion"};

static int word_at(const Text *t, Py_ssize_t i, const char *word) {
    for (Py_ssize_t k = 0; word[k]; k++)
        if (i + k >= t->length || AT(t, i + k) != (Py_UCS4)word[k]) return 0;
    return 1;
}

static int unit_at(const Text *t, Py_ssize_t i) {
    if (i < t->length && AT(t, i) == ' ') i++; /* " ?" */
    if (i < t->length && AT(t, i) == '%') return 1;
    for (size_t u = 0; u < sizeof NUMBER_UNITS / sizeof *NUMBER_UNITS; u++)
        if (word_at(t, i, NUMBER_UNITS[u])) return 1;
    return 0;
}

static int split_number_at(const Text *t, Py_ssize_t i, Py_UCS4 c) {
    Py_ssize_t n = t->length;
    if (i == 0 || !ascii_digit(AT(t, i - 1)) || i + 2 >= n || AT(t, i + 1) != ' ' ||
        !ascii_digit(AT(t, i + 2)))
        return 0;
    if (c == ',')
        return i + 6 < n && ascii_digit(AT(t, i + 3)) && ascii_digit(AT(t, i + 4)) &&
               AT(t, i + 5) == ' ' && AT(t, i + 6) >= 'a' && AT(t, i + 6) <= 'z';
    return unit_at(t, i + 3) || (i + 3 < n && ascii_digit(AT(t, i + 3)) && unit_at(t, i + 4));
}

static int spacing_at(const Text *t, Py_ssize_t i, Py_UCS4 c) {
    Py_ssize_t n = t->length;
    Py_UCS4 next = i + 1 < n ? AT(t, i + 1) : 0;
    Py_UCS4 after = i + 2 < n ? AT(t, i + 2) : 0;
    if ((c == ',' || c == '.') && split_number_at(t, i, c)) return 1;
    switch (c) {
    case '.':
        if (next == '.' && i > 0 && ascii_letter(AT(t, i - 1)) && after != '.') return 1;
        /* fall through */
    case '!':
    case '?':
        return is_upper(next) || (is_double_quote(next) && is_upper(after));
    case ',':
        for (Py_ssize_t k = i + 1; k < n && (AT(t, k) == ' ' || AT(t, k) == '\t' || AT(t, k) == ','); k++)
            if (AT(t, k) == ',') return 1;
        /* fall through */
    case ';':
        return ascii_letter(next) || (is_double_quote(next) && ascii_letter(after));
    case ')': return next >= 'a' && next <= 'z';
    case '(': return i > 0 && ascii_letter(AT(t, i - 1));
    case '\\': return next == '\'' || next == '"' || next == 0x2019;
    case ' ':
    case '\t':
        if (((next == ',' || next == ';') && ascii_letter(after)) || (next == '.' && is_upper(after)) ||
            next == '!' || next == '?')
            return 1;
        if (is_apostrophe(next)) {
            Py_UCS4 letter = (after == ' ' || after == '\t') && i + 3 < n ? AT(t, i + 3) : after;
            if ((letter >= 'a' && letter <= 'z') || (after >= 'a' && after <= 'z')) return 1;
        }
        if (c == ' ' && i > 0 && AT(t, i - 1) >= '0' && AT(t, i - 1) <= '9' &&
            ((next == 's' && after == 't') || (next == 'n' && after == 'd') ||
             (next == 'r' && after == 'd') || (next == 't' && after == 'h')))
            return 1;
        return next == 'n' && is_apostrophe(after) && i + 3 < n && AT(t, i + 3) == 't';
    }
    return 0;
}

/* spaced_hyphen's probe at a hyphen at i: [A-Za-z] -[A-Za-z0-9]|[A-Za-z]- [a-z] */
static int spaced_hyphen_at(const Text *t, Py_ssize_t i) {
    Py_ssize_t n = t->length;
    if (i >= 2 && AT(t, i - 1) == ' ' && ascii_letter(AT(t, i - 2)) && i + 1 < n) {
        Py_UCS4 c = AT(t, i + 1);
        if (ascii_letter(c) || (c >= '0' && c <= '9')) return 1;
    }
    if (i >= 1 && ascii_letter(AT(t, i - 1)) && i + 2 < n && AT(t, i + 1) == ' ') {
        Py_UCS4 c = AT(t, i + 2);
        if (c >= 'a' && c <= 'z') return 1;
    }
    return 0;
}

/* truncation's probe:
 * (?:[ \t]*(?:[\[【](?:…|\.{3})[\]】]|[\[【][A-Za-z ]{0,20}|\.{2,}|…+))+[ \t]*\n?$; one
 * marker ending where only spaces and tabs (and one newline) follow is enough. */
static int marker_ends_at(const Text *t, Py_ssize_t end) {
    if (end >= 1 && AT(t, end - 1) == 0x2026) return 1;
    if (end >= 2 && AT(t, end - 1) == '.' && AT(t, end - 2) == '.') return 1;
    if (end >= 3 && (AT(t, end - 1) == ']' || AT(t, end - 1) == 0x3011)) {
        Py_ssize_t k = end - 2; /* "[…]" or "[...]" */
        if (AT(t, k) == 0x2026) k--;
        else if (k >= 2 && AT(t, k) == '.' && AT(t, k - 1) == '.' && AT(t, k - 2) == '.') k -= 3;
        else k = -1;
        if (k >= 0 && (AT(t, k) == '[' || AT(t, k) == 0x3010)) return 1;
    }
    for (Py_ssize_t k = end - 1; k >= 0 && k >= end - 21; k--) {
        Py_UCS4 c = AT(t, k);
        if (c == '[' || c == 0x3010) return 1;
        if (!ascii_letter(c) && c != ' ') return 0;
    }
    return 0;
}

static int end_marked(const Text *t) {
    Py_ssize_t end = t->length;
    if (end > 0 && AT(t, end - 1) == '\n') end--;
    for (;; end--) {
        if (marker_ends_at(t, end)) return 1;
        if (end == 0 || (AT(t, end - 1) != ' ' && AT(t, end - 1) != '\t')) return 0;
    }
}

/* truncation's probe of a body: no [.!?…。！？]["'”’)）」]*\s*$, and some \S. */
static int open_end(const Text *t) {
    Py_ssize_t end = t->length;
    while (end > 0 && rust_space(AT(t, end - 1))) end--;
    if (end == 0) return 0;
    for (; end > 0; end--) {
        Py_UCS4 c = AT(t, end - 1);
        if (!(c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == 0xFF09 ||
              c == 0x300D))
            break;
    }
    if (end == 0) return 1;
    Py_UCS4 c = AT(t, end - 1);
    return !(c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
             c == 0xFF1F);
}

/* repeated_clause_opener's probe, (?i)OPENER [^,.;:!?]+, OPENER  (no word boundaries). Rust's
 * case folding takes ſ (U+017F) for an s; no other character for a letter of the openers. */
static const char *OPENERS[] = {"since", "after", "before", "with", "through", "according to",
                                "in order to", "while", "when", NULL};

static int folds_to(Py_UCS4 c, char lower) {
    if (c >= 'A' && c <= 'Z') c += 32;
    return c == (Py_UCS4)(unsigned char)lower || (lower == 's' && c == 0x17F);
}

/* The end of an opener and the space after it at i, or -1. */
static Py_ssize_t opener_at(const Text *t, Py_ssize_t i) {
    Py_UCS4 first = AT(t, i) | 0x20; /* a lower-case first letter, if one */
    if (!(first == 's' || first == 'a' || first == 'b' || first == 'w' || first == 't' ||
          first == 'i' || AT(t, i) == 0x17F))
        return -1;
    for (const char **o = OPENERS; *o; o++) {
        Py_ssize_t k = 0;
        while ((*o)[k] && i + k < t->length && folds_to(AT(t, i + k), (*o)[k])) k++;
        if (!(*o)[k] && i + k < t->length && AT(t, i + k) == ' ') return i + k + 1;
    }
    return -1;
}

static int is_clause_mark(Py_UCS4 c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* Whether an opener ends (with its space) between the clause mark before the comma at m and
 * m itself, leaving at least one character before m: what [^,.;:!?]+ needs. */
static int opener_before(const Text *t, Py_ssize_t m) {
    Py_ssize_t i = m - 1;
    while (i >= 0 && !is_clause_mark(AT(t, i))) i--;
    for (i++; i < m; i++) {
        Py_ssize_t from = opener_at(t, i);
        if (from >= 0 && from < m) return 1;
    }
    return 0;
}

/* At a comma at m: ", " and an opener after it (rare, where openers are common), and one
 * before it in its clause. */
static int opener_again_at(const Text *t, Py_ssize_t m) {
    return m + 2 < t->length && AT(t, m + 1) == ' ' && opener_at(t, m + 2) >= 0 &&
           opener_before(t, m);
}

/* The bits of the character-level probes, in one pass. */
BY_KIND long character_marks_of(const Text *t, int body, int kind) {
    long marks = 0;
    Py_ssize_t n = t->length;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = READ(t, kind, i);
        if (c < 128) {
            if (c >= 'a' && c <= 'z') continue; /* most characters: no probe starts at one */
            if (is_upper(c) || (c >= '0' && c <= '9')) {
                Py_UCS4 before = i > 0 ? READ(t, kind, i - 1) : 0;
                if (before >= 'a' && before <= 'z' && glued_word_before(t, i))
                    marks |= 1L << MARK_SPACING;
                continue;
            }
            if (spacing_at(t, i, c)) marks |= 1L << MARK_SPACING;
            if (c == '&' && entity_at(t, i)) marks |= 1L << MARK_HTML_ENTITY;
            if (c == ' ') {
                Py_ssize_t end;
                if (i + 1 < n && READ(t, kind, i + 1) == ' ') {
                    if (double_space(t, i, &end)) marks |= 1L << MARK_PUNCTUATION;
                    i = end - 1;
                    if (spacing_at(t, i, ' ')) marks |= 1L << MARK_SPACING;
                }
            } else if (c == ',' || c == '.' || c == ';' || c == ':') {
                if (space_before_mark(t, i)) marks |= 1L << MARK_PUNCTUATION;
                if (c == ',' && opener_again_at(t, i)) marks |= 1L << MARK_REPEATED_CLAUSE_OPENER;
            } else if (c == '-') {
                if (spaced_hyphen_at(t, i)) marks |= 1L << MARK_SPACED_HYPHEN;
            }
            continue;
        }
        if (is_invisible(c)) marks |= 1L << MARK_INVISIBLE;
        if (is_mojibake_lead(c) && i + 1 < n && is_mojibake_next(AT(t, i + 1)))
            marks |= 1L << MARK_MOJIBAKE;
        if (c == 0xA1 && i + 1 < n && is_gbk_second(AT(t, i + 1))) marks |= 1L << MARK_MOJIBAKE;
        if (is_cjk(c)) marks |= 1L << MARK_CJK_RESIDUE;
        if (c == 0xB4 || (c == 0x201D && i + 1 < n && ascii_letter(AT(t, i + 1))))
            marks |= 1L << MARK_SPACING;
        if (is_full_width_mark(c) || (c == 0x2026 && i + 1 < n && AT(t, i + 1) == 0x2026))
            marks |= 1L << MARK_PUNCTUATION;
    }
    if (end_marked(t) || (body && open_end(t))) marks |= 1L << MARK_TRUNCATION;
    return marks;
}

static long character_marks(const Text *t, int body) {
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND: return character_marks_of(t, body, PyUnicode_1BYTE_KIND);
    case PyUnicode_2BYTE_KIND: return character_marks_of(t, body, PyUnicode_2BYTE_KIND);
    default: return character_marks_of(t, body, PyUnicode_4BYTE_KIND);
    }
}

/* The clauses of text where a repeat may start (as repeat_clauses), as a list, or None. */
static PyObject *marked_clauses(PyObject *object, Words *w, uint64_t of, const uint64_t *doubled,
                                Py_ssize_t doubled_count) {
    if (scan_words(object, w) < 0) return NULL;
    PyObject *clauses = NULL;
    Py_ssize_t last = -1;
    for (Py_ssize_t i = 0; i < w->count; i++) {
        if (w->clause[i] == last || !repeat_mark(w, i, of, doubled, doubled_count)) continue;
        last = w->clause[i];
        PyObject *number = PyLong_FromSsize_t(last);
        if (!clauses) clauses = PyList_New(0);
        if (!number || !clauses || PyList_Append(clauses, number) < 0) {
            Py_XDECREF(number);
            Py_XDECREF(clauses);
            return NULL;
        }
        Py_DECREF(number);
    }
    if (clauses) return clauses;
    Py_RETURN_NONE;
}

static int hashes_of(PyObject *doubled_words, uint64_t *doubled, uint64_t *of) {
    Py_ssize_t count = PyList_GET_SIZE(doubled_words);
    if (count > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 doubled words");
        return -1;
    }
    Text t;
    PyObject *of_word = PyUnicode_FromString("of");
    int failed = !of_word || text_of(of_word, &t) < 0 || lower_hash(of_word, &t, 0, 2, of) < 0;
    Py_XDECREF(of_word);
    for (Py_ssize_t k = 0; !failed && k < count; k++) {
        PyObject *word = PyList_GET_ITEM(doubled_words, k);
        failed = text_of(word, &t) < 0 || lower_hash(word, &t, 0, t.length, &doubled[k]) < 0;
    }
    return failed ? -1 : 0;
}

#define WORD_MARKS (1L << MARK_REPEATED_PHRASE)
#define SENTENCE_MARKS (1L << MARK_DUPLICATE_SENTENCE)
#define CHARACTER_MARKS (((1L << (MARK_REPEATED_CLAUSE_OPENER + 1)) - 1) & ~WORD_MARKS & ~SENTENCE_MARKS)

/* The marks of the wanted scans, each run only if some bit of it is wanted, and the clauses
 * where a repeat may start (a new reference), or NULL if none or not wanted. */
static int text_marks(PyObject *item, int body, long wanted, Words *w, uint64_t of,
                      const uint64_t *doubled, Py_ssize_t doubled_count, Py_ssize_t min_words,
                      long *bits, PyObject **clauses) {
    Text t;
    *bits = 0, *clauses = NULL;
    if (text_of(item, &t) < 0) return -1;
    if (wanted & CHARACTER_MARKS) *bits |= character_marks(&t, body);
    if (wanted & WORD_MARKS) {
        PyObject *found = marked_clauses(item, w, of, doubled, doubled_count);
        if (!found) return -1;
        if (found == Py_None) {
            Py_DECREF(found);
        } else {
            *clauses = found;
            *bits |= WORD_MARKS;
        }
    }
    if (wanted & SENTENCE_MARKS) {
        Spans s = {0};
        char *repeated = NULL;
        int failed = find_duplicates(&t, min_words, &s, &repeated) < 0;
        for (Py_ssize_t k = 0; !failed && k < s.count; k++)
            if (repeated[k]) *bits |= SENTENCE_MARKS;
        PyMem_Free(repeated);
        spans_free(&s);
        if (failed) {
            Py_CLEAR(*clauses);
            return -1;
        }
    }
    return 0;
}

static PyObject *repair_marks(PyObject *self, PyObject *args) {
    PyObject *texts, *doubled_words;
    int body;
    Py_ssize_t min_words;
    long wanted;
    if (!PyArg_ParseTuple(args, "O!pO!nl", &PyList_Type, &texts, &body, &PyList_Type,
                          &doubled_words, &min_words, &wanted))
        return NULL;
    uint64_t doubled[64], of;
    if (hashes_of(doubled_words, doubled, &of) < 0) return NULL;
    Py_ssize_t rows = PyList_GET_SIZE(texts), doubled_count = PyList_GET_SIZE(doubled_words);
    PyObject *marks = PyList_New(rows), *places = PyDict_New();
    Words w = {0};
    if (!marks || !places) goto failed;
    for (Py_ssize_t row = 0; row < rows; row++) {
        PyObject *item = PyList_GET_ITEM(texts, row), *clauses = NULL;
        long bits = 0;
        if (item != Py_None) {
            if (text_marks(item, body, wanted, &w, of, doubled, doubled_count, min_words, &bits,
                           &clauses) < 0)
                goto failed;
            if (clauses) {
                PyObject *key = PyLong_FromSsize_t(row);
                int failed = !key || PyDict_SetItem(places, key, clauses) < 0;
                Py_XDECREF(key);
                Py_DECREF(clauses);
                if (failed) goto failed;
            }
        }
        PyObject *number = PyLong_FromLong(bits);
        if (!number) goto failed;
        PyList_SET_ITEM(marks, row, number);
    }
    PyMem_Free(w.hash);
    PyMem_Free(w.clause);
    return Py_BuildValue("(NN)", marks, places);
failed:
    PyMem_Free(w.hash);
    PyMem_Free(w.clause);
    Py_XDECREF(marks);
    Py_XDECREF(places);
    if (!PyErr_Occurred()) PyErr_NoMemory();
    return NULL;
}

/* ---- the module ------------------------------------------------------------------------ */

/* read and split: at the end of the file */
static PyObject *control_count(PyObject *self, PyObject *arg);
static PyObject *toolbar_word_spans(PyObject *self, PyObject *args);

static PyMethodDef methods[] = {
    {"sentence_spans", sentence_spans, METH_O,
     "sentence_spans(text) -> [(start, end)]: as newsmend.text.sentence_spans_reference."},
    {"duplicate_spans", duplicate_spans, METH_VARARGS,
     "duplicate_spans(text, min_words) -> [(start, end)] of the sentences of min_words+ words "
     "said earlier in text: as newsmend.repair.repeats._duplicates_reference."},
    {"have_duplicate_sentences", have_duplicate_sentences, METH_VARARGS,
     "have_duplicate_sentences(texts, min_words) -> [bool]: whether duplicate_spans finds any "
     "(None: False)."},
    {"repeat_clauses", repeat_clauses, METH_VARARGS,
     "repeat_clauses(texts, doubled_words) -> [[clause]]: per text (None: none), the clauses "
     "holding a word where a repeat may start: as newsmend.repair.repeats._column_repeats."},
    {"repeat_deletions", repeat_deletions, METH_VARARGS,
     "repeat_deletions(text, clauses, limit, doubled_words, idiom_links) -> ([(start, end)], "
     "more): the repeats repeats.fix_repeated_phrase deletes, scanning the clauses named (all "
     "the text: None), up to limit, each as offsets into the text as the deletions before it "
     "left it; and whether repeats were left past the limit."},
    /* line classification (split) */
    {"collapsed_length", collapsed_length, METH_O,
     "collapsed_length(text) -> int: len(' '.join(text.split())), as "
     "newsmend.split._collapsed_length_reference."},
    /* reading a page (read) */
    {"control_count", control_count, METH_O,
     "control_count(text) -> int: the control characters text holds other than tab, line "
     "feed, form feed and carriage return, as newsmend.ingest._control_count_reference."},
    {"toolbar_word_spans", toolbar_word_spans, METH_VARARGS,
     "toolbar_word_spans(text, words) -> [(start, end)]: the words of an ASCII text that "
     "strip_toolbar takes out, as newsmend.furniture._toolbar_word_spans_reference."},
    /* repair marks (the repair engine) */
    {"repair_marks", repair_marks, METH_VARARGS,
     "repair_marks(texts, body, doubled_words, min_sentence_words, wanted) -> (marks, "
     "clauses): per text (None: none) a bit per rule whose probe selects it, in the order of "
     "newsmend.repair.marks.MARKED, of the scans holding a wanted bit; and {text number: "
     "clauses} where repeated_phrase may find a repeat: as newsmend.repair.marks."
     "marks_reference."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef repair_stage_methods[]; /* the last sections' */
static PyMethodDef split_extract_methods[];

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, .m_name = "_textcore",
    .m_doc = "newsmend's compiled text core (see _textcore.c).", .m_size = -1,
    .m_methods = methods};

PyMODINIT_FUNC PyInit__textcore(void) {
    PyObject *made = PyModule_Create(&module);
    if (made && PyModule_AddFunctions(made, repair_stage_methods) < 0) Py_CLEAR(made);
    if (made && PyModule_AddFunctions(made, split_extract_methods) < 0) Py_CLEAR(made);
    return made;
}


/* ---- reading and splitting a page (read, split) ----------------------------------------- */

/* ingest._CONTROL: [\x00-\x08\x0b\x0e-\x1f] */
static inline int is_control(Py_UCS4 c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r'; }

BY_KIND Py_ssize_t count_controls(const Text *t, int kind) {
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < t->length; i++) count += is_control(READ(t, kind, i));
    return count;
}

/* How many control characters a decoded page holds: a page with many is binary. */
static PyObject *control_count(PyObject *self, PyObject *arg) {
    Text t;
    if (text_of(arg, &t) < 0) return NULL;
    Py_ssize_t count = t.kind == PyUnicode_1BYTE_KIND   ? count_controls(&t, PyUnicode_1BYTE_KIND)
                       : t.kind == PyUnicode_2BYTE_KIND ? count_controls(&t, PyUnicode_2BYTE_KIND)
                                                        : count_controls(&t, PyUnicode_4BYTE_KIND);
    return PyLong_FromSsize_t(count);
}


/* furniture._WORD's words of an ASCII text (the runs between spaces and bars) that go: lowered
 * and stripped of the marks []():, one of `words`, or nothing and without a kept mark ( ) :
 * (furniture._goes). */
static inline int is_word_mark(char c) { return c == '[' || c == ']' || c == '(' || c == ')' || c == ':'; }

static int word_goes(const char *text, Py_ssize_t start, Py_ssize_t end, PyObject *words) {
    Py_ssize_t a = start, b = end;
    while (a < b && is_word_mark(text[a])) a++;
    while (b > a && is_word_mark(text[b - 1])) b--;
    if (a == b) {
        for (Py_ssize_t i = start; i < end; i++)
            if (text[i] == '(' || text[i] == ')' || text[i] == ':') return 0;
        return 1;
    }
    PyObject *bare = PyUnicode_New(b - a, 127);
    if (!bare) return -1;
    char *lowered = (char *)PyUnicode_DATA(bare);
    for (Py_ssize_t i = a; i < b; i++)
        lowered[i - a] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A') : text[i];
    int found = PySet_Contains(words, bare);
    Py_DECREF(bare);
    return found;
}

static PyObject *toolbar_word_spans(PyObject *self, PyObject *args) {
    PyObject *object, *words;
    if (!PyArg_ParseTuple(args, "UO!", &object, &PyFrozenSet_Type, &words)) return NULL;
    Py_ssize_t n;
    const char *text = ascii_data(object, &n);
    if (!text) return NULL;
    Spans spans = {0};
    for (Py_ssize_t i = 0; i < n;) {
        if (is_space((Py_UCS4)text[i]) || text[i] == '|') {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && !is_space((Py_UCS4)text[i]) && text[i] != '|') i++;
        int goes = word_goes(text, start, i, words);
        if (goes < 0 || (goes && spans_add(&spans, start, i) < 0)) {
            spans_free(&spans);
            return NULL;
        }
    }
    PyObject *result = spans_list(&spans, NULL);
    spans_free(&spans);
    return result;
}

/* ---- repair stage: the context of a repair ------------------------------------------- */

/* rule._RIGHT_CONTEXT, \S*(?:[ \t]+\S+){0,3}, matched from `from` going forwards (step 1) or,
 * as on the reversed text, backwards (step -1, the match ending at `from`): the match's other
 * end. [ \t] and \S are disjoint, so each greedy run is taken whole, with no backtracking. */
#define CONTEXT_WORDS 3

static Py_ssize_t context_end(const Text *t, Py_ssize_t from, int step) {
    /* i: the next character to read, going by step; stop: one past the last readable */
    Py_ssize_t i = step > 0 ? from : from - 1, stop = step > 0 ? t->length : -1;
    while (i != stop && !is_space(AT(t, i))) i += step;
    for (int word = 0; word < CONTEXT_WORDS; word++) {
        Py_ssize_t k = i;
        while (k != stop && (AT(t, k) == ' ' || AT(t, k) == '\t')) k += step;
        if (k == i || k == stop || is_space(AT(t, k))) break;
        while (k != stop && !is_space(AT(t, k))) k += step;
        i = k;
    }
    return step > 0 ? i : i + 1;
}

static PyObject *context_bounds(PyObject *self, PyObject *args) {
    PyObject *left, *right;
    Text l, r;
    if (!PyArg_ParseTuple(args, "UU", &left, &right) || text_of(left, &l) < 0 ||
        text_of(right, &r) < 0)
        return NULL;
    Py_ssize_t stop = l.length;
    if (stop > 0 && AT(&l, stop - 1) == '\n') stop--;
    return Py_BuildValue("(nnn)", context_end(&l, stop, -1), stop, context_end(&r, 0, 1));
}

static PyMethodDef repair_stage_methods[] = {
    {"context_bounds", context_bounds, METH_VARARGS,
     "context_bounds(left, right) -> (start, stop, end): a repair's context is left[start:stop] "
     "and right[:end], its last and first words: as newsmend.repair.rule."
     "_context_bounds_reference."},
    {NULL, NULL, 0, NULL},
};


/* ---- split and extract helpers, round 5 ------------------------------------------------- */

/* The indexes of the needles a text holds once its ASCII capitals are lowered: one scan of
 * the text, trying at each place only the needles whose first two characters hash as the two
 * there, or whose one character does (an empty needle is always held). */
#define NEEDLE_BUCKETS 256

static inline unsigned bucket_of(Py_UCS4 a, Py_UCS4 b) {
    return (a * 31u + b) & (NEEDLE_BUCKETS - 1);
}

static inline Py_UCS4 ascii_lowered(Py_UCS4 c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

/* Whether the needle stands at `at` of the lowered text (of `kind`: a 1-byte text is kept in
 * bytes, any other in UCS4). */
static inline int holds_at(const void *lowered, int kind, Py_ssize_t at, PyObject *needle) {
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    int needle_kind = PyUnicode_KIND(needle);
    const void *data = PyUnicode_DATA(needle);
    if (kind == PyUnicode_1BYTE_KIND)
        return needle_kind == kind && memcmp((const Py_UCS1 *)lowered + at, data, m) == 0;
    for (Py_ssize_t k = 0; k < m; k++)
        if (((const Py_UCS4 *)lowered)[at + k] != PyUnicode_READ(needle_kind, data, k)) return 0;
    return 1;
}

#define LOWERED(kind, lowered, i)                                                               \
    ((kind) == PyUnicode_1BYTE_KIND ? (Py_UCS4)((const Py_UCS1 *)(lowered))[i]                  \
                                    : ((const Py_UCS4 *)(lowered))[i])

static PyObject *folded_needles(PyObject *self, PyObject *args) {
    PyObject *object, *needles;
    Text t;
    if (!PyArg_ParseTuple(args, "UO!", &object, &PyTuple_Type, &needles) ||
        text_of(object, &t) < 0)
        return NULL;
    Py_ssize_t n = t.length, count = PyTuple_GET_SIZE(needles);
    for (Py_ssize_t i = 0; i < count; i++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(needles, i))) {
            PyErr_SetString(PyExc_TypeError, "expected a tuple of str");
            return NULL;
        }
    int kind = t.kind == PyUnicode_1BYTE_KIND ? t.kind : PyUnicode_4BYTE_KIND;
    void *lowered = PyMem_Malloc((n + 1) * kind);
    Py_ssize_t *next = PyMem_Malloc((count + 1) * sizeof(Py_ssize_t));
    char *held = PyMem_Calloc(count + 1, 1);
    PyObject *found = NULL;
    if (!lowered || !next || !held) {
        PyErr_NoMemory();
        goto done;
    }
    if (kind == PyUnicode_1BYTE_KIND)
        for (Py_ssize_t i = 0; i < n; i++)
            ((Py_UCS1 *)lowered)[i] = (Py_UCS1)ascii_lowered(((const Py_UCS1 *)t.data)[i]);
    else
        for (Py_ssize_t i = 0; i < n; i++) ((Py_UCS4 *)lowered)[i] = ascii_lowered(AT(&t, i));
    /* the needles of two characters or more by their first two (head), those of one by it
     * (single) */
    Py_ssize_t head[NEEDLE_BUCKETS], single[NEEDLE_BUCKETS];
    for (int b = 0; b < NEEDLE_BUCKETS; b++) head[b] = single[b] = -1;
    for (Py_ssize_t i = count - 1; i >= 0; i--) {
        PyObject *needle = PyTuple_GET_ITEM(needles, i);
        Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
        if (m == 0 || m > n) {
            held[i] = m == 0;
            continue;
        }
        Py_UCS4 first = PyUnicode_READ_CHAR(needle, 0);
        Py_ssize_t *chain = m == 1 ? &single[first & (NEEDLE_BUCKETS - 1)]
                                   : &head[bucket_of(first, PyUnicode_READ_CHAR(needle, 1))];
        next[i] = *chain;
        *chain = i;
    }
    for (Py_ssize_t at = 0; at < n; at++) {
        Py_UCS4 c = LOWERED(kind, lowered, at);
        for (Py_ssize_t i = single[c & (NEEDLE_BUCKETS - 1)]; i >= 0; i = next[i])
            held[i] |= PyUnicode_READ_CHAR(PyTuple_GET_ITEM(needles, i), 0) == c;
        if (at + 1 == n) break;
        unsigned b = bucket_of(c, LOWERED(kind, lowered, at + 1));
        for (Py_ssize_t i = head[b]; i >= 0; i = next[i]) {
            PyObject *needle = PyTuple_GET_ITEM(needles, i);
            if (!held[i] && PyUnicode_GET_LENGTH(needle) <= n - at)
                held[i] = holds_at(lowered, kind, at, needle);
        }
    }
    found = PyList_New(0);
    for (Py_ssize_t i = 0; found && i < count; i++) {
        if (!held[i]) continue;
        PyObject *index = PyLong_FromSsize_t(i);
        if (!index || PyList_Append(found, index) < 0) Py_CLEAR(found);
        Py_XDECREF(index);
    }
done:
    PyMem_Free(lowered);
    PyMem_Free(next);
    PyMem_Free(held);
    return found;
}

/* The non-blank lines of a page (split at "\n"), stripped of whitespace as str.strip does, as
 * span_type(text, start, end): span_type is a tuple type with no fields of its own (a
 * NamedTuple), filled here as tuple.__new__ would. */
static PyObject *stripped_lines(PyObject *self, PyObject *args) {
    PyObject *object;
    PyTypeObject *span_type;
    Text t;
    if (!PyArg_ParseTuple(args, "UO!", &object, &PyType_Type, &span_type) ||
        text_of(object, &t) < 0)
        return NULL;
    if (!PyType_IsSubtype(span_type, &PyTuple_Type) ||
        span_type->tp_basicsize != PyTuple_Type.tp_basicsize) {
        PyErr_SetString(PyExc_TypeError, "expected a tuple type with no fields of its own");
        return NULL;
    }
    PyObject *spans = PyList_New(0);
    for (Py_ssize_t from = 0; spans && from <= t.length;) {
        Py_ssize_t to = from;
        while (to < t.length && AT(&t, to) != '\n') to++;
        Py_ssize_t start = from, end = to;
        while (start < end && is_space(AT(&t, start))) start++;
        while (end > start && is_space(AT(&t, end - 1))) end--;
        if (start < end) {
            PyObject *span = span_type->tp_alloc(span_type, 3);
            PyObject *line = span ? PyUnicode_Substring(object, start, end) : NULL;
            PyObject *first = line ? PyLong_FromSsize_t(start) : NULL;
            PyObject *last = first ? PyLong_FromSsize_t(end) : NULL;
            if (last) {
                PyTuple_SET_ITEM(span, 0, line);
                PyTuple_SET_ITEM(span, 1, first);
                PyTuple_SET_ITEM(span, 2, last);
            } else {
                Py_XDECREF(line);
                Py_XDECREF(first);
            }
            if (!last || PyList_Append(spans, span) < 0) Py_CLEAR(spans);
            Py_XDECREF(span);
        }
        from = to + 1;
    }
    return spans;
}

/* How many words text holds: len(text.split()), without making them. */
static PyObject *word_count(PyObject *self, PyObject *arg) {
    Text t;
    if (text_of(arg, &t) < 0) return NULL;
    Py_ssize_t words = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < t.length; i++) {
        int space = is_space(AT(&t, i));
        words += !space && !in_word;
        in_word = !space;
    }
    return PyLong_FromSsize_t(words);
}

static PyMethodDef split_extract_methods[] = {
    {"word_count", word_count, METH_O,
     "word_count(text) -> int: len(text.split()), as newsmend.split.lines._word_count_reference."},
    {"stripped_lines", stripped_lines, METH_VARARGS,
     "stripped_lines(text, span_type) -> [span_type(line, start, end)]: the non-blank lines of "
     "text, stripped, with their offsets: as newsmend.split.text_lines._stripped_lines_reference."},
    {"folded_needles", folded_needles, METH_VARARGS,
     "folded_needles(text, needles) -> [index]: the needles text holds once its ASCII capitals "
     "are lowered, as newsmend.furniture._folded_needles_reference."},
    {NULL, NULL, 0, NULL},
};
