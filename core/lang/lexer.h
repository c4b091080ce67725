/* lexer.h - Elixir source text to a flat array of tokens.
 *
 * The token kinds follow Elixir 1.14's tokenizer (elixir_tokenizer), so the
 * parser can reproduce its grammar and its error messages. Strings are not
 * one token: a string, charlist, heredoc, sigil, quoted atom or quoted
 * keyword is a TOK_STR_BEGIN, then its literal parts (TOK_STR_PART, already
 * unescaped where Elixir unescapes) and interpolations (TOK_INTERP_BEGIN,
 * the tokens of the interpolated code, TOK_INTERP_END), then TOK_STR_END.
 * Interpolations nest without recursion in the lexer. The array always ends
 * with one TOK_EOF.
 *
 * Errors are the ones the tokenizer reports (missing terminators, unexpected
 * tokens, bad numbers, bad escapes, ...): the tokenizer runs over the whole
 * input before any parsing, exactly as Elixir does, so a missing terminator
 * wins over a syntax error earlier in the file.
 */
#ifndef GENLAB_LEXER_H
#define GENLAB_LEXER_H

#include "heap.h"
#include "parser.h"

typedef enum TokenKind {
    TOK_EOF,
    TOK_EOL,   /* one or more newlines */
    TOK_SEMI,  /* ; */
    TOK_COMMA,
    /* An opener's aux is the index of its closer (so is a fn's and a do's:
     * the index of its end). */
    TOK_LPAREN, TOK_RPAREN, TOK_LBRACKET, TOK_RBRACKET, TOK_LCURLY, TOK_RCURLY,
    TOK_LBIT, TOK_RBIT, /* << >> */
    TOK_MAP_OP,         /* the % of %{ (a { token follows) */
    TOK_STRUCT_OP,      /* % before a struct name */
    TOK_DOT,            /* . */
    TOK_DOT_CALL,       /* the . of .( */
    TOK_INT, TOK_FLT, TOK_CHAR, /* value: the number; aux/aux2: text of the original */
    TOK_ATOM,           /* value: the atom (also quoted atoms without interpolation) */
    TOK_TRUE, TOK_FALSE, TOK_NIL,
    TOK_FN, TOK_DO, TOK_END,
    TOK_BLOCK_ID,       /* else, after, rescue, catch; value: the atom */
    /* value: the atom of the name */
    TOK_IDENTIFIER,         /* foo */
    TOK_PAREN_IDENTIFIER,   /* foo( */
    TOK_BRACKET_IDENTIFIER, /* foo[ */
    TOK_DO_IDENTIFIER,      /* foo do */
    TOK_OP_IDENTIFIER,      /* foo -1 */
    TOK_ALIAS,              /* Foo (value: the atom Foo, without "Elixir.") */
    TOK_KW_IDENTIFIER,      /* foo: (also "quoted": without interpolation) */
    /* operators; value: the operator atom */
    TOK_UNARY_OP,    /* ! ^ not ~~~ */
    TOK_AT_OP,       /* @ */
    TOK_CAPTURE_OP,  /* & */
    TOK_DUAL_OP,     /* + - */
    TOK_MULT_OP,     /* * / */
    TOK_POWER_OP,    /* ** */
    TOK_CONCAT_OP,   /* ++ -- +++ --- <> */
    TOK_RANGE_OP,    /* .. */
    TOK_XOR_OP,      /* ^^^ */
    TOK_TERNARY_OP,  /* // */
    TOK_AND_OP,      /* && &&& and */
    TOK_OR_OP,       /* || ||| or */
    TOK_IN_OP,       /* in, not in */
    TOK_IN_MATCH_OP, /* <- \\ */
    TOK_TYPE_OP,     /* :: */
    TOK_WHEN_OP,     /* when */
    TOK_PIPE_OP,     /* | */
    TOK_STAB_OP,     /* -> */
    TOK_COMP_OP,     /* == != =~ === !== */
    TOK_REL_OP,      /* < > <= >= */
    TOK_ARROW_OP,    /* |> <<< >>> <<~ ~>> <~ ~> <~> <|> */
    TOK_MATCH_OP,    /* = */
    TOK_ASSOC_OP,    /* => */
    /* strings: aux of STR_BEGIN is the StrKind, aux2 the index of its STR_END */
    TOK_STR_BEGIN,
    TOK_STR_PART,      /* value: the binary of a literal part */
    TOK_INTERP_BEGIN,  /* at the #; aux: index of the matching INTERP_END */
    TOK_INTERP_END,    /* at the } */
    /* aux: a heredoc's indentation, or -1; aux2: the closing character, for
     * sigils the opening one (their delimiter); value: a sigil's modifiers
     * (a charlist) */
    TOK_STR_END,
    TOK_KIND_COUNT
} TokenKind;

typedef enum StrKind {
    STR_BIN,          /* "..." */
    STR_LIST,         /* '...' */
    STR_BIN_HEREDOC,  /* """ ... """ */
    STR_LIST_HEREDOC, /* ''' ... ''' */
    STR_SIGIL,        /* ~x...; the STR_BEGIN's value is the sigil letter (small) */
    STR_ATOM,         /* :"..." with interpolation */
    STR_KW            /* "...": with interpolation */
} StrKind;

typedef struct Token {
    uint8_t kind;     /* TokenKind */
    int line, column;
    Term value;
    int32_t aux, aux2;
} Token;

typedef struct TokenList {
    Token *tokens;
    size_t count, capacity;
    char *text;       /* original spellings of numbers and sigil delimiters */
    size_t text_len, text_capacity;
} TokenList;

/* Tokenizes `source`. Terms (atoms, numbers, binaries of string parts) are
 * built on `h`. Returns false and fills *err on a tokenizer error. The list
 * must be released with lexer_free either way. */
bool lexer_tokenize(Heap *h, const char *source, size_t len, TokenList *out, ParseError *err);
void lexer_free(TokenList *list);

/* Text stored by the lexer (aux = offset, aux2 = length of a TOK_INT,
 * TOK_FLT or TOK_CHAR token's original spelling). */
static inline const char *lexer_token_text(const TokenList *list, const Token *t)
{
    return list->text + t->aux;
}

#endif
