/* six-exchange-reader.c — reading and validating an exchange file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-reader"

#include "config.h"

#include "six-exchange-reader.h"

#include "six-exchange-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * Reading happens in three passes, and stops at the first problem:
 *
 * 1. Before json-glib sees a byte: size, blank, UTF-8, then one linear scan with an explicit
 *    stack that checks the JSON grammar strictly (json-glib 1.6 silently accepts single quotes,
 *    leading zeros, wraps integer overflow and truncates strings at \u0000), the nesting
 *    depth, duplicate member names and string sizes, and notes where each top-level member
 *    and each element of "records" lies.
 * 2. The header members, each parsed on its own.
 * 3. Each record, parsed on its own by json-glib from its slice, converted and freed, so the
 *    whole file is never one tree in memory. Then references and the checksum.
 *
 * A reference to a record the file does not carry is refused, or, with defer_references, kept
 * in the file for six_exchange_resolve_outside (), which asks the store where the store is.
 *
 * Error codes for the shape of a record: a record that is not an object or a "values" that is
 * not an object is INVALID_FIELD, a missing "kind", "id", "values" or "clocks" MISSING_FIELD.
 */

/* An object switches from a linear search of its member names to a hash table past this. */
#define KEYS_LINEAR_MAX 16

/* Longest number token: far more digits than an int64 or a double can use. */
#define NUMBER_MAX_LEN 64

/* How often the records pass reports progress and checks for cancellation. */
#define RECORDS_PER_TICK 512

/* What errors call a file read with no display name. */
#define UNNAMED "exchange file"

typedef struct
{
  const char *text;
  gsize       len;
} Slice;

/* One open container of the scan. */
typedef struct
{
  gboolean    is_object;
  gboolean    is_records;  /* the top-level "records" array */
  gboolean    has_key;     /* objects: a member name was read and its value is pending */
  guint       index;       /* arrays: the element being read */
  Slice       raw_key;     /* objects: the current member name as written */
  Slice       key;         /* … and unescaped */
  GArray     *keys;        /* Slice: the names seen so far, while few */
  GHashTable *key_table;   /* the names seen so far, once many */
  GPtrArray  *owned;       /* unescaped copies of names that had escapes */
} Frame;

typedef struct
{
  char  *name;
  gsize  key_start;    /* the opening quote of the name */
  gsize  value_start;
  gsize  value_end;
} Member;

typedef struct
{
  gsize start;
  gsize end;
} Span;

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} ScanState;

typedef struct
{
  const char *name;       /* display name */
  const char *data;
  gsize       len;
  gsize       pos;
  guint       depth;      /* frames in use */
  Frame       frames[SIX_EXCHANGE_MAX_DEPTH];
  gboolean    root_is_object;
  GArray     *members;    /* Member: the top-level object's */
  GArray     *records;    /* Span: the elements of the top-level "records" array */
  Member      member;     /* the top-level member being read */
  Span        span;       /* the record being read */
} Scanner;

typedef struct
{
  const char                   *name;
  const char                   *data;
  gsize                         len;
  const SixExchangeReadOptions *options;
  SixExchangeFile              *file;
  JsonParser                   *parser;
  const SixKind                *kinds;
  guint                         n_kinds;
  GHashTable                  **ids;       /* per kind: id → record index + 1 */
  GHashTable                   *vvs;       /* text → SixVersionVector, shared by equal clocks */
  GHashTable                   *replicas;  /* the ids the header lists */
  GString                      *scratch;
  GVariant                    **values;    /* one per field of the largest kind */
  SixFieldStamp                *stamps;
} Reader;

/* Paths */

static gboolean
is_identifier (const char *text,
               gsize       len)
{
  if (len == 0 || !(g_ascii_isalpha (text[0]) || text[0] == '_'))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '_')
      return FALSE;

  return TRUE;
}

/* Appends a member to a JSON path: ".name", or ["name"] when it is not an identifier; @raw is
 * the name as written in the file (already JSON-escaped), shortened when long. */
static void
append_path_key (GString    *path,
                 const char *raw,
                 gsize       len)
{
  if (is_identifier (raw, len))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_len (path, raw, (gssize) len);
      return;
    }

  g_string_append (path, "[\"");
  if (len > 64)
    {
      gsize cut = 64;

      /* Never cut a character in two: the message must stay UTF-8. */
      while (cut > 0 && ((guchar) raw[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (path, raw, (gssize) cut);
      g_string_append (path, "…");
    }
  else
    g_string_append_len (path, raw, (gssize) len);
  g_string_append (path, "\"]");
}

static char *
path_key (const char *parent,
          const char *key)
{
  GString *path = g_string_new (parent);
  g_autoptr(GString) raw = g_string_new (NULL);

  /* The key is unescaped text here; show it as a JSON string would. */
  _six_exchange_append_string (raw, key, -1);
  g_string_erase (raw, 0, 1);
  g_string_truncate (raw, raw->len - 1);
  append_path_key (path, raw->str, raw->len);

  return g_string_free (path, FALSE);
}

static char *
path_index (const char *parent,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Pass 1: the scan */

static void
frame_reset_keys (Frame *frame)
{
  if (frame->keys == NULL)
    {
      frame->keys = g_array_new (FALSE, FALSE, sizeof (Slice));
      frame->owned = g_ptr_array_new_with_free_func (g_free);
    }

  g_array_set_size (frame->keys, 0);
  g_ptr_array_set_size (frame->owned, 0);
  g_clear_pointer (&frame->key_table, g_hash_table_unref);
}

static void
scanner_clear (Scanner *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (s->frames); i++)
    {
      g_clear_pointer (&s->frames[i].keys, g_array_unref);
      g_clear_pointer (&s->frames[i].owned, g_ptr_array_unref);
      g_clear_pointer (&s->frames[i].key_table, g_hash_table_unref);
    }

  if (s->members != NULL)
    {
      for (guint i = 0; i < s->members->len; i++)
        g_free (g_array_index (s->members, Member, i).name);
      g_clear_pointer (&s->members, g_array_unref);
    }

  g_clear_pointer (&s->records, g_array_unref);
  g_clear_pointer (&s->member.name, g_free);
}

static char *
scanner_path (Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < s->depth; i++)
    {
      Frame *frame = &s->frames[i];

      if (frame->is_object && frame->has_key)
        append_path_key (path, frame->raw_key.text, frame->raw_key.len);
      else if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else
        break;
    }

  if (path->len == 0)
    g_string_append (path, "(root)");

  return g_string_free (path, FALSE);
}

static gboolean
scanner_fail (Scanner          *s,
              GError          **error,
              SixExchangeError  code,
              gsize             at,
              const char       *format,
              ...) G_GNUC_PRINTF (5, 6);

static gboolean
scanner_fail (Scanner          *s,
              GError          **error,
              SixExchangeError  code,
              gsize             at,
              const char       *format,
              ...)
{
  g_autofree char *path = scanner_path (s);
  g_autofree char *what = NULL;
  const char *line_start = s->data;
  guint line = 1;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Counted only now, so the scan itself never tracks lines. */
  for (const char *p = s->data; p < s->data + at; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  _six_exchange_set_error (error, code, s->name, path, "%s (line %u, column %ld)", what, line,
                           g_utf8_pointer_to_offset (line_start, s->data + at) + 1);

  return FALSE;
}

/* A number that is valid JSON but no value we can hold is the fault of the header, a clock
 * or a field, depending on where it is. */
static SixExchangeError
scanner_context_code (Scanner *s)
{
  if (s->depth >= 2 && s->frames[1].is_records)
    {
      if (s->depth >= 4 && s->frames[2].is_object && s->frames[2].has_key &&
          s->frames[2].key.len == 6 && memcmp (s->frames[2].key.text, "clocks", 6) == 0)
        return SIX_EXCHANGE_ERROR_INVALID_CLOCK;
      return SIX_EXCHANGE_ERROR_INVALID_FIELD;
    }

  return SIX_EXCHANGE_ERROR_INVALID_HEADER;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Scans the string at s->pos (its opening quote); leaves s->pos after the closing quote. */
static gboolean
scan_string (Scanner   *s,
             gboolean  *has_escape,
             GError   **error)
{
  const char *start = s->data + s->pos;
  const char *end = s->data + s->len;
  const char *p = start + 1;
  gsize decoded = 0;

  *has_escape = FALSE;

  for (;;)
    {
      guchar c;

      if (p >= end)
        return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, start - s->data,
                             "unterminated string: the file is truncated or not JSON");

      c = (guchar) *p;
      if (c == '"')
        break;

      if (c < 0x20)
        return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                             "control character U+%04X in a string must be escaped", c);

      if (c != '\\')
        {
          decoded++;
          p++;
        }
      else
        {
          gunichar ch;

          *has_escape = TRUE;
          if (p + 1 >= end)
            return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, start - s->data,
                                 "unterminated string: the file is truncated or not JSON");

          switch (p[1])
            {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't':
              decoded++;
              p += 2;
              break;

            case 'u':
              if (!read_hex4 (p + 2, end, &ch))
                return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                                     "\\u must be followed by four hexadecimal digits");
              if (ch == 0)
                return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                                     "\\u0000 is not allowed in a string");
              if (ch >= 0xdc00 && ch <= 0xdfff)
                return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                                     "\\u%04x is half of a surrogate pair", ch);
              if (ch >= 0xd800 && ch <= 0xdbff)
                {
                  gunichar low;

                  /* A pair stands for one character of four UTF-8 bytes. */
                  if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                      !read_hex4 (p + 8, end, &low) || low < 0xdc00 || low > 0xdfff)
                    return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                                         "\\u%04x is half of a surrogate pair", ch);
                  decoded += 4;
                  p += 12;
                }
              else
                {
                  decoded += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
                  p += 6;
                }
              break;

            default:
              return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                                   "invalid escape in a string");
            }
        }

      if (decoded > SIX_TEXT_MAX)
        return scanner_fail (s, error, SIX_EXCHANGE_ERROR_TOO_LARGE, start - s->data,
                             "a string longer than %d bytes", SIX_TEXT_MAX);
    }

  s->pos = (p + 1) - s->data;

  return TRUE;
}

/* The unescaped text of the string s->data[start, end) (quotes included), for member names. */
static char *
unescape_string (const char *text,
                 gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  /* Valid by now; json-glib decodes escapes and surrogate pairs correctly. */
  if (!json_parser_load_from_data (parser, text, (gssize) len, NULL))
    return g_strndup (text + 1, len - 2);

  return g_strdup (json_node_get_string (json_parser_get_root (parser)));
}

static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  const char *start = s->data + s->pos;
  const char *end = s->data + s->len;
  const char *p = start;
  gboolean is_integer = TRUE;
  char token[NUMBER_MAX_LEN + 1];
  gsize len;

  if (*p == '-')
    p++;

  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                         "invalid number");

  if (p < end && *p == '.')
    {
      is_integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                             "invalid number: a digit must follow the decimal point");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, p - s->data,
                             "invalid number: a digit must follow the exponent");
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  len = p - start;
  if (len > NUMBER_MAX_LEN)
    return scanner_fail (s, error, scanner_context_code (s), start - s->data,
                         "a number of more than %d characters", NUMBER_MAX_LEN);

  memcpy (token, start, len);
  token[len] = '\0';

  /* json-glib 1.6 wraps an integer overflow around and turns 1e400 into infinity. */
  if (is_integer)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return scanner_fail (s, error, scanner_context_code (s), start - s->data,
                             "the integer %s is out of range", token);
    }
  else if (!isfinite (g_ascii_strtod (token, NULL)))
    return scanner_fail (s, error, scanner_context_code (s), start - s->data,
                         "the number %s is out of range", token);

  s->pos = p - s->data;

  return TRUE;
}

static gboolean
scan_literal (Scanner  *s,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if (s->len - s->pos >= len && memcmp (s->data + s->pos, literals[i], len) == 0)
        {
          s->pos += len;
          return TRUE;
        }
    }

  return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                       "unexpected text: not a JSON value");
}

static gboolean
slice_equal (const Slice *a,
             const Slice *b)
{
  return a->len == b->len && memcmp (a->text, b->text, a->len) == 0;
}

/* Records the member name just read in the current object; refuses a repeated one, which
 * json-glib would silently resolve to the last value. */
static gboolean
scan_key (Scanner  *s,
          gsize     start,
          gboolean  has_escape,
          GError  **error)
{
  Frame *frame = &s->frames[s->depth - 1];
  Slice raw = { s->data + start + 1, s->pos - start - 2 };
  Slice key = raw;

  if (has_escape)
    {
      char *copy = unescape_string (s->data + start, s->pos - start);

      g_ptr_array_add (frame->owned, copy);
      key.text = copy;
      key.len = strlen (copy);
    }

  if (frame->key_table != NULL)
    {
      char *copy = g_strndup (key.text, key.len);

      if (!g_hash_table_add (frame->key_table, copy))
        goto duplicate;
    }
  else
    {
      for (guint i = 0; i < frame->keys->len; i++)
        if (slice_equal (&g_array_index (frame->keys, Slice, i), &key))
          goto duplicate;

      g_array_append_val (frame->keys, key);

      if (frame->keys->len > KEYS_LINEAR_MAX)
        {
          frame->key_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = 0; i < frame->keys->len; i++)
            {
              const Slice *seen = &g_array_index (frame->keys, Slice, i);

              g_hash_table_add (frame->key_table, g_strndup (seen->text, seen->len));
            }
        }
    }

  frame->raw_key = raw;
  frame->key = key;
  frame->has_key = TRUE;

  if (s->depth == 1 && s->root_is_object)
    {
      g_clear_pointer (&s->member.name, g_free);
      s->member.name = g_strndup (key.text, key.len);
      s->member.key_start = start;
    }

  return TRUE;

duplicate:
  frame->raw_key = raw;
  frame->key = key;
  frame->has_key = TRUE;
  return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, start,
                       "the member name appears twice in the same object");
}

static void
value_begin (Scanner *s)
{
  if (s->depth == 1 && s->root_is_object)
    s->member.value_start = s->pos;
  else if (s->depth == 2 && s->frames[1].is_records)
    s->span.start = s->pos;
}

static void
value_end (Scanner *s)
{
  if (s->depth == 1 && s->root_is_object)
    {
      s->member.value_end = s->pos;
      g_array_append_val (s->members, s->member);
      s->member.name = NULL;
    }
  else if (s->depth == 2 && s->frames[1].is_records)
    {
      s->span.end = s->pos;
      g_array_append_val (s->records, s->span);
    }
}

static gboolean
push_frame (Scanner   *s,
            gboolean   is_object,
            GError   **error)
{
  Frame *frame;

  if (s->depth == SIX_EXCHANGE_MAX_DEPTH)
    return scanner_fail (s, error, SIX_EXCHANGE_ERROR_TOO_DEEP, s->pos,
                         "nested deeper than %d levels", SIX_EXCHANGE_MAX_DEPTH);

  if (s->depth == 0)
    s->root_is_object = is_object;

  frame = &s->frames[s->depth];
  frame->is_object = is_object;
  frame->is_records = !is_object && s->depth == 1 && s->root_is_object &&
                      g_strcmp0 (s->member.name, "records") == 0;
  frame->has_key = FALSE;
  frame->index = 0;
  if (is_object)
    frame_reset_keys (frame);

  s->depth++;
  s->pos++;

  return TRUE;
}

static ScanState
pop_frame (Scanner *s)
{
  s->depth--;
  s->pos++;
  value_end (s);

  return s->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

static gboolean
scan (Scanner  *s,
      GError  **error)
{
  ScanState state = EXPECT_VALUE;

  s->members = g_array_new (FALSE, FALSE, sizeof (Member));
  s->records = g_array_new (FALSE, FALSE, sizeof (Span));

  for (;;)
    {
      Frame *top;
      gboolean has_escape;
      gsize start;
      char c;

      while (s->pos < s->len &&
             (s->data[s->pos] == ' ' || s->data[s->pos] == '\n' ||
              s->data[s->pos] == '\r' || s->data[s->pos] == '\t'))
        s->pos++;

      if (s->pos == s->len)
        {
          if (state == EXPECT_END)
            return TRUE;
          return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                               "unexpected end of file: the file is truncated");
        }

      c = s->data[s->pos];
      top = s->depth > 0 ? &s->frames[s->depth - 1] : NULL;

      switch (state)
        {
        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            {
              state = pop_frame (s);
              break;
            }
          G_GNUC_FALLTHROUGH;

        case EXPECT_VALUE:
          value_begin (s);
          if (c == '{')
            {
              if (!push_frame (s, TRUE, error))
                return FALSE;
              state = EXPECT_KEY_OR_CLOSE;
              break;
            }
          if (c == '[')
            {
              if (!push_frame (s, FALSE, error))
                return FALSE;
              state = EXPECT_VALUE_OR_CLOSE;
              break;
            }
          if (c == '"')
            {
              if (!scan_string (s, &has_escape, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s, error))
                return FALSE;
            }
          else if (c == 't' || c == 'f' || c == 'n')
            {
              if (!scan_literal (s, error))
                return FALSE;
            }
          else
            return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                                 "unexpected character: a JSON value was expected");
          value_end (s);
          state = s->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
          break;

        case EXPECT_KEY_OR_CLOSE:
          if (c == '}')
            {
              state = pop_frame (s);
              break;
            }
          G_GNUC_FALLTHROUGH;

        case EXPECT_KEY:
          if (c != '"')
            return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                                 "a member name in double quotes was expected");
          start = s->pos;
          if (!scan_string (s, &has_escape, error) || !scan_key (s, start, has_escape, error))
            return FALSE;
          state = EXPECT_COLON;
          break;

        case EXPECT_COLON:
          if (c != ':')
            return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                                 "“:” was expected after the member name");
          s->pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_CLOSE:
          g_assert (top != NULL);
          if (c == ',')
            {
              s->pos++;
              if (top->is_object)
                {
                  top->has_key = FALSE;
                  state = EXPECT_KEY;
                }
              else
                {
                  top->index++;
                  state = EXPECT_VALUE;
                }
            }
          else if ((c == '}' && top->is_object) || (c == ']' && !top->is_object))
            state = pop_frame (s);
          else
            return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                                 top->is_object ? "“,” or “}” was expected"
                                                : "“,” or “]” was expected");
          break;

        case EXPECT_END:
          return scanner_fail (s, error, SIX_EXCHANGE_ERROR_NOT_JSON, s->pos,
                               "unexpected text after the end of the JSON value");

        default:
          g_assert_not_reached ();
        }
    }
}

/* Pass 2: the header */

static gboolean
fail (Reader           *r,
      GError          **error,
      SixExchangeError  code,
      const char       *path,
      const char       *format,
      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (Reader           *r,
      GError          **error,
      SixExchangeError  code,
      const char       *path,
      const char       *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  _six_exchange_set_error (error, code, r->name, path, "%s", what);

  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a number with a fraction";
    default:
      return "a value";
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Parses a slice the scan has checked; the node lives until the next parse. */
static JsonNode *
parse_slice (Reader      *r,
             gsize        start,
             gsize        end,
             const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (r->parser, r->data + start, (gssize) (end - start),
                                   &local_error))
    {
      fail (r, error, SIX_EXCHANGE_ERROR_NOT_JSON, path, "%s", local_error->message);
      return NULL;
    }

  return json_parser_get_root (r->parser);
}

static const Member *
find_member (Scanner    *s,
             const char *name)
{
  for (guint i = 0; i < s->members->len; i++)
    {
      const Member *member = &g_array_index (s->members, Member, i);

      if (strcmp (member->name, name) == 0)
        return member;
    }

  return NULL;
}

/* The value of a required top-level member, or %NULL with INVALID_HEADER. */
static JsonNode *
header_member (Reader      *r,
               Scanner     *s,
               const char  *name,
               GError     **error)
{
  const Member *member = find_member (s, name);

  if (member == NULL)
    {
      fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, name, _("missing"));
      return NULL;
    }

  return parse_slice (r, member->value_start, member->value_end, name, error);
}

static const char *
header_string (Reader      *r,
               Scanner     *s,
               const char  *name,
               GError     **error)
{
  JsonNode *node = header_member (r, s, name, error);

  if (node == NULL)
    return NULL;

  if (!node_is_string (node))
    {
      fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, name, _("must be a string, not %s"),
            node_type_name (node));
      return NULL;
    }

  return json_node_get_string (node);
}

/* "MAJOR.MINOR" in decimal, without leading zeros. */
static gboolean
parse_version (const char *text,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  if (g_strv_length (parts) != 2)
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      if (parts[i][0] == '\0' || (parts[i][0] == '0' && parts[i][1] != '\0'))
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  return g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, major, NULL) &&
         g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, minor, NULL);
}

/* "YYYY-MM-DDTHH:MM:SSZ" with a real date and time. */
static gboolean
timestamp_is_valid (const char *text)
{
  char date[11];
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";

  if (strlen (text) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  memcpy (date, text, 10);
  date[10] = '\0';

  return six_date_is_valid (date) &&
         g_ascii_digit_value (text[11]) * 10 + g_ascii_digit_value (text[12]) < 24 &&
         g_ascii_digit_value (text[14]) < 6 && g_ascii_digit_value (text[17]) < 6;
}

/* name and organisation: optional, a string or null. */
static gboolean
read_optional_string (Reader      *r,
                      JsonObject  *object,
                      const char  *parent,
                      const char  *name,
                      const char **out,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *path = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (node_is_string (node))
    {
      *out = json_node_get_string (node);
      return TRUE;
    }

  path = path_key (parent, name);

  return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, path,
               _("must be a string or null, not %s"), node_type_name (node));
}

/* {"replica"|"id": …, "name": …, "organisation": …} */
static SixReplicaInfo *
read_replica_info (Reader      *r,
                   JsonNode    *node,
                   const char  *path,
                   const char  *id_member,
                   GError     **error)
{
  g_autofree char *id_path = path_key (path, id_member);
  JsonObject *object;
  JsonNode *id;
  const char *name;
  const char *organisation;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, path, _("must be an object, not %s"),
            node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  id = json_object_get_member (object, id_member);
  if (id == NULL)
    {
      fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, id_path, _("missing"));
      return NULL;
    }

  if (!node_is_string (id) || !_six_exchange_replica_id_is_valid (json_node_get_string (id)))
    {
      fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, id_path,
            _("must be a replica id: 1 to %d characters of A–Z, a–z, 0–9, “_” or “-”"),
            SIX_REPLICA_ID_MAX);
      return NULL;
    }

  if (!read_optional_string (r, object, path, "name", &name, error) ||
      !read_optional_string (r, object, path, "organisation", &organisation, error))
    return NULL;

  return six_replica_info_new (json_node_get_string (id), name, organisation);
}

static gboolean
read_scope (Reader   *r,
            Scanner  *s,
            GError  **error)
{
  static const char * const scopes[] = { "all", "country", "coalition", "selection", NULL };
  JsonNode *node = header_member (r, s, "scope", error);
  JsonObject *object;
  JsonNode *type;
  JsonNode *id;
  const char *id_text = NULL;
  guint scope;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "scope",
                 _("must be an object, not %s"), node_type_name (node));

  object = json_node_get_object (node);
  type = json_object_get_member (object, "type");
  if (type == NULL)
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "scope.type", _("missing"));

  for (scope = 0; scopes[scope] != NULL; scope++)
    if (node_is_string (type) && strcmp (json_node_get_string (type), scopes[scope]) == 0)
      break;

  if (scopes[scope] == NULL)
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "scope.type",
                 _("must be “all”, “country”, “coalition” or “selection”"));

  id = json_object_get_member (object, "id");
  if (scope == SIX_SCOPE_COUNTRY || scope == SIX_SCOPE_COALITION)
    {
      const SixKind *kind = six_kind_lookup (scope == SIX_SCOPE_COUNTRY ? "country"
                                                                        : "coalition");

      if (id == NULL)
        return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "scope.id", _("missing"));

      if (!node_is_string (id) || !_six_exchange_id_is_valid (kind, json_node_get_string (id)))
        return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "scope.id",
                     _("must be the id of a %s"), kind->name);

      id_text = json_node_get_string (id);
    }

  six_exchange_file_set_scope (r->file, (SixScopeType) scope, id_text);

  return TRUE;
}

static gboolean
read_replicas (Reader   *r,
               Scanner  *s,
               GError  **error)
{
  JsonNode *node = header_member (r, s, "replicas", error);
  JsonArray *array;
  const char *previous = NULL;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "replicas",
                 _("must be an array, not %s"), node_type_name (node));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = path_index ("replicas", i);
      SixReplicaInfo *info;

      info = read_replica_info (r, json_array_get_element (array, i), path, "id", error);
      if (info == NULL)
        return FALSE;

      /* Sorted and distinct, so equal data gives byte-identical files. */
      if (previous != NULL && strcmp (previous, info->id) >= 0)
        {
          g_autofree char *id_path = path_key (path, "id");

          fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, id_path,
                strcmp (previous, info->id) == 0 ? "replica “%s” is listed twice"
                                                 : "replica “%s” is out of order (by id)",
                info->id);
          six_replica_info_free (info);
          return FALSE;
        }

      previous = info->id;
      g_hash_table_add (r->replicas, (gpointer) g_intern_string (info->id));
      six_exchange_file_add_replica (r->file, info);
    }

  return TRUE;
}

static gboolean
read_header (Reader   *r,
             Scanner  *s,
             GError  **error)
{
  const Member *format = find_member (s, "format");
  const Member *records;
  JsonNode *node;
  const char *text;
  SixVisibility level;
  guint64 major;
  guint64 minor;
  g_autoptr(SixReplicaInfo) origin = NULL;

  if (!s->root_is_object)
    return fail (r, error, SIX_EXCHANGE_ERROR_NOT_EXCHANGE, NULL,
                 _("not an Article Six exchange file: the top level is not a JSON object"));

  if (format == NULL)
    return fail (r, error, SIX_EXCHANGE_ERROR_NOT_EXCHANGE, NULL,
                 _("not an Article Six exchange file: it has no “format” member"));

  node = parse_slice (r, format->value_start, format->value_end, "format", error);
  if (node == NULL)
    return FALSE;
  if (!node_is_string (node) || strcmp (json_node_get_string (node), SIX_EXCHANGE_FORMAT) != 0)
    return fail (r, error, SIX_EXCHANGE_ERROR_NOT_EXCHANGE, "format",
                 _("not an Article Six exchange file: the format must be “%s”"),
                 SIX_EXCHANGE_FORMAT);

  /* The version comes before everything else: a newer major version may change the rest. */
  text = header_string (r, s, "format_version", error);
  if (text == NULL)
    return FALSE;
  if (!parse_version (text, &major, &minor) || major == 0)
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "format_version",
                 _("must be “MAJOR.MINOR”, such as “%d.%d”"),
                 SIX_EXCHANGE_VERSION_MAJOR, SIX_EXCHANGE_VERSION_MINOR);
  if (major > SIX_EXCHANGE_VERSION_MAJOR)
    return fail (r, error, SIX_EXCHANGE_ERROR_VERSION, "format_version",
                 _("this file uses exchange format %s: it needs a version of Article Six that "
                   "reads format %u.x; this is Article Six %s, which reads format %d.x"),
                 text, (guint) MIN (major, G_MAXUINT), PACKAGE_VERSION, SIX_EXCHANGE_VERSION_MAJOR);
  six_exchange_file_set_minor_version (r->file, (guint) minor);

  text = header_string (r, s, "export_id", error);
  if (text == NULL)
    return FALSE;
  if (!_six_exchange_uuid_is_valid (text))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "export_id",
                 _("must be a UUID in lowercase"));
  six_exchange_file_set_export_id (r->file, text);

  text = header_string (r, s, "created_at", error);
  if (text == NULL)
    return FALSE;
  if (!timestamp_is_valid (text))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "created_at",
                 _("must be a UTC time as “YYYY-MM-DDTHH:MM:SSZ”"));
  six_exchange_file_set_created_at (r->file, text);

  text = header_string (r, s, "app_version", error);
  if (text == NULL)
    return FALSE;
  six_exchange_file_set_app_version (r->file, text);

  node = header_member (r, s, "origin", error);
  if (node == NULL)
    return FALSE;
  origin = read_replica_info (r, node, "origin", "replica", error);
  if (origin == NULL)
    return FALSE;
  six_exchange_file_set_origin (r->file, origin);

  if (!read_scope (r, s, error))
    return FALSE;

  text = header_string (r, s, "level", error);
  if (text == NULL)
    return FALSE;
  if (!six_visibility_from_string (text, &level))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "level",
                 _("must be “public”, “coalition” or “private”"));
  six_exchange_file_set_level (r->file, level);

  if (!read_replicas (r, s, error))
    return FALSE;

  /* Never parsed whole: the scan noted where each record lies. */
  records = find_member (s, "records");
  if (records == NULL)
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "records", _("missing"));
  if (r->data[records->value_start] != '[')
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "records", _("must be an array"));

  text = header_string (r, s, "checksum", error);
  if (text == NULL)
    return FALSE;
  if (strlen (text) != 7 + 64 || !g_str_has_prefix (text, "sha256:"))
    return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "checksum",
                 _("must be “sha256:” and 64 hexadecimal digits"));
  for (const char *p = text + 7; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return fail (r, error, SIX_EXCHANGE_ERROR_INVALID_HEADER, "checksum",
                   _("must be “sha256:” and 64 hexadecimal digits in lowercase"));
  six_exchange_file_set_checksum (r->file, text);

  return TRUE;
}

/* Pass 3: the records */

/* A JSON path kept on the stack while a record is read, and printed only for an error: most
 * files have none, and a path string per value would cost more than the value. */
typedef struct _Path Path;

struct _Path
{
  const Path *parent;
  const char *key;    /* a member name, or NULL for an element */
  guint       index;
};

#define PATH_KEY(parent, name) { (parent), (name), 0 }
#define PATH_INDEX(parent, i)  { (parent), NULL, (i) }

static void
append_path (GString    *out,
             const Path *path)
{
  if (path == NULL)
    return;

  append_path (out, path->parent);

  if (path->key != NULL)
    {
      g_autoptr(GString) raw = g_string_new (NULL);

      /* Show the name as a JSON string would, without its quotes. */
      _six_exchange_append_string (raw, path->key, -1);
      append_path_key (out, raw->str + 1, raw->len - 2);
    }
  else
    g_string_append_printf (out, "[%u]", path->index);
}

static gboolean
fail_at (Reader           *r,
         GError          **error,
         SixExchangeError  code,
         const Path       *path,
         const char       *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (Reader           *r,
         GError          **error,
         SixExchangeError  code,
         const Path       *path,
         const char       *format,
         ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  append_path (text, path);
  _six_exchange_set_error (error, code, r->name, text->len > 0 ? text->str : NULL, "%s", what);

  return FALSE;
}

/* Converts a value of a known field; *value is %NULL for an explicit null. */
static gboolean
read_value (Reader          *r,
            const SixField  *field,
            JsonNode        *node,
            const Path      *path,
            GVariant       **value,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) result = NULL;
  const char *message;

  *value = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & SIX_FIELD_FLAGS_REQUIRED)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
                        _("a value is required: this field cannot be cleared"));
      return TRUE;
    }

  switch (field->type)
    {
    case SIX_FIELD_INTEGER:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
                        _("must be an integer, not %s"), node_type_name (node));
      result = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (node)));
      break;

    case SIX_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
                        _("must be true or false, not %s"), node_type_name (node));
      result = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (node)));
      break;

    case SIX_FIELD_SET:
      {
        JsonArray *array;
        g_autoptr(GPtrArray) items = NULL;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
                          _("must be an array of strings, not %s"), node_type_name (node));

        array = json_node_get_array (node);
        items = g_ptr_array_sized_new (json_array_get_length (array));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);

            if (!node_is_string (item))
              {
                Path item_path = PATH_INDEX (path, i);

                return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, &item_path,
                                _("must be a string, not %s"), node_type_name (item));
              }
            g_ptr_array_add (items, (gpointer) json_node_get_string (item));
          }

        result = g_variant_ref_sink (g_variant_new_strv ((const char * const *) items->pdata,
                                                         (gssize) items->len));
      }
      break;

    case SIX_FIELD_TEXT:
    case SIX_FIELD_DATE:
    case SIX_FIELD_ENUM:
    case SIX_FIELD_REF:
    case SIX_FIELD_DECIMAL:
    case SIX_FIELD_CURRENCY:
    default:
      if (!node_is_string (node))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
                        _("must be a string, not %s"), node_type_name (node));
      result = g_variant_ref_sink (g_variant_new_string (json_node_get_string (node)));
      break;
    }

  if (!six_field_validate (field, result, &local_error))
    {
      gsize prefix = strlen (field->name);

      /* The model says "field: what"; the path already names the field. */
      message = local_error->message;
      if (strncmp (message, field->name, prefix) == 0 && strncmp (message + prefix, ": ", 2) == 0)
        message += prefix + 2;

      return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path, "%s", message);
    }

  *value = g_steal_pointer (&result);

  return TRUE;
}

/* A field name a newer minor version may add: lowercase words joined by "_". */
static gboolean
field_name_is_valid (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > 64 || !g_ascii_islower (name[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (name[i]) && !g_ascii_isdigit (name[i]) && name[i] != '_')
      return FALSE;

  return TRUE;
}

/* Compact JSON of a value kept verbatim; numbers keep their kind (integer or not). */
static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            _six_exchange_append_string (out, name, -1);
            g_string_append_c (out, ':');
            append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          _six_exchange_append_string (out, json_node_get_string (node), -1);
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            double number = json_node_get_double (node);

            /* The scan refused infinities; "%.17g" reads back as the same double. */
            g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
            g_string_append (out, buffer);
            if (strpbrk (buffer, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        }
      break;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_vv (Reader            *r,
         JsonNode          *node,
         const Path        *path,
         SixVersionVector **out,
         GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *stack_names[8];
  g_autofree const char **heap_names = NULL;
  const char **names = stack_names;
  JsonObject *object;
  SixVersionVector *vv;
  GString *text = r->scratch;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, path,
                    _("a version vector must be an object of replica ids and counters, not %s"),
                    node_type_name (node));

  object = json_node_get_object (node);
  n = json_object_get_size (object);
  if (n == 0)
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, path,
                    _("a version vector cannot be empty"));

  if (n > G_N_ELEMENTS (stack_names))
    names = heap_names = g_new (const char *, n);

  {
    JsonObjectIter iter;
    JsonNode *member;
    guint i = 0;

    json_object_iter_init (&iter, object);
    while (json_object_iter_next (&iter, &names[i], &member))
      i++;
  }

  /* The text form lists replicas in byte order; it is also the key equal vectors share. */
  if (n > 1)
    qsort (names, n, sizeof (const char *), compare_strings);

  g_string_truncate (text, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *replica = names[i];
      JsonNode *counter = json_object_get_member (object, replica);
      Path entry_path = PATH_KEY (path, replica);

      if (!_six_exchange_replica_id_is_valid (replica))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &entry_path,
                        _("not a replica id: 1 to %d characters of A–Z, a–z, 0–9, “_” "
                        "or “-”"), SIX_REPLICA_ID_MAX);

      if (!JSON_NODE_HOLDS_VALUE (counter) || json_node_get_value_type (counter) != G_TYPE_INT64 ||
          json_node_get_int (counter) <= 0)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &entry_path,
                        _("a counter must be a positive integer"));

      /* A counter past what any replica can count to would leave no room for the next edit. */
      if (json_node_get_int (counter) > SIX_VERSION_VECTOR_COUNTER_MAX)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    json_node_get_int (counter));
          g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    SIX_VERSION_VECTOR_COUNTER_MAX);

          return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &entry_path,
                          _("the counter %s is more edits than a replica can have made (at "
                            "most %s): the clock is damaged"), count, limit);
        }

      if (!g_hash_table_contains (r->replicas, replica))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &entry_path,
                        _("replica “%s” is not listed in “replicas”"), replica);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, replica);
      g_string_append_c (text, '=');
      {
        char digits[24];

        g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, json_node_get_int (counter));
        g_string_append (text, digits);
      }
    }

  /* Most fields of a file share a handful of vectors. */
  vv = g_hash_table_lookup (r->vvs, text->str);
  if (vv == NULL)
    {
      vv = six_version_vector_parse (text->str, &local_error);
      if (vv == NULL)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, path, "%s",
                        local_error->message);
      g_hash_table_insert (r->vvs, g_strdup (text->str), vv);
    }

  *out = six_version_vector_ref (vv);

  return TRUE;
}

static gboolean
read_stamp (Reader         *r,
            JsonNode       *node,
            const Path     *path,
            SixFieldStamp  *stamp,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  Path vv_path = PATH_KEY (path, "vv");
  Path hlc_path = PATH_KEY (path, "hlc");
  Path source_path = PATH_KEY (path, "source");
  JsonObject *object;
  JsonNode *member;
  const char *hlc;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, path,
                    _("a clock must be an object with “vv” and “hlc”, not %s"),
                    node_type_name (node));

  object = json_node_get_object (node);

  member = json_object_get_member (object, "vv");
  if (member == NULL)
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &vv_path, _("missing"));
  if (!read_vv (r, member, &vv_path, &stamp->vv, error))
    return FALSE;

  member = json_object_get_member (object, "hlc");
  if (member == NULL)
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &hlc_path, _("missing"));
  if (!node_is_string (member))
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &hlc_path,
                    _("must be a string, not %s"), node_type_name (member));
  hlc = json_node_get_string (member);
  if (!six_hlc_parse (hlc, &stamp->hlc, &local_error))
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &hlc_path, "%s",
                    local_error->message);
  if (!g_hash_table_contains (r->replicas, stamp->hlc.replica))
    return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &hlc_path,
                    _("replica “%s” is not listed in “replicas”"), stamp->hlc.replica);

  member = json_object_get_member (object, "source");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!node_is_string (member))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &source_path,
                        _("must be a string, not %s"), node_type_name (member));
      stamp->source = g_strdup (json_node_get_string (member));
    }

  return TRUE;
}

static int
compare_extras (gconstpointer a,
                gconstpointer b)
{
  const SixExtraField *fa = *(SixExtraField * const *) a;
  const SixExtraField *fb = *(SixExtraField * const *) b;

  return strcmp (fa->name, fb->name);
}

/* What a record is being built from: one value and one stamp per field of its kind. */
typedef struct
{
  const SixKind  *kind;
  GVariant      **values;
  SixFieldStamp  *stamps;
  GPtrArray      *extras;
} Draft;

static void
draft_clear (Draft *draft)
{
  if (draft->kind == NULL)
    return;

  for (guint i = 0; i < draft->kind->n_fields; i++)
    {
      g_clear_pointer (&draft->values[i], g_variant_unref);
      six_field_stamp_clear (&draft->stamps[i]);
    }

  g_clear_pointer (&draft->extras, g_ptr_array_unref);
  draft->kind = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Draft, draft_clear)

static gboolean
read_values (Reader      *r,
             Draft       *draft,
             JsonObject  *values,
             const Path  *path,
             GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, values);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      Path value_path = PATH_KEY (path, name);
      int index = six_kind_field_index (draft->kind, name);
      g_autoptr(GString) json = NULL;
      SixFieldStamp none = { NULL, { 0, 0, NULL }, NULL };

      if (index >= 0)
        {
          if (!read_value (r, &draft->kind->fields[index], node, &value_path,
                           &draft->values[index], error))
            return FALSE;
          continue;
        }

      /* A field of a newer minor version: kept verbatim and passed on. */
      if (!field_name_is_valid (name))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, &value_path,
                        _("not a field of %s, nor a field name a newer version could add"),
                        draft->kind->name);

      json = g_string_new (NULL);
      if (!JSON_NODE_HOLDS_NULL (node))
        append_node (json, node);
      if (json->len > SIX_TEXT_MAX)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_TOO_LARGE, &value_path,
                        _("the value of an unknown field is longer than %d bytes"), SIX_TEXT_MAX);

      if (draft->extras == NULL)
        draft->extras = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
      g_ptr_array_add (draft->extras,
                       six_extra_field_new (name, JSON_NODE_HOLDS_NULL (node) ? NULL : json->str,
                                            &none));
    }

  return TRUE;
}

static gboolean
read_clocks (Reader      *r,
             Draft       *draft,
             JsonObject  *values,
             JsonObject  *clocks,
             const Path  *path,
             GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  /* One clock per value… */
  json_object_iter_init_ordered (&iter, values);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      Path clock_path = PATH_KEY (path, name);
      JsonNode *clock = json_object_get_member (clocks, name);
      int index = six_kind_field_index (draft->kind, name);
      SixFieldStamp *stamp = NULL;

      if (clock == NULL)
        return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &clock_path,
                        _("missing: every member of “values” needs a clock"));

      if (index >= 0)
        stamp = &draft->stamps[index];
      else
        {
          for (guint i = 0; i < draft->extras->len; i++)
            {
              SixExtraField *extra = draft->extras->pdata[i];

              if (strcmp (extra->name, name) == 0)
                stamp = &extra->stamp;
            }
        }

      g_assert (stamp != NULL);
      if (!read_stamp (r, clock, &clock_path, stamp, error))
        return FALSE;
    }

  /* … and only those. */
  if (json_object_get_size (clocks) != json_object_get_size (values))
    {
      json_object_iter_init_ordered (&iter, clocks);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (!json_object_has_member (values, name))
            {
              Path clock_path = PATH_KEY (path, name);

              return fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &clock_path,
                              _("a clock for a field that has no value in “values”"));
            }
        }
    }

  return TRUE;
}

static JsonNode *
record_member (Reader      *r,
               JsonObject  *object,
               const Path  *path,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      Path member_path = PATH_KEY (path, name);

      fail_at (r, error, SIX_EXCHANGE_ERROR_MISSING_FIELD, &member_path,
               _("missing: every record has “kind”, “id”, “values” and “clocks”"));
    }

  return node;
}

static SixRecord *
read_record (Reader      *r,
             const Path  *path,
             JsonNode    *node,
             GError     **error)
{
  Path kind_path = PATH_KEY (path, "kind");
  Path id_path = PATH_KEY (path, "id");
  Path values_path = PATH_KEY (path, "values");
  Path clocks_path = PATH_KEY (path, "clocks");
  g_auto(Draft) draft = { NULL, NULL, NULL, NULL };
  JsonObject *object;
  JsonNode *kind_node, *id_node, *values_node, *clocks_node;
  const SixKind *kind;
  const char *id;
  guint seen;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, path,
               _("a record must be an object, not %s"), node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);

  kind_node = record_member (r, object, path, "kind", error);
  if (kind_node == NULL)
    return NULL;
  kind = node_is_string (kind_node) ? six_kind_lookup (json_node_get_string (kind_node)) : NULL;
  if (kind == NULL)
    {
      if (node_is_string (kind_node))
        {
          g_autoptr(GString) shown = g_string_new (NULL);

          _six_exchange_append_string (shown, json_node_get_string (kind_node), -1);
          fail_at (r, error, SIX_EXCHANGE_ERROR_UNKNOWN_KIND, &kind_path,
                   _("%s is not a kind of record this version knows"), shown->str);
        }
      else
        fail_at (r, error, SIX_EXCHANGE_ERROR_UNKNOWN_KIND, &kind_path,
                 _("must be a string, not %s"), node_type_name (kind_node));
      return NULL;
    }

  id_node = record_member (r, object, path, "id", error);
  if (id_node == NULL)
    return NULL;
  if (!node_is_string (id_node))
    {
      fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_ID, &id_path, _("must be a string, not %s"),
               node_type_name (id_node));
      return NULL;
    }
  id = json_node_get_string (id_node);
  if (!_six_exchange_id_is_valid (kind, id))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      _six_exchange_append_string (shown, id, MIN (strlen (id), 80));
      fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_ID, &id_path,
               kind->key == SIX_KEY_UUID
                 ? "%s is not a valid id for %s: a UUID in lowercase is expected"
                 : "%s is not a valid id for %s: up to 128 letters, digits and “:._-”, "
                   "starting with a letter or digit",
               shown->str, kind->name);
      return NULL;
    }

  seen = GPOINTER_TO_UINT (g_hash_table_lookup (r->ids[kind - r->kinds], id));
  if (seen != 0)
    {
      fail_at (r, error, SIX_EXCHANGE_ERROR_DUPLICATE_ID, &id_path,
               _("%s “%s” appears twice: records[%u] has the same kind and id"),
               kind->name, id, seen - 1);
      return NULL;
    }

  values_node = record_member (r, object, path, "values", error);
  if (values_node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (values_node))
    {
      fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_FIELD, &values_path,
               _("must be an object, not %s"), node_type_name (values_node));
      return NULL;
    }

  clocks_node = record_member (r, object, path, "clocks", error);
  if (clocks_node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (clocks_node))
    {
      fail_at (r, error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, &clocks_path,
               _("must be an object, not %s"), node_type_name (clocks_node));
      return NULL;
    }

  /* No kind has more fields than the reader's scratch arrays hold. */
  draft.kind = kind;
  draft.values = r->values;
  draft.stamps = r->stamps;

  if (!read_values (r, &draft, json_node_get_object (values_node), &values_path, error) ||
      !read_clocks (r, &draft, json_node_get_object (values_node),
                    json_node_get_object (clocks_node), &clocks_path, error))
    return NULL;

  if (draft.extras != NULL)
    g_ptr_array_sort (draft.extras, compare_extras);

  return six_record_new_full (kind, id, draft.values, draft.stamps, draft.extras);
}

static gboolean
read_records (Reader   *r,
              Scanner  *s,
              GError  **error)
{
  Path records_path = PATH_KEY (NULL, "records");

  for (guint i = 0; i < s->records->len; i++)
    {
      const Span *span = &g_array_index (s->records, Span, i);
      Path path = PATH_INDEX (&records_path, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SixRecord) record = NULL;

      if (i % RECORDS_PER_TICK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (r->options->cancellable, error))
            return FALSE;
          if (r->options->progress != NULL)
            r->options->progress ((double) span->start / (double) r->len,
                                  r->options->progress_data);
        }

      if (!json_parser_load_from_data (r->parser, r->data + span->start,
                                       (gssize) (span->end - span->start), &local_error))
        return fail_at (r, error, SIX_EXCHANGE_ERROR_NOT_JSON, &path, "%s",
                        local_error->message);

      record = read_record (r, &path, json_parser_get_root (r->parser), error);
      if (record == NULL)
        return FALSE;

      g_hash_table_insert (r->ids[six_record_get_kind (record) - r->kinds],
                           (gpointer) six_record_get_id (record), GUINT_TO_POINTER (i + 1));
      six_exchange_file_add_record (r->file, record);
    }

  return TRUE;
}

static gboolean
in_file (Reader         *r,
         const SixField *field,
         const char     *id)
{
  for (guint i = 0; field->targets[i] != NULL; i++)
    {
      const SixKind *target = six_kind_lookup (field->targets[i]);

      if (target != NULL && g_hash_table_contains (r->ids[target - r->kinds], id))
        return TRUE;
    }

  return FALSE;
}

/* A reference the file does not resolve: refused, or kept for the store to resolve where the
 * store is (the reader itself never waits for the database's thread). */
static gboolean
not_in_file (Reader          *r,
             GError         **error,
             const Path      *path,
             const SixField  *field,
             const char      *id)
{
  g_autoptr(GString) text = NULL;

  if (!r->options->defer_references)
    {
      g_autofree char *targets = g_strjoinv (" or ", (char **) field->targets);

      return fail_at (r, error, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE, path,
                      _("“%s” is not in this file as a record of kind %s"), id, targets);
    }

  text = g_string_new (NULL);
  append_path (text, path);
  six_exchange_file_add_outside_ref (r->file, field, id, text->str);

  return TRUE;
}

static gboolean
check_references (Reader   *r,
                  GError  **error)
{
  GPtrArray *records = six_exchange_file_get_records (r->file);
  Path records_path = PATH_KEY (NULL, "records");

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *kind = six_record_get_kind (record);
      Path record_path = PATH_INDEX (&records_path, i);
      Path values_path = PATH_KEY (&record_path, "values");

      for (guint f = 0; f < kind->n_fields; f++)
        {
          const SixField *field = &kind->fields[f];
          GVariant *value = six_record_get_nth_value (record, f);
          Path path = PATH_KEY (&values_path, field->name);

          if (value == NULL || field->targets == NULL)
            continue;

          if (field->type == SIX_FIELD_REF)
            {
              const char *id = g_variant_get_string (value, NULL);

              if (!in_file (r, field, id) && !not_in_file (r, error, &path, field, id))
                return FALSE;
            }
          else
            {
              for (gsize j = 0; j < g_variant_n_children (value); j++)
                {
                  Path item_path = PATH_INDEX (&path, (guint) j);
                  const char *id;

                  g_variant_get_child (value, j, "&s", &id);
                  if (!in_file (r, field, id) && !not_in_file (r, error, &item_path, field, id))
                    return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* §6: the SHA-256 of every byte before the line `  "checksum": "sha256:…"`, which must be
 * followed by exactly "\n}\n". */
static gboolean
check_checksum (Reader   *r,
                Scanner  *s,
                GError  **error)
{
  const Member *member = find_member (s, "checksum");
  const char *stated = six_exchange_file_get_checksum (r->file);
  g_autofree char *line = g_strdup_printf ("  \"checksum\": \"%s\"\n}\n", stated);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize line_start;

  g_assert (member != NULL);

  line_start = member->key_start >= 2 ? member->key_start - 2 : 0;
  if (line_start == 0 || r->data[line_start - 1] != '\n' ||
      r->len - line_start != strlen (line) ||
      memcmp (r->data + line_start, line, strlen (line)) != 0)
    return fail (r, error, SIX_EXCHANGE_ERROR_CHECKSUM, "checksum",
                 _("the checksum must be the last member, on a line of its own, followed by "
                 "“}” and a newline; the file was changed after it was written"));

  g_checksum_update (checksum, (const guchar *) r->data, (gssize) line_start);
  if (strcmp (g_checksum_get_string (checksum), stated + 7) != 0)
    return fail (r, error, SIX_EXCHANGE_ERROR_CHECKSUM, "checksum",
                 _("the content does not match its checksum (it hashes to sha256:%s): the file "
                 "was changed or damaged after it was written"), g_checksum_get_string (checksum));

  return TRUE;
}

/* A copy of @data with every CR LF pair made LF; @len is updated. */
static char *
canonical_line_ends (const char *data,
                     gsize      *len)
{
  char *copy = g_malloc (*len + 1);
  gsize n = 0;

  for (gsize i = 0; i < *len; i++)
    if (data[i] != '\r' || i + 1 >= *len || data[i + 1] != '\n')
      copy[n++] = data[i];

  copy[n] = '\0';
  *len = n;

  return copy;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (data[i] != ' ' && data[i] != '\n' && data[i] != '\r' && data[i] != '\t')
      return FALSE;

  return TRUE;
}

/**
 * six_exchange_read_bytes_full:
 * @bytes: the file's content
 * @display_name: (nullable): what error messages call the file, usually its name
 * @options: (nullable): limits, progress, cancellation, and whether references the file
 *   leaves out are kept for the store to resolve
 *
 * Reads and validates an exchange file. It runs on any thread, and takes no lock.
 *
 * Returns: (transfer full): the file, or %NULL with @error set from SIX_EXCHANGE_ERROR (or
 *   G_IO_ERROR_CANCELLED); six_exchange_error_get_path () gives the JSON path of the problem
 */
SixExchangeFile *
six_exchange_read_bytes_full (GBytes                       *bytes,
                              const char                   *display_name,
                              const SixExchangeReadOptions *options,
                              GError                      **error)
{
  static const SixExchangeReadOptions defaults = { 0 };
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) vvs = NULL;
  g_autoptr(GHashTable) replicas = NULL;
  g_autofree GHashTable **ids = NULL;
  g_autoptr(GString) scratch = NULL;
  g_autofree GVariant **values = NULL;
  g_autofree SixFieldStamp *stamps = NULL;
  guint max_fields = 0;
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *canonical = NULL;
  Scanner s = { 0 };
  Reader r = { 0 };
  const char *end;
  gsize limit;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.name = display_name != NULL ? display_name : UNNAMED;
  r.options = options != NULL ? options : &defaults;
  r.data = g_bytes_get_data (bytes, &r.len);
  limit = r.options->max_size > 0 ? r.options->max_size : six_exchange_size_limit ();

  if (r.len > limit)
    {
      size_text = g_format_size (r.len);
      limit_text = g_format_size (limit);
      fail (&r, error, SIX_EXCHANGE_ERROR_TOO_LARGE, NULL,
            _("the file is %s, over the limit of %s"), size_text, limit_text);
      return NULL;
    }

  if (r.len == 0)
    {
      fail (&r, error, SIX_EXCHANGE_ERROR_EMPTY, NULL, _("the file is empty (0 bytes)"));
      return NULL;
    }

  /* RFC 8259 lets a reader ignore a byte order mark, which some editors add. */
  if (r.len >= 3 && memcmp (r.data, "\xef\xbb\xbf", 3) == 0)
    {
      r.data += 3;
      r.len -= 3;
    }

  /* §6: a mail client may turn line ends into CR LF. The writer never writes a CR (one in a
   * string is escaped), so the canonical form, read and hashed, has LF alone. */
  if (memchr (r.data, '\r', r.len) != NULL)
    {
      canonical = canonical_line_ends (r.data, &r.len);
      r.data = canonical;
    }

  if (is_blank (r.data, r.len))
    {
      fail (&r, error, SIX_EXCHANGE_ERROR_EMPTY, NULL, _("the file contains only blank space"));
      return NULL;
    }

  if (!g_utf8_validate (r.data, (gssize) r.len, &end))
    {
      fail (&r, error, *end == '\0' ? SIX_EXCHANGE_ERROR_NOT_JSON : SIX_EXCHANGE_ERROR_NOT_UTF8,
            NULL, *end == '\0' ? "a NUL byte at byte offset %" G_GSIZE_FORMAT
                               : "invalid UTF-8 at byte offset %" G_GSIZE_FORMAT,
            (gsize) (end - r.data));
      return NULL;
    }

  s.name = r.name;
  s.data = r.data;
  s.len = r.len;
  ok = scan (&s, error);
  if (!ok)
    {
      scanner_clear (&s);
      return NULL;
    }

  file = six_exchange_file_new ();
  six_exchange_file_set_display_name (file, display_name);
  parser = json_parser_new_immutable ();
  vvs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                               (GDestroyNotify) six_version_vector_unref);
  replicas = g_hash_table_new (g_str_hash, g_str_equal);
  r.kinds = six_kind_all (&r.n_kinds);
  ids = g_new0 (GHashTable *, r.n_kinds);
  for (guint i = 0; i < r.n_kinds; i++)
    {
      ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
      max_fields = MAX (max_fields, r.kinds[i].n_fields);
    }
  scratch = g_string_new (NULL);
  values = g_new0 (GVariant *, max_fields);
  stamps = g_new0 (SixFieldStamp, max_fields);

  r.file = file;
  r.parser = parser;
  r.vvs = vvs;
  r.replicas = replicas;
  r.ids = ids;
  r.scratch = scratch;
  r.values = values;
  r.stamps = stamps;

  ok = read_header (&r, &s, error) &&
       read_records (&r, &s, error) &&
       check_references (&r, error) &&
       check_checksum (&r, &s, error);

  if (ok && r.options->progress != NULL)
    r.options->progress (1.0, r.options->progress_data);

  for (guint i = 0; i < r.n_kinds; i++)
    g_hash_table_unref (ids[i]);
  scanner_clear (&s);

  return ok ? g_steal_pointer (&file) : NULL;
}

/* Like six_exchange_read_bytes_full () with the default limits. */
SixExchangeFile *
six_exchange_read_bytes (GBytes      *bytes,
                         const char  *display_name,
                         GError     **error)
{
  return six_exchange_read_bytes_full (bytes, display_name, NULL, error);
}

static void
set_too_large (GError     **error,
               const char  *name)
{
  g_autofree char *limit_text = g_format_size (six_exchange_size_limit ());

  _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_TOO_LARGE, name, NULL,
                           _("the file is over the limit of %s"), limit_text);
}

static gboolean
grow (guint8      **data,
      gsize         size,
      const char   *name,
      GError      **error)
{
  g_autofree char *size_text = NULL;
  guint8 *grown = g_try_realloc (*data, size);

  if (grown != NULL)
    {
      *data = grown;
      return TRUE;
    }

  size_text = g_format_size (size);
  _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_TOO_LARGE, name, NULL,
                           _("there is not enough memory to read a file of %s"), size_text);
  return FALSE;
}

/* Reads at most the size limit and one byte more, counting what actually arrives: the size
 * a file reports may be wrong (a file still growing, /proc), so it is only a first guess.
 * Memory that runs out is an error, not an abort. */
static GBytes *
read_bounded (GInputStream  *stream,
              goffset        size_hint,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize limit = six_exchange_size_limit ();
  /* One byte more than the file should hold, so the end is seen without growing. */
  gsize allocated = (gsize) CLAMP (size_hint + 1, 4096, (goffset) limit + 1);
  g_autofree guint8 *data = NULL;
  gsize filled = 0;
  gssize n;

  if (!grow (&data, allocated, name, error))
    return NULL;

  /* A read asks for at most G_MAXSSIZE bytes, which the limit plus one may pass. */
  while ((n = g_input_stream_read (stream, data + filled,
                                   MIN (allocated - filled, (gsize) G_MAXSSIZE), cancellable,
                                   error)) > 0)
    {
      filled += (gsize) n;
      if (filled > limit)
        {
          set_too_large (error, name);
          return NULL;
        }

      if (filled == allocated)
        {
          allocated = MIN (allocated + allocated / 2, limit + 1);
          if (!grow (&data, allocated, name, error))
            return NULL;
        }
    }

  if (n < 0)
    return NULL;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (filled, 1)), filled);
}

/**
 * six_exchange_read_file:
 *
 * six_exchange_read_file_full () with the default options: every reference must resolve in
 * the file.
 */
SixExchangeFile *
six_exchange_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  SixExchangeReadOptions options = { .cancellable = cancellable };

  return six_exchange_read_file_full (file, &options, error);
}

/**
 * six_exchange_read_file_full:
 * @options: (nullable): as for six_exchange_read_bytes_full (); its size limit is not used
 *   (a file is never read past six_exchange_size_limit ())
 *
 * Loads and reads @file. Only a regular file is read (a pipe would block, a device never
 * end), and never more than the size limit, whatever size the file reports.
 * Blocking: call it from a worker thread.
 */
SixExchangeFile *
six_exchange_read_file_full (GFile                         *file,
                             const SixExchangeReadOptions  *options,
                             GError                       **error)
{
  SixExchangeReadOptions read_options = { 0 };
  GCancellable *cancellable = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options != NULL)
    read_options = *options;
  read_options.max_size = 0;
  cancellable = read_options.cancellable;

  basename = g_file_get_basename (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  name = g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME)
           ? g_file_info_get_display_name (info) : basename;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_NOT_REGULAR, name, NULL,
                               _("not a file that can be read (a folder, a device or a pipe)"));
      return NULL;
    }

  if (g_file_info_get_size (info) > (goffset) six_exchange_size_limit ())
    {
      set_too_large (error, name);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  bytes = read_bounded (G_INPUT_STREAM (stream), g_file_info_get_size (info), name,
                        cancellable, error);
  if (bytes == NULL)
    return NULL;

  return six_exchange_read_bytes_full (bytes, name, &read_options, error);
}

static gboolean
is_held (const SixOutsideReference *ref,
         SixExchangeLookupFunc      lookup,
         gpointer                   lookup_data)
{
  for (guint i = 0; ref->field->targets[i] != NULL; i++)
    {
      const SixKind *target = six_kind_lookup (ref->field->targets[i]);

      if (target != NULL && lookup (target, ref->id, lookup_data))
        return TRUE;
    }

  return FALSE;
}

/**
 * six_exchange_resolve_outside:
 * @file: a file read with #SixExchangeReadOptions.defer_references
 * @lookup: whether the reader holds a record; six_import_holds () asks the store
 *
 * The second step of a deferred read, run where @lookup may run (for six_import_holds (): on
 * the thread that owns the database): every record @file refers to without carrying it must
 * be held. A file read without deferring has nothing left to resolve.
 *
 * Returns: %FALSE with @error set as a read that asked the store would have set it:
 *   SIX_EXCHANGE_ERROR_DANGLING_REFERENCE, with the JSON path of the first reference not held
 */
gboolean
six_exchange_resolve_outside (SixExchangeFile        *file,
                              SixExchangeLookupFunc   lookup,
                              gpointer                lookup_data,
                              GError                **error)
{
  GPtrArray *refs;
  const char *name;

  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  refs = six_exchange_file_get_outside_refs (file);
  name = six_exchange_file_get_display_name (file);
  for (guint i = 0; i < refs->len; i++)
    {
      const SixOutsideReference *ref = refs->pdata[i];
      g_autofree char *targets = NULL;

      if (is_held (ref, lookup, lookup_data))
        continue;

      targets = g_strjoinv (" or ", (char **) ref->field->targets);
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE,
                               name != NULL ? name : UNNAMED, ref->path,
                               _("“%s” is neither in this file nor held here as a record of "
                                 "kind %s"), ref->id, targets);
      return FALSE;
    }

  return TRUE;
}
