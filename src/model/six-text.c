/* six-text.c — text from files made safe to show in a message or a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-text"

#include "config.h"

#include "six-text.h"

#include <string.h>

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/**
 * six_text_escape_controls:
 * @keep_newlines: whether "\n" stays a line break (a message of several lines)
 *
 * Writes every control character (C0, DEL, C1) of @text as "\u001b", and every byte
 * that is not UTF-8 as "\xff", so text quoted from a file cannot move a terminal's
 * cursor, retitle its window or hide what follows.
 *
 * Returns: (transfer full): the escaped text
 */
char *
six_text_escape_controls (const char *text,
                          gboolean    keep_newlines)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (is_control (c) && !(keep_newlines && c == '\n'))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}
