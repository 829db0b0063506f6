/* six-make-pack.c — writes the reference pack from the facts, as the `reference` replica
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-make-pack"

#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-iso-codes.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/*
 * How a pack is made, so that a newer pack changes only what the facts changed:
 *
 * 1. A new in-memory database whose replica is "reference" and whose wall clock is fixed at
 *    the pack's as_of date (pack.json), so the output does not depend on when it is run.
 * 2. The previous committed pack is imported into it, clocks and all.
 * 3. The facts become local edits, every field the pack owns given (NULL included). The
 *    store stamps only values that changed, so unchanged fields keep their old clocks and a
 *    changed one gets a vector that dominates the old: users' databases update it without a
 *    conflict, unless a user edited that very field. Records the facts no longer hold are
 *    marked deleted.
 * 4. The whole database is exported at the public level with an export id derived from the
 *    version and created_at = as_of: the same facts always give the same bytes.
 *
 * The generator also checks the facts against each other: entry into force against Art. 17,
 * original deadlines against entry into force + 8 / + 10 years, current deadlines against
 * the extensions granted, the States against the counts, and every source reference.
 */

/* Name-based (version 5) UUIDs in this namespace give the pack's user-keyed records, and
 * each version's export, the same id every time the pack is written. */
#define PACK_UUID_NAMESPACE "5c1f3f0e-8a53-4d6a-9c8e-0b7e6a2d4f61"

typedef struct
{
  /* Owned */
  JsonNode   *states;
  JsonNode   *obligations;
  JsonNode   *dap;
  JsonNode   *lap;
  JsonNode   *regions;
  JsonNode   *un_members;
  JsonNode   *pack;
  GHashTable *region_of;    /* alpha-3 → region */
  GHashTable *eif_of;       /* alpha-3 → entry into force, for the obligations */
  GPtrArray  *edits;        /* SixEdit, in the order they must be applied */
  GHashTable *produced;     /* "kind/id" of every record the facts hold */
  GHashTable *noted;        /* "kind/id" of every record that has a note */

  /* Borrowed */
  const char *as_of;
} Pack;

static void
pack_clear (Pack *pack)
{
  g_clear_pointer (&pack->states, json_node_unref);
  g_clear_pointer (&pack->obligations, json_node_unref);
  g_clear_pointer (&pack->dap, json_node_unref);
  g_clear_pointer (&pack->lap, json_node_unref);
  g_clear_pointer (&pack->regions, json_node_unref);
  g_clear_pointer (&pack->un_members, json_node_unref);
  g_clear_pointer (&pack->pack, json_node_unref);
  g_clear_pointer (&pack->region_of, g_hash_table_unref);
  g_clear_pointer (&pack->eif_of, g_hash_table_unref);
  g_clear_pointer (&pack->edits, g_ptr_array_unref);
  g_clear_pointer (&pack->produced, g_hash_table_unref);
  g_clear_pointer (&pack->noted, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pack, pack_clear)

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);

  return FALSE;
}

/* JSON access: a missing member and a JSON null both read as "not known". */

static JsonNode *
load_json (const char  *dir,
           const char  *name,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      fail (error, "%s: not a JSON object", path);
      return NULL;
    }

  return root;
}

static JsonObject *
object_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ?
    json_node_get_string (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  return object_of (member (object, name));
}

static guint
array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

static JsonObject *
nth_object (JsonArray *array,
            guint      nth)
{
  return object_of (json_array_get_element (array, nth));
}

static gboolean
require_string (JsonObject  *object,
                const char  *name,
                const char  *where,
                const char **out,
                GError     **error)
{
  *out = get_string (object, name);
  if (*out == NULL)
    return fail (error, "%s: “%s” is missing", where, name);

  return TRUE;
}

/* Facts into field values. */

static gboolean
basis_is_verified (const char *basis)
{
  /* "verified", or "verified (…)"/"verified request (…)": the fact itself was checked. */
  return basis != NULL && g_str_has_prefix (basis, "verified") &&
         (basis[8] == '\0' || basis[8] == ' ');
}

static guint
confidence_rank (const char *confidence)
{
  static const char * const ranks[] = { "unknown", "low", "medium", "high", NULL };

  for (guint i = 0; ranks[i] != NULL; i++)
    if (g_strcmp0 (ranks[i], confidence) == 0)
      return i;

  return 0;
}

static const char *
lower_confidence (const char *a,
                  const char *b)
{
  return confidence_rank (a) <= confidence_rank (b) ? a : b;
}

/* A date is shipped only when the day is known: "2020" or "2015-12" stay in the notes. */
static const char *
full_date (const char *text)
{
  return six_date_is_valid (text) ? text : NULL;
}

static char *
add_years (const char *date,
           guint       years)
{
  guint year = (guint) g_ascii_strtoull (date, NULL, 10);

  return g_strdup_printf ("%04u%s", year + years, date + 4);
}

/* Art. 17: the first 30 instruments (the 30th deposited on 16 Feb 2010) from 1 Aug 2010;
 * later ones on the first day of the sixth month after the month of deposit. */
static char *
compute_entry_into_force (const char *deposited)
{
  guint year = (guint) g_ascii_strtoull (deposited, NULL, 10);
  guint month = (guint) g_ascii_strtoull (deposited + 5, NULL, 10) + 6;

  if (strcmp (deposited, "2010-02-16") <= 0)
    return g_strdup ("2010-08-01");

  if (month > 12)
    {
      month -= 12;
      year++;
    }

  return g_strdup_printf ("%04u-%02u-01", year, month);
}

/* Drops a researcher's annotation from a title: "(… NOT verified)" goes, "(full title
 * truncated …)" becomes an ellipsis; a real parenthesis such as "(and retention)" stays. */
static char *
strip_annotation (const char *title)
{
  const char *open = g_strrstr (title, " (");
  g_autofree char *inside = NULL;

  if (open == NULL || !g_str_has_suffix (title, ")"))
    return g_strdup (title);

  inside = g_strndup (open + 2, strlen (open) - 3);
  if (strstr (inside, "truncated") != NULL)
    return g_strdup_printf ("%.*s…", (int) (open - title), title);
  if (strstr (inside, "NOT verified") != NULL)
    return g_strndup (title, open - title);

  return g_strdup (title);
}

static char *
uuid_for (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 namespace[16];
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  const char *p = PACK_UUID_NAMESPACE;

  for (guint i = 0; i < 16; i++)
    {
      if (*p == '-')
        p++;
      namespace[i] = (guint8) (g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]));
      p += 2;
    }

  g_checksum_update (checksum, namespace, sizeof namespace);
  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);

  /* RFC 4122 §4.3: version 5, variant 10. */
  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The citation of a fact: the titles of its sources in its file's list of sources. */
static gboolean
dup_sources (JsonObject  *file,
             JsonArray   *refs,
             const char  *basis,
             const char  *where,
             char       **out,
             GError     **error)
{
  JsonArray *sources = get_array (file, "sources");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < array_length (refs); i++)
    {
      const char *ref = json_array_get_string_element (refs, i);
      const char *title = NULL;

      for (guint j = 0; j < array_length (sources) && title == NULL; j++)
        if (g_strcmp0 (get_string (nth_object (sources, j), "id"), ref) == 0)
          title = get_string (nth_object (sources, j), "title");

      if (title == NULL)
        return fail (error, "%s: source “%s” is not in the file's sources", where, ref);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, title);
    }

  if (text->len == 0)
    g_string_append_printf (text, "No source recorded (basis: %s)",
                            basis != NULL ? basis : "none");

  *out = g_string_free (g_steal_pointer (&text), FALSE);

  return TRUE;
}

/* Edits. Each record's first edit sets it public and live, so a record the facts bring back
 * after a pack had deleted it comes back; every field the pack owns is given, NULL included,
 * so a fact dropped from the sources is cleared rather than left behind. */

static SixEdit *
add_edit (Pack       *pack,
          const char *kind_name,
          const char *id,
          const char *source)
{
  const SixKind *kind = six_kind_lookup (kind_name);
  SixEdit *edit;
  char *key;

  g_assert (kind != NULL);

  edit = six_edit_new (kind, id);
  six_edit_set_source (edit, source);
  g_ptr_array_add (pack->edits, edit);

  key = g_strdup_printf ("%s/%s", kind_name, id);
  if (g_hash_table_add (pack->produced, key))
    {
      six_edit_set_string (edit, "visibility", "public");
      six_edit_set_boolean (edit, "deleted", FALSE);
    }

  return edit;
}

static void
set_fact (SixEdit    *edit,
          const char *confidence,
          gboolean    verified)
{
  six_edit_set_string (edit, "confidence", confidence);
  six_edit_set_boolean (edit, "verified", verified);
}

static gboolean
add_note (Pack        *pack,
          const char  *target_kind,
          const char  *target,
          const char  *text,
          const char  *source,
          GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", target_kind, target);
  g_autofree char *id = NULL;
  SixEdit *edit;

  if (text == NULL || *text == '\0')
    return TRUE;

  if (!g_hash_table_add (pack->noted, g_strdup (key)))
    return fail (error, "%s has two notes", key);

  id = uuid_for (key);
  edit = add_edit (pack, "note", id, source);
  six_edit_set_string (edit, "target", target);
  six_edit_set_string (edit, "text", text);

  return TRUE;
}

/* Plans, sections and actions. */

static void
parse_years (const char *period,
             gint64     *first,
             gint64     *last)
{
  guint found = 0;

  *first = *last = 0;

  for (const char *p = period; p != NULL && *p != '\0' && found < 2; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) &&
          (p == period || !g_ascii_isdigit (p[-1])))
        {
          gint64 year = g_ascii_strtoll (p, NULL, 10);

          *(found++ == 0 ? first : last) = year;
          p += 3;
        }
    }
}

static gboolean
add_plan (Pack        *pack,
          JsonObject  *editorial,
          JsonObject  *facts,
          GError     **error)
{
  const char *id = get_string (editorial, "id");
  JsonObject *document = get_object (facts, "document");
  const char *symbol = get_string (document, "final_report_symbol");
  const char *symbol_confidence = get_string (document, "final_report_symbol_confidence");
  const char *symbol_basis = get_string (document, "final_report_symbol_basis");
  const char *confidence = get_string (editorial, "confidence");
  const char *as_of = get_string (facts, "as_of");
  gboolean verified = basis_is_verified (get_string (editorial, "basis"));
  g_autofree char *source = NULL;
  g_autofree char *symbol_source = NULL;
  g_autofree char *adopted_on = NULL;
  const char *title;
  gint64 first, last;
  SixEdit *edit;

  if (!require_string (document, "name", id, &title, error) ||
      !dup_sources (facts, get_array (editorial, "source_refs"), NULL, id, &source, error))
    return FALSE;

  parse_years (get_string (document, "period"), &first, &last);
  if (first == 0 || last < first)
    return fail (error, "%s: no “first year–last year” in the period", id);

  if (as_of != NULL && strstr (as_of, "(adoption)") != NULL)
    adopted_on = g_strndup (as_of, 10);
  if (adopted_on != NULL && !six_date_is_valid (adopted_on))
    return fail (error, "%s: “%s” does not start with the adoption date", id, as_of);

  edit = add_edit (pack, "plan", id, source);
  six_edit_set_string (edit, "title", title);
  six_edit_set_string (edit, "short_title", get_string (document, "abbreviation"));
  six_edit_set_int (edit, "first_year", first);
  six_edit_set_int (edit, "last_year", last);
  six_edit_set_string (edit, "adopted_at", get_string (document, "adopted_at"));
  six_edit_set_string (edit, "adopted_on", adopted_on);

  /* The record is only as sure as its least sure field. */
  if (symbol != NULL)
    {
      confidence = lower_confidence (confidence, symbol_confidence);
      verified = verified && basis_is_verified (symbol_basis);
    }
  set_fact (edit, confidence, verified);

  symbol_source = basis_is_verified (symbol_basis) ? g_strdup (source) :
    g_strdup_printf ("Not verified: %s", symbol_basis != NULL ? symbol_basis : "no basis");
  edit = add_edit (pack, "plan", id, symbol_source);
  six_edit_set_string (edit, "symbol", symbol);

  return TRUE;
}

static char *
section_id (const char *plan,
            const char *section)
{
  g_autofree char *key = g_strdup (section);

  g_strdelimit (key, "_", '-');

  return strcmp (plan, "dap") == 0 ? g_strdup_printf ("dap:s%s", key) :
                                     g_strdup_printf ("%s:s-%s", plan, key);
}

static gboolean
add_sections (Pack        *pack,
              const char  *plan,
              JsonObject  *facts,
              GError     **error)
{
  JsonArray *sections = get_array (facts, "sections");

  if (array_length (sections) == 0)
    return fail (error, "%s: no sections", plan);

  for (guint i = 0; i < array_length (sections); i++)
    {
      JsonObject *section = nth_object (sections, i);
      const char *basis = get_string (section, "basis");
      g_autofree char *where = g_strdup_printf ("%s: sections[%u]", plan, i);
      g_autofree char *id = NULL;
      g_autofree char *source = NULL;
      g_autofree char *title = NULL;
      const char *key, *raw_title;
      gint64 position = i + 1;
      SixEdit *edit;

      if (!require_string (section, "id", where, &key, error) ||
          !require_string (section, "title", where, &raw_title, error) ||
          !dup_sources (facts, get_array (section, "source_refs"), basis, where, &source,
                        error))
        return FALSE;

      /* DAP sections are numbered; keep the number as the position. */
      if (strcmp (plan, "dap") == 0)
        position = g_ascii_strtoll (key, NULL, 10);

      id = section_id (plan, key);
      title = strip_annotation (raw_title);

      edit = add_edit (pack, "plan_section", id, source);
      six_edit_set_string (edit, "plan", plan);
      six_edit_set_int (edit, "position", position);
      six_edit_set_string (edit, "title", title);
      set_fact (edit, get_string (section, "confidence"), basis_is_verified (basis));

      if (!add_note (pack, "plan_section", id, get_string (section, "note"), source, error))
        return FALSE;
    }

  return TRUE;
}

/* "2.5" → 205, so a later placeholder or a found action never renumbers the others. */
static gint64
dap_position (const char *number)
{
  char *dot = NULL;
  gint64 major = g_ascii_strtoll (number, &dot, 10);

  return major * 100 + (dot != NULL && *dot == '.' ? g_ascii_strtoll (dot + 1, NULL, 10) : 0);
}

static SixEdit *
add_action (Pack       *pack,
            const char *plan,
            const char *number,
            const char *section,
            gint64      position,
            const char *title,
            const char *source)
{
  g_autofree char *id = g_strdup_printf ("%s:%s", plan, number);
  g_autofree char *section_ref = section_id (plan, section);
  SixEdit *edit = add_edit (pack, "action", id, source);

  six_edit_set_string (edit, "plan", plan);
  six_edit_set_string (edit, "section", section_ref);
  six_edit_set_string (edit, "number", number);
  six_edit_set_int (edit, "position", position);
  six_edit_set_string (edit, "title", title);
  six_edit_set_string (edit, "indicators", NULL);

  return edit;
}

static gboolean
add_dap_actions (Pack        *pack,
                 JsonObject  *facts,
                 GError     **error)
{
  JsonArray *actions = get_array (facts, "actions");
  JsonArray *placeholders = get_array (object_of (pack->pack), "placeholders");
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < array_length (actions); i++)
    {
      JsonObject *action = nth_object (actions, i);
      const char *basis = get_string (action, "basis");
      g_autofree char *where = g_strdup_printf ("dap.json: actions[%u]", i);
      g_autofree char *source = NULL;
      g_autofree char *title = NULL;
      g_autofree char *id = NULL;
      const char *number, *section, *raw_title;
      SixEdit *edit;

      if (!require_string (action, "id", where, &number, error) ||
          !require_string (action, "section", where, &section, error) ||
          !require_string (action, "title", where, &raw_title, error) ||
          !dup_sources (facts, get_array (action, "source_refs"), basis, where, &source, error))
        return FALSE;

      title = strip_annotation (raw_title);
      edit = add_action (pack, "dap", number, section, dap_position (number), title, source);
      six_edit_set_string (edit, "summary", NULL);
      set_fact (edit, get_string (action, "confidence"), basis_is_verified (basis));
      g_hash_table_add (known, (gpointer) number);

      id = g_strdup_printf ("dap:%s", number);
      if (!add_note (pack, "action", id, get_string (action, "note"), source, error))
        return FALSE;
    }

  /* Numbers the facts say exist but whose titles were not recovered: never a guessed
   * title, only "Action N", unknown and unverified; no note saying so, which every search
   * for its words would find (the action plans page says it once per plan). */
  for (guint i = 0; i < array_length (placeholders); i++)
    {
      JsonObject *placeholder = nth_object (placeholders, i);
      g_autofree char *where = g_strdup_printf ("pack.json: placeholders[%u]", i);
      g_autofree char *title = NULL;
      const char *number, *section;
      const char *source = "Placeholder: the action exists, its title was not recovered";
      SixEdit *edit;

      if (!require_string (placeholder, "number", where, &number, error) ||
          !require_string (placeholder, "section", where, &section, error))
        return FALSE;

      if (g_strcmp0 (get_string (placeholder, "plan"), "dap") != 0)
        return fail (error, "%s: only DAP placeholders are expected", where);
      if (g_hash_table_contains (known, number))
        return fail (error, "%s: action %s is known now; drop the placeholder", where, number);

      title = g_strdup_printf ("Action %s", number);
      edit = add_action (pack, "dap", number, section, dap_position (number), title, source);
      six_edit_set_string (edit, "summary", NULL);
      set_fact (edit, "unknown", FALSE);
    }

  return TRUE;
}

static gboolean
add_lap_actions (Pack        *pack,
                 JsonObject  *facts,
                 GError     **error)
{
  JsonArray *actions = get_array (facts, "actions");
  JsonNode *count = member (get_object (facts, "document"), "action_count");

  if (count == NULL || json_node_get_int (count) != array_length (actions))
    return fail (error, "lap.json: action_count does not match the %u actions listed",
                 array_length (actions));

  for (guint i = 0; i < array_length (actions); i++)
    {
      JsonObject *action = nth_object (actions, i);
      const char *basis = get_string (action, "basis");
      const char *gist = get_string (action, "gist");
      JsonNode *number_node = member (action, "number");
      g_autofree char *where = g_strdup_printf ("lap.json: actions[%u]", i);
      g_autofree char *source = NULL;
      g_autofree char *number = NULL;
      g_autofree char *title = NULL;
      const char *section;
      SixEdit *edit;

      if (number_node == NULL || json_node_get_int (number_node) != i + 1)
        return fail (error, "%s: actions must be numbered 1 to %u in order", where,
                     array_length (actions));

      if (!require_string (action, "section", where, &section, error) ||
          !dup_sources (facts, get_array (action, "source_refs"), basis, where, &source, error))
        return FALSE;

      /* The LAP's actions have no recovered titles: the number names them, the gist (our own
       * words) summarises them, and a gist that only says "Unknown (possibly …)" is a guess. */
      if (gist != NULL && g_str_has_prefix (gist, "Unknown"))
        gist = NULL;

      number = g_strdup_printf ("%u", i + 1);
      title = g_strdup_printf ("Action %u", i + 1);
      edit = add_action (pack, "lap", number, section, i + 1, title, source);
      six_edit_set_string (edit, "summary", gist);
      set_fact (edit, get_string (action, "confidence"), basis_is_verified (basis));
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The crosswalk is symmetric: each action of a pair lists the other as related. */
static gboolean
add_crosswalk (Pack    *pack,
               GError **error)
{
  JsonObject *crosswalk = get_object (object_of (pack->pack), "crosswalk");
  JsonArray *pairs = crosswalk != NULL ? get_array (crosswalk, "pairs") : NULL;
  const char *source = crosswalk != NULL ? get_string (crosswalk, "source") : NULL;
  g_autoptr(GHashTable) related = NULL;
  g_autoptr(GList) ids = NULL;

  if (array_length (pairs) == 0 || source == NULL)
    return fail (error, "pack.json: “crosswalk” needs “pairs” and a “source”");

  related = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < array_length (pairs); i++)
    {
      JsonArray *pair = json_array_get_array_element (pairs, i);

      if (array_length (pair) != 2)
        return fail (error, "pack.json: crosswalk.pairs[%u]: a pair has two actions", i);

      for (guint side = 0; side < 2; side++)
        {
          const char *id = json_array_get_string_element (pair, side);
          const char *other = json_array_get_string_element (pair, 1 - side);
          g_autofree char *key = g_strdup_printf ("action/%s", id);
          GPtrArray *set;

          if (!g_hash_table_contains (pack->produced, key))
            return fail (error, "pack.json: crosswalk.pairs[%u]: no action “%s”", i, id);

          set = g_hash_table_lookup (related, id);
          if (set == NULL)
            g_hash_table_insert (related, (gpointer) id, (set = g_ptr_array_new ()));
          g_ptr_array_add (set, (gpointer) other);
        }
    }

  ids = g_list_sort (g_hash_table_get_keys (related), (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      GPtrArray *set = g_hash_table_lookup (related, l->data);
      SixEdit *edit = add_edit (pack, "action", l->data, source);

      g_ptr_array_sort (set, compare_strings);
      six_edit_set (edit, "related",
                    g_variant_new_strv ((const char * const *) set->pdata, set->len));
    }

  return TRUE;
}

static gboolean
add_plans (Pack    *pack,
           GError **error)
{
  JsonArray *plans = get_array (object_of (pack->pack), "plans");

  for (guint i = 0; i < array_length (plans); i++)
    {
      JsonObject *editorial = nth_object (plans, i);
      const char *id = get_string (editorial, "id");
      JsonObject *facts = NULL;

      if (g_strcmp0 (id, "dap") == 0)
        facts = object_of (pack->dap);
      else if (g_strcmp0 (id, "lap") == 0)
        facts = object_of (pack->lap);
      else
        return fail (error, "pack.json: plans[%u]: unknown plan “%s”", i, id);

      if (!add_plan (pack, editorial, facts, error))
        return FALSE;
    }

  /* Sections and actions after both plans, so every reference resolves. */
  return add_sections (pack, "dap", object_of (pack->dap), error) &&
         add_sections (pack, "lap", object_of (pack->lap), error) &&
         add_dap_actions (pack, object_of (pack->dap), error) &&
         add_lap_actions (pack, object_of (pack->lap), error) &&
         add_crosswalk (pack, error);
}

/* Countries. */

static gboolean
load_regions (Pack    *pack,
              GError **error)
{
  JsonObject *regions = get_object (object_of (pack->regions), "regions");
  const SixField *field = six_kind_get_field (six_kind_lookup ("country"), "region");
  g_autoptr(GList) names = regions != NULL ? json_object_get_members (regions) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *codes = get_array (regions, l->data);

      if (!six_field_has_value (field, l->data))
        return fail (error, "regions.json: “%s” is not a region", (const char *) l->data);

      for (guint i = 0; i < array_length (codes); i++)
        {
          const char *code = json_array_get_string_element (codes, i);

          if (!g_hash_table_insert (pack->region_of, (gpointer) code, l->data))
            return fail (error, "regions.json: %s is in two regions", code);
        }
    }

  return TRUE;
}

static const char *
map_status (const char *status)
{
  if (g_strcmp0 (status, "state_party") == 0)
    return "party";
  if (g_strcmp0 (status, "signatory") == 0 || g_strcmp0 (status, "withdrawn") == 0)
    return status;

  return NULL;
}

/* Checks a deadline the facts state against the one computed from entry into force. */
static gboolean
check_deadline (const char  *where,
                const char  *stated,
                const char  *entry_into_force,
                guint        years,
                GError     **error)
{
  g_autofree char *computed = add_years (entry_into_force, years);

  if (stated != NULL && strcmp (stated, computed) != 0)
    return fail (error, "%s: the facts give %s, entry into force %s + %u years is %s",
                 where, stated, entry_into_force, years, computed);

  return TRUE;
}

/* A country's first edit carries its required name and status together, so one citation
 * covers both: where the status comes from, then where the name does. */
static SixEdit *
add_country (Pack        *pack,
             const char  *alpha3,
             const char  *status,
             const char  *status_source,
             GError     **error)
{
  JsonObject *editorial = object_of (pack->pack);
  const char *name = six_iso_codes_get_english_name (alpha3);
  const char *region = g_hash_table_lookup (pack->region_of, alpha3);
  const char *name_source = get_string (editorial, six_iso_codes_has_un_name (alpha3) ?
                                                     "un_name_source" : "iso_source");
  g_autofree char *source = g_strdup_printf ("%s. Name: %s", status_source, name_source);
  SixEdit *edit;
  SixEdit *region_edit;

  if (name == NULL)
    {
      fail (error, "%s is not in iso-codes", alpha3);
      return NULL;
    }
  if (region == NULL)
    {
      fail (error, "regions.json: %s has no region", alpha3);
      return NULL;
    }

  edit = add_edit (pack, "country", alpha3, source);
  six_edit_set_string (edit, "alpha2", six_iso_codes_get_alpha2 (alpha3));
  six_edit_set_string (edit, "name", name);
  six_edit_set_string (edit, "status", status);

  region_edit = add_edit (pack, "country", alpha3, get_string (editorial, "region_source"));
  six_edit_set_string (region_edit, "region", region);

  return edit;
}

static gboolean
add_state (Pack        *pack,
           JsonObject  *state,
           guint        nth,
           GError     **error)
{
  JsonObject *facts = object_of (pack->states);
  const char *alpha2 = get_string (state, "alpha2");
  const char *alpha3 = six_iso_codes_alpha2_to_alpha3 (alpha2);
  const char *status = map_status (get_string (state, "status"));
  const char *basis = get_string (state, "basis");
  const char *deposited = get_string (state, "instrument_date");
  const char *entry_into_force = get_string (state, "entry_into_force");
  g_autofree char *where = g_strdup_printf ("states.json: items[%u]", nth);
  g_autofree char *source = NULL;
  SixEdit *edit;

  if (alpha3 == NULL || g_strcmp0 (alpha3, get_string (state, "alpha3")) != 0)
    return fail (error, "%s: %s is %s in iso-codes", where, alpha2, alpha3);
  if (status == NULL)
    return fail (error, "%s: unknown status “%s”", where, get_string (state, "status"));
  if (!dup_sources (facts, get_array (state, "source_refs"), basis, where, &source, error))
    return FALSE;

  if (deposited != NULL)
    {
      g_autofree char *computed = compute_entry_into_force (deposited);

      if (g_strcmp0 (computed, entry_into_force) != 0)
        return fail (error, "%s: deposited %s, so in force on %s (Art. 17), not %s", where,
                     deposited, computed, entry_into_force);
      if (!check_deadline (where, get_string (state, "art3_original_deadline_if_stockpile"),
                           entry_into_force, 8, error) ||
          !check_deadline (where, get_string (state, "art4_original_deadline_if_contaminated"),
                           entry_into_force, 10, error))
        return FALSE;

      g_hash_table_insert (pack->eif_of, (gpointer) alpha3, (gpointer) entry_into_force);
    }

  edit = add_country (pack, alpha3, status, source, error);
  if (edit == NULL)
    return FALSE;

  six_edit_set_string (edit, "signed_on", get_string (state, "signature_date"));
  six_edit_set_string (edit, "instrument", get_string (state, "instrument"));
  six_edit_set_string (edit, "instrument_on", deposited);
  six_edit_set_string (edit, "entry_into_force", entry_into_force);
  six_edit_set_string (edit, "withdrawn_on", get_string (state, "withdrawal_effective"));
  set_fact (edit, get_string (state, "confidence"), basis_is_verified (basis));

  return add_note (pack, "country", alpha3, get_string (state, "note"), source, error);
}

static gboolean
add_countries (Pack    *pack,
               GError **error)
{
  JsonObject *facts = object_of (pack->states);
  JsonArray *states = get_array (facts, "items");
  JsonArray *members = get_array (object_of (pack->un_members), "members");
  JsonObject *counts = get_object (facts, "counts");
  g_autoptr(GHashTable) in_states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) not_party = g_ptr_array_new ();
  guint n_parties = 0, n_signatories = 0, n_withdrawn = 0;

  if (!load_regions (pack, error))
    return FALSE;

  for (guint i = 0; i < array_length (states); i++)
    {
      JsonObject *state = nth_object (states, i);
      const char *status = map_status (get_string (state, "status"));

      if (!add_state (pack, state, i, error))
        return FALSE;

      g_hash_table_add (in_states, (gpointer) get_string (state, "alpha3"));
      n_parties += g_strcmp0 (status, "party") == 0;
      n_signatories += g_strcmp0 (status, "signatory") == 0;
      n_withdrawn += g_strcmp0 (status, "withdrawn") == 0;
    }

  /* The list must be the whole membership the counts describe, or "not party" below lies. */
  if (n_parties != json_object_get_int_member (counts, "states_parties") ||
      n_signatories != json_object_get_int_member (counts, "signatories_not_ratified") ||
      n_withdrawn != json_object_get_int_member (counts, "withdrawn"))
    return fail (error, "states.json: %u parties, %u signatories, %u withdrawn do not match "
                 "its counts", n_parties, n_signatories, n_withdrawn);

  for (guint i = 0; i < array_length (members); i++)
    {
      const char *alpha3 = json_array_get_string_element (members, i);

      if (!g_hash_table_contains (in_states, alpha3))
        g_ptr_array_add (not_party, (gpointer) alpha3);
    }
  g_ptr_array_sort (not_party, compare_strings);

  for (guint i = 0; i < not_party->len; i++)
    {
      const char *alpha3 = not_party->pdata[i];
      SixEdit *edit;

      /* The complement of a membership list whose size matches the verified counts. */
      edit = add_country (pack, alpha3, "not_party",
                          get_string (object_of (pack->pack), "not_party_source"), error);
      if (edit == NULL)
        return FALSE;

      six_edit_set_string (edit, "signed_on", NULL);
      six_edit_set_string (edit, "instrument", NULL);
      six_edit_set_string (edit, "instrument_on", NULL);
      six_edit_set_string (edit, "entry_into_force", NULL);
      six_edit_set_string (edit, "withdrawn_on", NULL);
      set_fact (edit, "high", TRUE);
    }

  return TRUE;
}

/* Obligations, extensions, the 2018 reporting cycle. */

static const char *
obligation_country (Pack        *pack,
                    JsonObject  *item,
                    const char  *where,
                    GError     **error)
{
  const char *alpha2 = get_string (item, "alpha2");
  const char *alpha3 = six_iso_codes_alpha2_to_alpha3 (alpha2);
  g_autofree char *key = g_strdup_printf ("country/%s", alpha3);

  if (alpha3 == NULL || !g_hash_table_contains (pack->produced, key))
    {
      fail (error, "%s: “%s” is not a known State", where, alpha2);
      return NULL;
    }

  return alpha3;
}

static gboolean
add_extensions (Pack        *pack,
                JsonObject  *facts,
                JsonArray   *extensions,
                const char  *obligation,
                const char  *where,
                GError     **error)
{
  for (guint i = 0; i < array_length (extensions); i++)
    {
      JsonObject *extension = nth_object (extensions, i);
      const char *basis = get_string (extension, "basis");
      const char *note = get_string (extension, "note");
      g_autofree char *at = g_strdup_printf ("%s: extensions[%u]", where, i);
      g_autofree char *id = g_strdup_printf ("%s:%u", obligation, i + 1);
      g_autofree char *source = NULL;
      g_autofree char *text = NULL;
      SixEdit *edit;

      if (!dup_sources (facts, get_array (extension, "source_refs"), basis, at, &source, error))
        return FALSE;

      edit = add_edit (pack, "extension_request", id, source);
      six_edit_set_string (edit, "obligation", obligation);
      six_edit_set_string (edit, "submitted_on", NULL);
      six_edit_set_string (edit, "requested_until", get_string (extension, "requested_until"));
      six_edit_set_string (edit, "decided_at", get_string (extension, "decided_at"));
      six_edit_set_string (edit, "decision", get_string (extension, "decision"));
      six_edit_set_string (edit, "granted_until", get_string (extension, "new_deadline"));
      set_fact (edit, get_string (extension, "confidence"), basis_is_verified (basis));

      /* What exactly was checked matters most here: keep the basis beside the note. */
      if (basis != NULL && strcmp (basis, "verified") != 0)
        text = note != NULL ? g_strdup_printf ("%s. Basis: %s", note, basis) :
                              g_strdup_printf ("Basis: %s", basis);
      else
        text = g_strdup (note);

      if (!add_note (pack, "extension_request", id, text, source, error))
        return FALSE;
    }

  return TRUE;
}

/* A note with one more sentence (which it takes). */
static char *
append_sentence (const char *note,
                 char       *sentence)
{
  g_autofree char *owned = sentence;

  if (note == NULL)
    return g_steal_pointer (&owned);

  return g_strdup_printf ("%s. %s", note, owned);
}

static gboolean
add_obligation (Pack        *pack,
                JsonObject  *item,
                guint        nth,
                GError     **error)
{
  JsonObject *facts = object_of (pack->obligations);
  JsonArray *extensions = get_array (item, "extensions");
  const char *article = get_string (item, "article");
  const char *basis = get_string (item, "basis");
  const char *completion = get_string (item, "completion_date");
  const char *note = get_string (item, "note");
  g_autofree char *where = g_strdup_printf ("obligations.json: items[%u]", nth);
  g_autofree char *id = NULL;
  g_autofree char *source = NULL;
  g_autofree char *original = NULL;
  g_autofree char *notes = NULL;
  const char *alpha3, *entry_into_force, *current, *latest;
  SixEdit *edit;
  guint years;

  alpha3 = obligation_country (pack, item, where, error);
  if (alpha3 == NULL)
    return FALSE;

  if (g_strcmp0 (article, "art3") == 0)
    years = 8;
  else if (g_strcmp0 (article, "art4") == 0)
    years = 10;
  else
    return fail (error, "%s: unexpected article “%s”", where, article);

  entry_into_force = g_hash_table_lookup (pack->eif_of, alpha3);
  if (entry_into_force == NULL || g_strcmp0 (entry_into_force,
                                             get_string (item, "entry_into_force")) != 0)
    return fail (error, "%s: entry into force differs from states.json", where);

  original = add_years (entry_into_force, years);
  if (!check_deadline (where, get_string (item, "original_deadline"), entry_into_force, years,
                       error))
    return FALSE;

  /* The current deadline is the last one an extension granted, else the original; an
   * extension granted to a day nobody found leaves it unknown, never the old date. */
  current = original;
  for (guint i = 0; i < array_length (extensions); i++)
    {
      JsonObject *extension = nth_object (extensions, i);
      const char *decision = get_string (extension, "decision");

      if (g_strcmp0 (decision, "granted") == 0 || g_strcmp0 (decision, "granted_presumed") == 0)
        current = get_string (extension, "new_deadline");
    }
  latest = get_string (item, "latest_known_deadline");
  if (current == NULL ? latest == NULL || full_date (latest) != NULL :
                        g_strcmp0 (current, latest) != 0)
    return fail (error, "%s: extensions give %s, latest_known_deadline is %s", where,
                 current != NULL ? current : "an unknown day", latest);

  if (!dup_sources (facts, get_array (item, "source_refs"), basis, where, &source, error))
    return FALSE;

  if (completion != NULL && full_date (completion) == NULL)
    notes = append_sentence (note, g_strdup_printf ("Completed in %s (day not known).",
                                                    completion));
  else if (current == NULL)
    notes = append_sentence (note, g_strdup_printf ("Current deadline: in %s (day not known).",
                                                    latest));
  else
    notes = g_strdup (note);

  id = g_strdup_printf ("%s:%s", alpha3, article);

  edit = add_edit (pack, "obligation", id, get_string (object_of (pack->pack),
                                                      "deadline_source"));
  six_edit_set_string (edit, "country", alpha3);
  six_edit_set_string (edit, "article", article);
  six_edit_set_string (edit, "original_deadline", original);

  edit = add_edit (pack, "obligation", id, source);
  six_edit_set_string (edit, "current_deadline", current);
  six_edit_set_string (edit, "status", get_string (item, "status"));
  six_edit_set_string (edit, "completed_on", full_date (completion));
  six_edit_set_string (edit, "notes", notes);
  set_fact (edit, get_string (item, "confidence"), basis_is_verified (basis));

  return add_extensions (pack, facts, extensions, id, where, error);
}

static gboolean
add_victim_assistance (Pack        *pack,
                       JsonObject  *item,
                       guint        nth,
                       GError     **error)
{
  JsonObject *facts = object_of (pack->obligations);
  const char *basis = get_string (item, "basis");
  g_autofree char *where = g_strdup_printf ("obligations.json: victim_assistance[%u]", nth);
  g_autofree char *id = NULL;
  g_autofree char *source = NULL;
  const char *alpha3;
  SixEdit *edit;

  alpha3 = obligation_country (pack, item, where, error);
  if (alpha3 == NULL)
    return FALSE;

  if (g_strcmp0 (get_string (item, "article"), "art5") != 0)
    return fail (error, "%s: expected an Art. 5 entry", where);
  if (!dup_sources (facts, get_array (item, "listed_by"), basis, where, &source, error))
    return FALSE;

  id = g_strdup_printf ("%s:art5", alpha3);
  edit = add_edit (pack, "obligation", id, source);
  six_edit_set_string (edit, "country", alpha3);
  six_edit_set_string (edit, "article", "art5");
  six_edit_set_string (edit, "notes", get_string (item, "note"));
  set_fact (edit, get_string (item, "confidence"), basis_is_verified (basis));

  return TRUE;
}

static gboolean
add_requests (Pack        *pack,
              JsonObject  *cycle,
              guint        nth,
              GError     **error)
{
  JsonObject *facts = object_of (pack->obligations);
  JsonObject *editorial = object_of (pack->pack);
  JsonObject *by_obligation = get_object (cycle, "by_obligation");
  JsonObject *descriptions = get_object (editorial, "request_descriptions");
  JsonObject *renamed = get_object (editorial, "request_categories");
  JsonObject *notes = get_object (editorial, "request_notes");
  const char *period = get_string (cycle, "period");
  const char *basis = get_string (cycle, "basis");
  const char *confidence = get_string (cycle, "confidence");
  const SixField *category_field = six_kind_get_field (six_kind_lookup ("assistance_request"),
                                                       "category");
  g_autofree char *where = g_strdup_printf ("obligations.json: assistance_requests[%u]", nth);
  g_autofree char *titles = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GHashTable) categories_of = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GList) states = NULL;
  gint64 year;

  if (period == NULL || !g_ascii_isdigit (period[0]))
    return fail (error, "%s: the period must start with the reporting year", where);
  year = g_ascii_strtoll (period, NULL, 10);

  if (!dup_sources (facts, get_array (cycle, "source_refs"), basis, where, &titles, error))
    return FALSE;
  source = g_strdup_printf ("%s: %s", titles, period);

  /* alpha-3 → sorted categories, for the Article 7 reports. */
  categories_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);

  keys = by_obligation != NULL ? json_object_get_members (by_obligation) : NULL;
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *category = get_string (renamed, key) != NULL ? get_string (renamed, key) : key;
      const char *description = get_string (descriptions, key);
      JsonArray *codes = get_array (by_obligation, key);

      if (!six_field_has_value (category_field, category))
        return fail (error, "%s: “%s” is not a category (map it in pack.json)", where, key);
      if (description == NULL)
        return fail (error, "pack.json: request_descriptions: “%s” is missing", key);

      for (guint i = 0; i < array_length (codes); i++)
        {
          const char *alpha2 = json_array_get_string_element (codes, i);
          const char *alpha3 = six_iso_codes_alpha2_to_alpha3 (alpha2);
          g_autofree char *country_key = g_strdup_printf ("country/%s", alpha3);
          g_autofree char *name = g_strdup_printf ("assistance_request:%s:%" G_GINT64_FORMAT
                                                   ":%s", alpha3, year, category);
          g_autofree char *id = uuid_for (name);
          GPtrArray *categories;
          SixEdit *edit;

          if (alpha3 == NULL || !g_hash_table_contains (pack->produced, country_key))
            return fail (error, "%s: %s: “%s” is not a known State", where, key, alpha2);

          edit = add_edit (pack, "assistance_request", id, source);
          six_edit_set_string (edit, "country", alpha3);
          six_edit_set_int (edit, "year", year);
          six_edit_set_string (edit, "category", category);
          six_edit_set_string (edit, "description", description);
          set_fact (edit, confidence, basis_is_verified (basis));

          if (!add_note (pack, "assistance_request", id, get_string (notes, key), source, error))
            return FALSE;

          categories = g_hash_table_lookup (categories_of, alpha3);
          if (categories == NULL)
            {
              categories = g_ptr_array_new ();
              g_hash_table_insert (categories_of, (gpointer) alpha3, categories);
            }
          g_ptr_array_add (categories, (gpointer) category);
        }
    }

  states = g_hash_table_get_keys (categories_of);
  states = g_list_sort (states, (GCompareFunc) strcmp);
  for (GList *l = states; l != NULL; l = l->next)
    {
      const char *alpha3 = l->data;
      GPtrArray *categories = g_hash_table_lookup (categories_of, alpha3);
      g_autofree char *id = g_strdup_printf ("%s:%" G_GINT64_FORMAT, alpha3, year);
      SixEdit *edit;

      /* A set is sorted and has no duplicates. */
      g_ptr_array_sort (categories, compare_strings);
      for (guint i = 1; i < categories->len; i++)
        if (strcmp (categories->pdata[i - 1], categories->pdata[i]) == 0)
          g_ptr_array_remove_index (categories, i--);
      g_ptr_array_add (categories, NULL);

      edit = add_edit (pack, "article7_report", id, source);
      six_edit_set_string (edit, "country", alpha3);
      six_edit_set_int (edit, "year", year);
      six_edit_set_string (edit, "submitted_on", NULL);
      six_edit_set_boolean (edit, "requested_assistance", TRUE);
      six_edit_set (edit, "categories",
                    g_variant_new_strv ((const char * const *) categories->pdata, -1));
      set_fact (edit, confidence, basis_is_verified (basis));
    }

  return TRUE;
}

static gboolean
add_obligations (Pack    *pack,
                 GError **error)
{
  JsonObject *facts = object_of (pack->obligations);
  JsonArray *items = get_array (facts, "items");
  JsonArray *victim_assistance = get_array (facts, "victim_assistance");
  JsonArray *requests = get_array (facts, "assistance_requests");

  for (guint i = 0; i < array_length (items); i++)
    if (!add_obligation (pack, nth_object (items, i), i, error))
      return FALSE;

  for (guint i = 0; i < array_length (victim_assistance); i++)
    if (!add_victim_assistance (pack, nth_object (victim_assistance, i), i, error))
      return FALSE;

  for (guint i = 0; i < array_length (requests); i++)
    if (!add_requests (pack, nth_object (requests, i), i, error))
      return FALSE;

  return TRUE;
}

/* Organisations: a starter list keyed by its acronym, so every replica holds the same ids. */
static gboolean
add_organisations (Pack    *pack,
                   GError **error)
{
  JsonObject *organisations = get_object (object_of (pack->pack), "organisations");
  JsonArray *items = organisations != NULL ? get_array (organisations, "items") : NULL;
  const char *source = organisations != NULL ? get_string (organisations, "source") : NULL;
  const SixField *kind_field = six_kind_get_field (six_kind_lookup ("organisation"), "kind");

  if (array_length (items) == 0 || source == NULL)
    return fail (error, "pack.json: “organisations” needs “items” and a “source”");

  for (guint i = 0; i < array_length (items); i++)
    {
      JsonObject *item = nth_object (items, i);
      const char *country = get_string (item, "country");
      g_autofree char *where = g_strdup_printf ("pack.json: organisations.items[%u]", i);
      g_autofree char *country_key = g_strdup_printf ("country/%s", country);
      g_autofree char *name_key = NULL;
      g_autofree char *id = NULL;
      const char *acronym, *name, *kind;
      SixEdit *edit;

      if (!require_string (item, "acronym", where, &acronym, error) ||
          !require_string (item, "name", where, &name, error) ||
          !require_string (item, "kind", where, &kind, error))
        return FALSE;
      if (!six_field_has_value (kind_field, kind))
        return fail (error, "%s: “%s” is not a kind of organisation", where, kind);
      if (country != NULL && !g_hash_table_contains (pack->produced, country_key))
        return fail (error, "%s: “%s” is not a known country", where, country);

      name_key = g_strdup_printf ("organisation:%s", acronym);
      id = uuid_for (name_key);
      edit = add_edit (pack, "organisation", id, source);
      six_edit_set_string (edit, "name", name);
      six_edit_set_string (edit, "acronym", acronym);
      six_edit_set_string (edit, "kind", kind);
      six_edit_set_string (edit, "country", country);
    }

  return TRUE;
}

/* The records a previous pack held that the facts no longer do: tombstones, never gone. */
static gboolean
add_tombstones (Pack    *pack,
                SixDb   *db,
                GError **error)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GPtrArray) records = six_db_list_records (db, &kinds[k], FALSE, FALSE, error);

      if (records == NULL)
        return FALSE;

      for (guint i = 0; i < records->len; i++)
        {
          const char *id = six_record_get_id (records->pdata[i]);
          g_autofree char *key = g_strdup_printf ("%s/%s", kinds[k].name, id);
          SixEdit *edit;

          if (g_hash_table_contains (pack->produced, key))
            continue;

          edit = six_edit_new (&kinds[k], id);
          six_edit_set_source (edit, "No longer in the reference facts");
          six_edit_delete (edit);
          g_ptr_array_add (pack->edits, edit);
        }
    }

  return TRUE;
}

static gboolean
load_facts (Pack        *pack,
            const char  *dir,
            GError     **error)
{
  if ((pack->states = load_json (dir, "states.json", error)) == NULL ||
      (pack->obligations = load_json (dir, "obligations.json", error)) == NULL ||
      (pack->dap = load_json (dir, "dap.json", error)) == NULL ||
      (pack->lap = load_json (dir, "lap.json", error)) == NULL ||
      (pack->regions = load_json (dir, "regions.json", error)) == NULL ||
      (pack->un_members = load_json (dir, "un-members.json", error)) == NULL ||
      (pack->pack = load_json (dir, "pack.json", error)) == NULL)
    return FALSE;

  pack->as_of = get_string (object_of (pack->pack), "as_of");
  if (!six_date_is_valid (pack->as_of))
    return fail (error, "pack.json: “as_of” must be a date (YYYY-MM-DD)");

  return TRUE;
}

static gint64
fixed_wall_clock (gpointer user_data)
{
  return *(const gint64 *) user_data;
}

static gint64
date_to_ms (const char *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc ((int) g_ascii_strtoll (date, NULL, 10),
                                                   (int) g_ascii_strtoll (date + 5, NULL, 10),
                                                   (int) g_ascii_strtoll (date + 8, NULL, 10),
                                                   0, 0, 0);

  return g_date_time_to_unix (time) * 1000;
}

/* Whether two packs hold the same records, byte for byte: the header may differ only where
 * the format's version moved on (exchange format §8), which changes no fact. */
static gboolean
same_records (GBytes *a,
              GBytes *b)
{
  static const char records[] = "\n  \"records\": [";
  gsize a_len, b_len;
  const char *a_data = g_bytes_get_data (a, &a_len);
  const char *b_data = g_bytes_get_data (b, &b_len);
  const char *a_records = g_strstr_len (a_data, a_len, records);
  const char *b_records = g_strstr_len (b_data, b_len, records);
  const char *a_checksum = g_strrstr_len (a_data, a_len, "\n  \"checksum\": ");
  const char *b_checksum = g_strrstr_len (b_data, b_len, "\n  \"checksum\": ");

  if (a_records == NULL || b_records == NULL || a_checksum == NULL || b_checksum == NULL)
    return g_bytes_equal (a, b);

  return a_checksum - a_records == b_checksum - b_records &&
         memcmp (a_records, b_records, a_checksum - a_records) == 0;
}

/* The previous pack comes in first, so the facts stamp only what changed since. */
static SixExchangeFile *
import_previous (SixDb       *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SixExchangeFile) previous = NULL;
  g_autoptr(SixImportResult) result = NULL;

  previous = six_exchange_read_file (file, NULL, error);
  if (previous == NULL)
    return NULL;

  if (!six_import_file (db, previous, FALSE, &result, error))
    return NULL;

  return g_steal_pointer (&previous);
}

static GBytes *
make_pack (const char  *facts_dir,
           const char  *previous_path,
           GError     **error)
{
  g_auto(Pack) pack = { 0 };
  g_autoptr(SixDb) db = NULL;
  g_autoptr(SixExchangeFile) previous = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *export_id = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *app_version = NULL;
  g_autofree char *label = NULL;
  SixExportOptions options = { 0 };
  gint64 wall;

  pack.region_of = g_hash_table_new (g_str_hash, g_str_equal);
  pack.eif_of = g_hash_table_new (g_str_hash, g_str_equal);
  pack.edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  pack.produced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pack.noted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_facts (&pack, facts_dir, error))
    return NULL;

  db = six_db_open_full (":memory:", "reference", error);
  if (db == NULL)
    return NULL;

  /* Every stamp of this version carries the facts' date, whoever runs the generator when. */
  wall = date_to_ms (pack.as_of);
  six_db_set_wall_clock (db, fixed_wall_clock, &wall);

  if (previous_path != NULL && g_file_test (previous_path, G_FILE_TEST_EXISTS))
    {
      previous = import_previous (db, previous_path, error);
      if (previous == NULL)
        return NULL;
    }

  if (!add_plans (&pack, error) || !add_countries (&pack, error) ||
      !add_obligations (&pack, error) || !add_organisations (&pack, error) ||
      !add_tombstones (&pack, db, error))
    return NULL;

  label = g_strdup_printf ("Reference pack %s", pack.as_of);
  if (six_db_apply_edits (db, label, pack.edits, &local_error) == 0 && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!six_db_set_replica_name (db, "reference", "Reference pack", "Article Six", error))
    return NULL;

  export_name = g_strdup_printf ("reference-pack:%s", pack.as_of);
  export_id = uuid_for (export_name);
  created_at = g_strdup_printf ("%sT00:00:00Z", pack.as_of);
  app_version = g_strdup_printf ("reference-pack %s", pack.as_of);

  options.scope = SIX_SCOPE_ALL;
  options.level = SIX_VISIBILITY_PUBLIC;
  options.origin_name = "Reference pack";
  options.origin_organisation = "Article Six";
  options.app_version = app_version;
  options.export_id = export_id;
  options.created_at = created_at;

  bytes = six_exchange_write (db, &options, error);
  if (bytes == NULL)
    return NULL;

  /* One version, one content: a changed pack under an old version would be taken for one
   * already merged, so its changes would never reach anyone. */
  if (previous != NULL &&
      g_strcmp0 (six_exchange_file_get_export_id (previous), export_id) == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (previous_path);
      g_autoptr(GBytes) old = g_file_load_bytes (file, NULL, NULL, error);

      if (old == NULL)
        return NULL;

      if (!same_records (old, bytes))
        {
          fail (error, "the facts changed but the pack's version did not: raise “as_of” in "
                "pack.json (now %s)", pack.as_of);
          return NULL;
        }
    }

  return g_steal_pointer (&bytes);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *iso_codes = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts, "The facts directory", "DIR" },
    { "iso-codes", 0, 0, G_OPTION_ARG_FILENAME, &iso_codes, "iso-codes' iso_3166-1.json",
      "FILE" },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous,
      "The pack committed before (if it exists)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the pack", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— write the Article Six reference pack");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("six-make-pack: %s\n", error->message);
      return 2;
    }

  if (facts == NULL || output == NULL || argc > 1)
    {
      g_printerr ("six-make-pack: --facts and --output are required\n");
      return 2;
    }

  if (!six_iso_codes_load (iso_codes, &error))
    {
      g_printerr ("six-make-pack: %s\n", error->message);
      return 1;
    }

  bytes = make_pack (facts, previous, &error);
  if (bytes == NULL)
    {
      g_printerr ("six-make-pack: %s\n", error->message);
      return 1;
    }

  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL),
                            (gssize) g_bytes_get_size (bytes), &error))
    {
      g_printerr ("six-make-pack: %s\n", error->message);
      return 1;
    }

  return 0;
}
