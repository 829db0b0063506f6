/* six-iso-codes.c — country codes and names from Debian's iso-codes, with UN-style names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-iso-codes"

#include "config.h"

#include "six-iso-codes.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <string.h>

typedef struct
{
  char *alpha2;
  char *alpha3;
  char *name;  /* iso-codes' English name: the msgid of its translations */
} Country;

typedef struct
{
  GPtrArray  *countries;  /* Country, sorted by alpha-3 */
  GHashTable *by_alpha2;  /* alpha-2 → Country, borrowed */
  GHashTable *by_alpha3;  /* alpha-3 → Country, borrowed */
} Table;

/* The names the United Nations uses where they differ from iso-codes' (English) or from
 * iso-codes' translation of its own name (French, Spanish). Basis: the UN list of Member
 * States and UNTERM short names; Holy See and State of Palestine are observer States. */
typedef struct
{
  const char *alpha3;
  const char *en;
  const char *fr;
  const char *es;
} UnName;

static const UnName un_names[] = {
  { "BOL", "Bolivia (Plurinational State of)", "Bolivie (État plurinational de)",
    "Bolivia (Estado Plurinacional de)" },
  { "CIV", "Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire" },
  { "COD", "Democratic Republic of the Congo", "République démocratique du Congo",
    "República Democrática del Congo" },
  { "CPV", "Cabo Verde", "Cabo Verde", "Cabo Verde" },
  { "FSM", "Micronesia (Federated States of)", "Micronésie (États fédérés de)",
    "Micronesia (Estados Federados de)" },
  { "IRN", "Iran (Islamic Republic of)", "Iran (République islamique d')",
    "Irán (República Islámica del)" },
  { "KOR", "Republic of Korea", "République de Corée", "República de Corea" },
  { "LAO", "Lao People's Democratic Republic", "République démocratique populaire lao",
    "República Democrática Popular Lao" },
  { "MDA", "Republic of Moldova", "République de Moldova", "República de Moldova" },
  { "PRK", "Democratic People's Republic of Korea",
    "République populaire démocratique de Corée", "República Popular Democrática de Corea" },
  { "PSE", "State of Palestine", "État de Palestine", "Estado de Palestina" },
  { "RUS", "Russian Federation", "Fédération de Russie", "Federación de Rusia" },
  { "SYR", "Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria" },
  { "TZA", "United Republic of Tanzania", "République-Unie de Tanzanie",
    "República Unida de Tanzanía" },
  { "VAT", "Holy See", "Saint-Siège", "Santa Sede" },
  { "VEN", "Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
    "Venezuela (República Bolivariana de)" },
};

static Table *table;
static gboolean default_tried;
G_LOCK_DEFINE_STATIC (table);

/* Where the iso-codes translations live, for names in a language other than the user's. */
#ifndef SIX_ISO_CODES_LOCALE_DIR
#define SIX_ISO_CODES_LOCALE_DIR "/usr/share/locale"
#endif

static GHashTable *catalogs;  /* language → GHashTable msgid → msgstr (or NULL: none) */
G_LOCK_DEFINE_STATIC (catalogs);

static void
country_free (gpointer data)
{
  Country *country = data;

  g_free (country->alpha2);
  g_free (country->alpha3);
  g_free (country->name);
  g_free (country);
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const Country *ca = *(const Country * const *) a;
  const Country *cb = *(const Country * const *) b;

  return strcmp (ca->alpha3, cb->alpha3);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static Table *
load_table (const char  *path,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (country_free);
  JsonNode *root;
  JsonNode *list;
  Table *result;

  if (!json_parser_load_from_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  root = json_parser_get_root (parser);
  list = JSON_NODE_HOLDS_OBJECT (root) ?
    json_object_get_member (json_node_get_object (root), "3166-1") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: no “3166-1” list of countries"), path);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *alpha2 = object != NULL ? member_string (object, "alpha_2") : NULL;
      const char *alpha3 = object != NULL ? member_string (object, "alpha_3") : NULL;
      const char *name = object != NULL ? member_string (object, "name") : NULL;
      Country *country;

      if (alpha2 == NULL || alpha3 == NULL || name == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: 3166-1[%u]: alpha_2, alpha_3 or name missing"), path, i);
          return NULL;
        }

      country = g_new0 (Country, 1);
      country->alpha2 = g_strdup (alpha2);
      country->alpha3 = g_strdup (alpha3);
      country->name = g_strdup (name);
      g_ptr_array_add (countries, country);
    }

  g_ptr_array_sort (countries, compare_countries);

  result = g_new0 (Table, 1);
  result->by_alpha2 = g_hash_table_new (g_str_hash, g_str_equal);
  result->by_alpha3 = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < countries->len; i++)
    {
      Country *country = countries->pdata[i];

      g_hash_table_insert (result->by_alpha2, country->alpha2, country);
      g_hash_table_insert (result->by_alpha3, country->alpha3, country);
    }
  result->countries = g_steal_pointer (&countries);

  return result;
}

/* Loaded once for the life of the process; once loaded, lookups read it without the lock
 * (the window draws names while the repository's thread may be loading them). */
static Table *
get_table (void)
{
  Table *result = g_atomic_pointer_get (&table);

  if (result != NULL)
    return result;

  G_LOCK (table);
  if (table == NULL && !default_tried)
    {
      g_autoptr(GError) error = NULL;
      Table *loaded;

      default_tried = TRUE;
      loaded = load_table (SIX_ISO_CODES_3166_1_JSON, &error);
      if (loaded == NULL)
        g_debug ("Country names unavailable: %s", error->message);
      g_atomic_pointer_set (&table, loaded);
    }
  result = table;
  G_UNLOCK (table);

  return result;
}

static const Country *
lookup (const char *alpha3)
{
  Table *countries = get_table ();

  if (countries == NULL || alpha3 == NULL)
    return NULL;

  return g_hash_table_lookup (countries->by_alpha3, alpha3);
}

static const UnName *
lookup_un_name (const char *alpha3)
{
  if (alpha3 == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (un_names); i++)
    if (strcmp (un_names[i].alpha3, alpha3) == 0)
      return &un_names[i];

  return NULL;
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);

  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A GNU .mo catalog as a table msgid → msgstr, or NULL when it is missing or malformed. */
static GHashTable *
read_catalog (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 n, originals, translations;
  GHashTable *messages;

  if (file == NULL || (size = g_mapped_file_get_length (file)) < 28)
    return NULL;

  data = (const guint8 *) g_mapped_file_get_contents (file);
  swap = read_u32 (data, 0, FALSE) != 0x950412de;
  if (read_u32 (data, 0, swap) != 0x950412de)
    return NULL;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if (n > size / 16 || originals > size - 8 * (gsize) n || translations > size - 8 * (gsize) n)
    return NULL;

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_u32 (data, originals + 8 * i, swap);
      guint32 id_offset = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 str_length = read_u32 (data, translations + 8 * i, swap);
      guint32 str_offset = read_u32 (data, translations + 8 * i + 4, swap);

      if (id_offset > size || id_length > size - id_offset ||
          str_offset > size || str_length > size - str_offset)
        continue;

      g_hash_table_insert (messages, g_strndup ((const char *) data + id_offset, id_length),
                           g_strndup ((const char *) data + str_offset, str_length));
    }

  return messages;
}

/* iso-codes' translation of its own English name into @language, or NULL. */
static const char *
translate_in (const char *name,
              const char *language)
{
  GHashTable *messages;
  const char *result = NULL;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_hash_table_unref);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &messages))
    {
      g_autofree char *path = g_build_filename (SIX_ISO_CODES_LOCALE_DIR, language, "LC_MESSAGES",
                                                SIX_ISO_CODES_DOMAIN ".mo", NULL);

      messages = read_catalog (path);
      g_hash_table_insert (catalogs, g_strdup (language), messages);
    }
  if (messages != NULL)
    result = g_hash_table_lookup (messages, name);
  G_UNLOCK (catalogs);

  return result != NULL && *result != '\0' ? result : NULL;
}

/**
 * six_iso_codes_get_name_in:
 * @language: "en", "fr" or "es"
 *
 * The country's name in one of the Convention's languages, whatever the user's: the UN's
 * where we have it, else iso-codes' translation, else the English name.
 *
 * Returns: (nullable): the name, or %NULL for a code iso-codes does not know
 */
const char *
six_iso_codes_get_name_in (const char *alpha3,
                           const char *language)
{
  const UnName *un_name = lookup_un_name (alpha3);
  const Country *country = lookup (alpha3);
  const char *translated;

  g_return_val_if_fail (language != NULL, NULL);

  if (un_name != NULL && strcmp (language, "fr") == 0)
    return un_name->fr;
  if (un_name != NULL && strcmp (language, "es") == 0)
    return un_name->es;
  if (un_name != NULL || country == NULL)
    return un_name != NULL ? un_name->en : NULL;

  if (strcmp (language, "en") != 0 && (translated = translate_in (country->name, language)) != NULL)
    return translated;

  return country->name;
}

/* The language gettext actually picked for iso-codes ("fr", "pt"…; "" when it found no
 * catalog), read from the catalog's header so the UN names follow exactly the same choice
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
static void
get_catalog_language (char  *language,
                      gsize  size)
{
  /* The empty message is the catalog's header (not a message of ours to extract). */
  static const char header_id[] = "";
  const char *header = dgettext (SIX_ISO_CODES_DOMAIN, header_id);
  const char *line = header != NULL ? strstr (header, "\nLanguage: ") : NULL;
  gsize len = 0;

  if (line != NULL)
    {
      line += strlen ("\nLanguage: ");
      while (len + 1 < size && g_ascii_isalpha (line[len]))
        {
          language[len] = g_ascii_tolower (line[len]);
          len++;
        }
    }

  language[len] = '\0';
}

static void
bind_codeset (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      /* Names must reach GTK and JSON as UTF-8 whatever the locale's charset. */
      bind_textdomain_codeset (SIX_ISO_CODES_DOMAIN, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

/**
 * six_iso_codes_load:
 * @path: (nullable): iso-codes' `iso_3166-1.json`, or %NULL for the system's
 *
 * Loads the table once; later calls (and lookups, which load the system's file on first
 * use) keep the first table loaded.
 */
gboolean
six_iso_codes_load (const char  *path,
                    GError     **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  G_LOCK (table);
  if (table == NULL)
    {
      g_atomic_pointer_set (&table, load_table (path != NULL ? path : SIX_ISO_CODES_3166_1_JSON,
                                                error));
      ok = table != NULL;
    }
  G_UNLOCK (table);

  return ok;
}

guint
six_iso_codes_get_n_countries (void)
{
  Table *countries = get_table ();

  return countries != NULL ? countries->countries->len : 0;
}

/* Countries in alpha-3 order. */
const char *
six_iso_codes_get_nth_alpha3 (guint nth)
{
  Table *countries = get_table ();
  const Country *country;

  g_return_val_if_fail (countries != NULL && nth < countries->countries->len, NULL);

  country = countries->countries->pdata[nth];

  return country->alpha3;
}

const char *
six_iso_codes_alpha2_to_alpha3 (const char *alpha2)
{
  Table *countries = get_table ();
  const Country *country;

  if (countries == NULL || alpha2 == NULL)
    return NULL;

  country = g_hash_table_lookup (countries->by_alpha2, alpha2);

  return country != NULL ? country->alpha3 : NULL;
}

const char *
six_iso_codes_get_alpha2 (const char *alpha3)
{
  const Country *country = lookup (alpha3);

  return country != NULL ? country->alpha2 : NULL;
}

gboolean
six_iso_codes_has_un_name (const char *alpha3)
{
  return lookup_un_name (alpha3) != NULL;
}

/* The English name the pack ships: the UN's where it differs, else iso-codes'. */
const char *
six_iso_codes_get_english_name (const char *alpha3)
{
  const UnName *un_name = lookup_un_name (alpha3);
  const Country *country;

  if (un_name != NULL)
    return un_name->en;

  country = lookup (alpha3);

  return country != NULL ? country->name : NULL;
}

/**
 * six_iso_codes_get_name:
 *
 * The country's name in the user's language: the UN's English, French or Spanish name
 * where we have one, else iso-codes' translation of its own name.
 *
 * Returns: (nullable): the name, or %NULL for a code iso-codes does not know
 */
const char *
six_iso_codes_get_name (const char *alpha3)
{
  const UnName *un_name = lookup_un_name (alpha3);
  const Country *country = lookup (alpha3);
  const char *translated;
  char language[8];

  bind_codeset ();

  if (un_name != NULL)
    {
      get_catalog_language (language, sizeof language);

      if (strcmp (language, "fr") == 0)
        return un_name->fr;
      if (strcmp (language, "es") == 0)
        return un_name->es;
      if (language[0] == '\0' || strcmp (language, "en") == 0 || country == NULL)
        return un_name->en;
    }

  if (country == NULL)
    return NULL;

  translated = dgettext (SIX_ISO_CODES_DOMAIN, country->name);

  /* Untranslated in this language: better the UN's English than iso-codes'. */
  if (un_name != NULL && strcmp (translated, country->name) == 0)
    return un_name->en;

  return translated;
}

/**
 * six_iso_codes_dup_country_name:
 * @country: a `country` record
 *
 * The name to show for a country: translated while it still holds the reference pack's
 * English name, the user's own text once someone changed it.
 */
char *
six_iso_codes_dup_country_name (SixRecord *country)
{
  const char *id;
  const char *stored;
  const char *english;
  const char *translated;

  g_return_val_if_fail (SIX_IS_RECORD (country), NULL);

  id = six_record_get_id (country);
  stored = six_record_get_string (country, "name");
  english = six_iso_codes_get_english_name (id);

  if (stored != NULL && g_strcmp0 (stored, english) != 0)
    return g_strdup (stored);

  translated = six_iso_codes_get_name (id);
  if (translated != NULL)
    return g_strdup (translated);

  return g_strdup (stored != NULL ? stored : id);
}
