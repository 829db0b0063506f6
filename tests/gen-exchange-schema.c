/* gen-exchange-schema.c — prints the JSON Schema of the exchange format from the kind
 * descriptors, so the installed schema cannot drift from the code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-exchange-schema > data/article-six-exchange.schema.json   regenerate
 *   gen-exchange-schema --check data/article-six-exchange.schema.json   the test
 */
#include "config.h"

#include "six-exchange-file.h"
#include "six-kind.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#define DEF(name) "#/$defs/" name

static void
ref (JsonBuilder *b,
     const char  *target)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$ref");
  json_builder_add_string_value (b, target);
  json_builder_end_object (b);
}

static void
member_ref (JsonBuilder *b,
            const char  *name,
            const char  *target)
{
  json_builder_set_member_name (b, name);
  ref (b, target);
}

static void
string_pattern (JsonBuilder *b,
                const char  *pattern)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_set_member_name (b, "pattern");
  json_builder_add_string_value (b, pattern);
  json_builder_end_object (b);
}

static void
strings (JsonBuilder        *b,
         const char * const *values,
         gboolean            with_null)
{
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  if (with_null)
    json_builder_add_null_value (b);
  json_builder_end_array (b);
}

static void
required (JsonBuilder        *b,
          const char * const *names)
{
  json_builder_set_member_name (b, "required");
  strings (b, names, FALSE);
}

/* The id schema of the kinds a reference may point to: UUIDs also match a natural key. */
static const char *
id_def (const char * const *targets)
{
  for (guint i = 0; targets[i] != NULL; i++)
    if (six_kind_lookup (targets[i])->key == SIX_KEY_NATURAL)
      return DEF ("natural_id");

  return DEF ("uuid");
}

static void
nullable (JsonBuilder *b,
          gboolean     can_be_null,
          const char  *def)
{
  if (!can_be_null)
    {
      ref (b, def);
      return;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "anyOf");
  json_builder_begin_array (b);
  ref (b, def);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "null");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
field_schema (JsonBuilder    *b,
              const SixField *field)
{
  /* null clears a field; a required field cannot be cleared. */
  gboolean can_be_null = !(field->flags & SIX_FIELD_FLAGS_REQUIRED);

  switch (field->type)
    {
    case SIX_FIELD_TEXT:
      nullable (b, can_be_null, DEF ("text"));
      break;
    case SIX_FIELD_INTEGER:
      nullable (b, can_be_null, DEF ("integer"));
      break;
    case SIX_FIELD_BOOLEAN:
      nullable (b, can_be_null, DEF ("boolean"));
      break;
    case SIX_FIELD_DATE:
      nullable (b, can_be_null, DEF ("date"));
      break;
    case SIX_FIELD_DECIMAL:
      nullable (b, can_be_null, DEF ("decimal"));
      break;
    case SIX_FIELD_CURRENCY:
      nullable (b, can_be_null, DEF ("currency"));
      break;
    case SIX_FIELD_REF:
      nullable (b, can_be_null, id_def (field->targets));
      break;
    case SIX_FIELD_ENUM:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "enum");
      strings (b, field->values, can_be_null);
      json_builder_end_object (b);
      break;
    case SIX_FIELD_SET:
    default:
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      if (can_be_null)
        strings (b, (const char * const[]) { "array", "null", NULL }, FALSE);
      else
        json_builder_add_string_value (b, "array");
      json_builder_set_member_name (b, "uniqueItems");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "items");
      if (field->values != NULL)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "enum");
          strings (b, field->values, FALSE);
          json_builder_end_object (b);
        }
      else
        ref (b, id_def (field->targets));
      json_builder_end_object (b);
      break;
    }
}

static void
kind_schema (JsonBuilder   *b,
             const SixKind *kind)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  member_ref (b, "id", kind->key == SIX_KEY_UUID ? DEF ("uuid") : DEF ("natural_id"));

  /* Unknown fields of a newer minor version are allowed, with a field's name. */
  json_builder_set_member_name (b, "values");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  member_ref (b, "propertyNames", DEF ("field_name"));
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      json_builder_set_member_name (b, kind->fields[i].name);
      field_schema (b, &kind->fields[i]);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "clocks");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  member_ref (b, "propertyNames", DEF ("field_name"));
  member_ref (b, "additionalProperties", DEF ("clock"));
  json_builder_end_object (b);

  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
header_schema (JsonBuilder *b)
{
  static const char * const members[] = {
    "format", "format_version", "export_id", "created_at", "app_version", "origin", "scope",
    "level", "replicas", "records", "checksum", NULL
  };
  static const char * const levels[] = { "public", "coalition", "private", NULL };
  static const char * const open_scopes[] = { "all", "selection", NULL };

  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, members);
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_string_value (b, SIX_EXCHANGE_FORMAT);
  json_builder_end_object (b);

  /* Any minor version of this major version. */
  json_builder_set_member_name (b, "format_version");
  {
    g_autofree char *pattern = g_strdup_printf ("^%d\\.(0|[1-9][0-9]*)$",
                                                SIX_EXCHANGE_VERSION_MAJOR);

    string_pattern (b, pattern);
  }
  member_ref (b, "export_id", DEF ("uuid"));
  json_builder_set_member_name (b, "created_at");
  string_pattern (b, "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                     "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$");
  json_builder_set_member_name (b, "app_version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_end_object (b);

  json_builder_set_member_name (b, "origin");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, (const char * const[]) { "replica", NULL });
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  member_ref (b, "replica", DEF ("replica_id"));
  member_ref (b, "name", DEF ("optional_text"));
  member_ref (b, "organisation", DEF ("optional_text"));
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "scope");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, (const char * const[]) { "type", NULL });
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  strings (b, (const char * const[]) { "all", "country", "coalition", "selection", NULL }, FALSE);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "oneOf");
  json_builder_begin_array (b);
  for (guint i = 0; i < 3; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_begin_object (b);
      if (i == 0)
        {
          json_builder_set_member_name (b, "enum");
          strings (b, open_scopes, FALSE);
        }
      else
        {
          json_builder_set_member_name (b, "const");
          json_builder_add_string_value (b, i == 1 ? "country" : "coalition");
        }
      json_builder_end_object (b);
      if (i > 0)
        member_ref (b, "id", i == 1 ? DEF ("natural_id") : DEF ("uuid"));
      json_builder_end_object (b);
      if (i > 0)
        required (b, (const char * const[]) { "type", "id", NULL });
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "level");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  strings (b, levels, FALSE);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "replicas");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, (const char * const[]) { "id", NULL });
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  member_ref (b, "id", DEF ("replica_id"));
  member_ref (b, "name", DEF ("optional_text"));
  member_ref (b, "organisation", DEF ("optional_text"));
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "records");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "array");
  member_ref (b, "items", DEF ("record"));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "checksum");
  string_pattern (b, "^sha256:[0-9a-f]{64}$");

  json_builder_end_object (b);
}

static void
type_def (JsonBuilder *b,
          const char  *name,
          const char  *type)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_end_object (b);
}

static void
defs (JsonBuilder *b)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  g_autofree char *replica_pattern = g_strdup_printf ("^[A-Za-z0-9_-]{1,%d}$",
                                                      SIX_REPLICA_ID_MAX);
  g_autofree char *hlc_pattern = g_strdup_printf ("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
                                                  "@[A-Za-z0-9_-]{1,%d}$", SIX_REPLICA_ID_MAX);

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);

  json_builder_set_member_name (b, "uuid");
  string_pattern (b, "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  json_builder_set_member_name (b, "natural_id");
  string_pattern (b, "^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$");
  json_builder_set_member_name (b, "replica_id");
  string_pattern (b, replica_pattern);
  json_builder_set_member_name (b, "field_name");
  string_pattern (b, "^[a-z][a-z0-9_]{0,63}$");

  json_builder_set_member_name (b, "optional_text");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  strings (b, (const char * const[]) { "string", "null", NULL }, FALSE);
  json_builder_end_object (b);

  /* maxLength counts characters, the format bytes: the byte limit is a rule. */
  json_builder_set_member_name (b, "text");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "string");
  json_builder_set_member_name (b, "maxLength");
  json_builder_add_int_value (b, SIX_TEXT_MAX);
  json_builder_end_object (b);
  type_def (b, "integer", "integer");
  type_def (b, "boolean", "boolean");
  json_builder_set_member_name (b, "date");
  string_pattern (b, "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
  json_builder_set_member_name (b, "decimal");
  string_pattern (b, "^(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$");
  json_builder_set_member_name (b, "currency");
  string_pattern (b, "^[A-Z]{3}$");

  json_builder_set_member_name (b, "clock");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, (const char * const[]) { "vv", "hlc", NULL });
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "vv");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  json_builder_set_member_name (b, "minProperties");
  json_builder_add_int_value (b, 1);
  member_ref (b, "propertyNames", DEF ("replica_id"));
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "integer");
  json_builder_set_member_name (b, "minimum");
  json_builder_add_int_value (b, 1);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "hlc");
  string_pattern (b, hlc_pattern);
  member_ref (b, "source", DEF ("optional_text"));
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "record");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "object");
  required (b, (const char * const[]) { "kind", "id", "values", "clocks", NULL });
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_kinds; i++)
    json_builder_add_string_value (b, kinds[i].name);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "allOf");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *target = g_strconcat ("#/$defs/kind_", kinds[i].name, NULL);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "if");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "const");
      json_builder_add_string_value (b, kinds[i].name);
      json_builder_end_object (b);
      json_builder_end_object (b);
      json_builder_end_object (b);
      member_ref (b, "then", target);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autofree char *name = g_strconcat ("kind_", kinds[i].name, NULL);

      json_builder_set_member_name (b, name);
      kind_schema (b, &kinds[i]);
    }

  json_builder_end_object (b);
}

static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
is_scalar (JsonNode *node)
{
  return !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node);
}

/* Two-space indents, like the exchange files; what fits in a line of 100 stays on one. */
static void
print_node (GString  *out,
            JsonNode *node,
            guint     indent,
            gboolean  compact)
{
  if (!compact && !is_scalar (node))
    {
      g_autoptr(GString) line = g_string_new (NULL);

      print_node (line, node, 0, TRUE);
      if (indent + line->len <= 72)
        {
          g_string_append (out, line->str);
          return;
        }
    }

  if (compact && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_string_append (out, first ? "" : ", ");
          first = FALSE;
          append_string (out, name);
          g_string_append (out, ": ");
          print_node (out, member, 0, TRUE);
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          g_string_append_printf (out, "%*s", (int) indent + 2, "");
          append_string (out, name);
          g_string_append (out, ": ");
          print_node (out, member, indent + 2, FALSE);
        }
      if (!first)
        g_string_append_printf (out, "\n%*s", (int) indent, "");
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      gboolean flat = TRUE;

      for (guint i = 0; i < json_array_get_length (array); i++)
        flat = flat && is_scalar (json_array_get_element (array, i));
      flat = flat || compact;

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (flat)
            g_string_append (out, i > 0 ? ", " : "");
          else
            g_string_append_printf (out, "%s%*s", i > 0 ? ",\n" : "\n", (int) indent + 2, "");
          print_node (out, json_array_get_element (array, i), indent + 2, compact);
        }
      if (!flat && json_array_get_length (array) > 0)
        g_string_append_printf (out, "\n%*s", (int) indent, "");
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    append_string (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
}

static char *
generate (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out = g_string_new (NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Article Six exchange file, format version 1");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Generated by tests/gen-exchange-schema.c from the kind "
                                    "descriptors: do not edit. It checks the structure; "
                                    "exchange-format.md gives the rules a schema cannot "
                                    "express (references, sorted sets, clocks beside "
                                    "values, real dates, currencies, the checksum).");
  header_schema (b);
  defs (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  print_node (out, root, 0, FALSE);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *schema = generate ();
  g_autofree char *committed = NULL;
  g_autoptr(GError) error = NULL;

  if (argc == 1)
    {
      fputs (schema, stdout);
      return 0;
    }

  if (argc != 3 || strcmp (argv[1], "--check") != 0)
    {
      g_printerr ("usage: %s [--check SCHEMA]\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[2], &committed, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (strcmp (committed, schema) != 0)
    {
      g_printerr ("%s is not what the kind descriptors give; regenerate it with\n"
                  "  %s > %s\n", argv[2], argv[0], argv[2]);
      return 1;
    }

  g_print ("%s matches the kind descriptors\n", argv[2]);

  return 0;
}
