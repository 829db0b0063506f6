/* six-profile.c — everything known about one State, gathered for reading and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-profile"

#include "config.h"

#include "six-profile.h"

#include "six-display-name.h"
#include "six-iso-codes.h"

#include <glib/gi18n.h>

#include "six-db.h"
#include "six-labels.h"
#include <string.h>

struct _SixProfile
{
  GObject     parent_instance;

  /* Owned */
  char       *country_id;
  SixRecord  *country;
  GPtrArray  *obligations;  /* by article */
  GHashTable *extensions;   /* obligation id → GPtrArray, by submission date */
  GPtrArray  *reports;      /* newest year first */
  GPtrArray  *requests;     /* newest year first, then category */
  GPtrArray  *received;     /* newest year first */
  GPtrArray  *provided;     /* newest year first */
  GPtrArray  *coalitions;   /* by title */
  GHashTable *members;      /* coalition id → GPtrArray of coalition_member, lead first */
  GPtrArray  *contacts;     /* by name */
  GPtrArray  *notes;        /* by text */
  GHashTable *parties;      /* country or organisation id → SixRecord */
  GHashTable *writers;      /* replica id → who wrote with it, in words ("you", a name) */
  GPtrArray  *none;         /* what an empty group returns */
};

G_DEFINE_FINAL_TYPE (SixProfile, six_profile, G_TYPE_OBJECT)

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
has_id (GPtrArray  *records,
        const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (six_record_get_id (records->pdata[i]), id) == 0)
      return TRUE;

  return FALSE;
}

/* Adds to @records the live records of @kind_name whose @field names @value (once each). */
static gboolean
gather (SixDb       *db,
        GPtrArray   *records,
        const char  *kind_name,
        const char  *field,
        const char  *value,
        GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  if (value == NULL)
    return TRUE;

  found = six_db_list_referring (db, six_kind_lookup (kind_name), field, value, error);
  if (found == NULL)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    if (!has_id (records, six_record_get_id (found->pdata[i])))
      g_ptr_array_add (records, g_object_ref (found->pdata[i]));

  return TRUE;
}

static int
compare_text (SixRecord  *a,
              SixRecord  *b,
              const char *field)
{
  return g_strcmp0 (six_record_get_string (a, field), six_record_get_string (b, field));
}

/* In the order the field's values are declared ("lead" before "donor"…). */
static int
compare_enum (SixRecord  *a,
              SixRecord  *b,
              const char *field)
{
  const char * const *values = six_kind_get_field (six_record_get_kind (a), field)->values;
  const char *va = six_record_get_string (a, field);
  const char *vb = six_record_get_string (b, field);
  guint ia = 0;
  guint ib = 0;

  while (values[ia] != NULL && g_strcmp0 (values[ia], va) != 0)
    ia++;
  while (values[ib] != NULL && g_strcmp0 (values[ib], vb) != 0)
    ib++;

  return (ia > ib) - (ia < ib);
}

static int
compare_year_desc (SixRecord *a,
                   SixRecord *b)
{
  gint64 ya = six_record_get_int (a, "year", 0);
  gint64 yb = six_record_get_int (b, "year", 0);

  return ya != yb ? (ya < yb ? 1 : -1) : 0;
}

static int
compare_collated (SixRecord  *a,
                  SixRecord  *b,
                  const char *field)
{
  return g_utf8_collate (six_record_get_string (a, field) ?: "",
                         six_record_get_string (b, field) ?: "");
}

/* Sort functions: by the given order, then by id so that equal keys keep one order. */
#define COMPARE_BY(fn, body) \
  static int fn (gconstpointer pa, gconstpointer pb) \
  { \
    SixRecord *a = *(SixRecord * const *) pa; \
    SixRecord *b = *(SixRecord * const *) pb; \
    int order; \
    body; \
    return g_strcmp0 (six_record_get_id (a), six_record_get_id (b)); \
  }

COMPARE_BY (by_article, if ((order = compare_text (a, b, "article")) != 0) return order)
COMPARE_BY (by_submission, if ((order = compare_text (a, b, "submitted_on")) != 0) return order)
COMPARE_BY (by_year, if ((order = compare_year_desc (a, b)) != 0) return order)
COMPARE_BY (by_year_category,
            if ((order = compare_year_desc (a, b)) != 0) return order;
            if ((order = compare_text (a, b, "category")) != 0) return order)
COMPARE_BY (by_title, if ((order = compare_collated (a, b, "title")) != 0) return order)
COMPARE_BY (by_name, if ((order = compare_collated (a, b, "name")) != 0) return order)
COMPARE_BY (by_role, if ((order = compare_enum (a, b, "role")) != 0) return order)
COMPARE_BY (by_text, if ((order = compare_text (a, b, "text")) != 0) return order)

/* Each of @records' @child_kind records that name it in @field, sorted: id → GPtrArray. */
static GHashTable *
gather_children (SixDb        *db,
                 GPtrArray    *records,
                 const char   *child_kind,
                 const char   *field,
                 GCompareFunc  compare,
                 GError      **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < records->len; i++)
    {
      const char *id = six_record_get_id (records->pdata[i]);
      GPtrArray *children = new_records ();

      g_hash_table_insert (groups, g_strdup (id), children);
      if (!gather (db, children, child_kind, field, id, error))
        return NULL;
      g_ptr_array_sort (children, compare);
    }

  return g_steal_pointer (&groups);
}

/* Donors, recipients and coalition members, for their names. */
static gboolean
gather_parties (SixProfile  *self,
                SixDb       *db,
                GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) parties = new_records ();
  GHashTableIter iter;
  GPtrArray *members;

  for (guint i = 0; i < self->received->len; i++)
    g_ptr_array_add (ids, (gpointer) six_record_get_string (self->received->pdata[i], "donor"));
  for (guint i = 0; i < self->provided->len; i++)
    g_ptr_array_add (ids, (gpointer) six_record_get_string (self->provided->pdata[i], "recipient"));
  g_hash_table_iter_init (&iter, self->members);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &members))
    for (guint i = 0; i < members->len; i++)
      g_ptr_array_add (ids, (gpointer) six_record_get_string (members->pdata[i], "member"));

  for (guint i = 0; i < ids->len; i++)
    if (!gather (db, parties, "country", "id", ids->pdata[i], error) ||
        !gather (db, parties, "organisation", "id", ids->pdata[i], error))
      return FALSE;

  for (guint i = 0; i < parties->len; i++)
    g_hash_table_insert (self->parties, (gpointer) six_record_get_id (parties->pdata[i]),
                         g_object_ref (parties->pdata[i]));

  return TRUE;
}

/* Coalitions the State leads or belongs to, and every member of each. */
static gboolean
gather_coalitions (SixProfile  *self,
                   SixDb       *db,
                   GError     **error)
{
  g_autoptr(GPtrArray) memberships = new_records ();

  if (!gather (db, memberships, "coalition_member", "member", self->country_id, error) ||
      !gather (db, self->coalitions, "coalition", "lead", self->country_id, error))
    return FALSE;

  for (guint i = 0; i < memberships->len; i++)
    if (!gather (db, self->coalitions, "coalition", "id",
                 six_record_get_string (memberships->pdata[i], "coalition"), error))
      return FALSE;
  g_ptr_array_sort (self->coalitions, by_title);

  g_clear_pointer (&self->members, g_hash_table_unref);
  self->members = gather_children (db, self->coalitions, "coalition_member", "coalition",
                                   by_role, error);

  return self->members != NULL;
}

/* The State's own records: what names it in @field, sorted with @compare. */
static gboolean
gather_own (SixProfile    *self,
            SixDb         *db,
            GPtrArray     *records,
            const char    *kind_name,
            const char    *field,
            GCompareFunc   compare,
            GError       **error)
{
  if (!gather (db, records, kind_name, field, self->country_id, error))
    return FALSE;

  g_ptr_array_sort (records, compare);

  return TRUE;
}

static gboolean
gather_all (SixProfile  *self,
            SixDb       *db,
            GError     **error)
{
  if (!gather_own (self, db, self->obligations, "obligation", "country", by_article, error))
    return FALSE;

  g_clear_pointer (&self->extensions, g_hash_table_unref);
  self->extensions = gather_children (db, self->obligations, "extension_request", "obligation",
                                      by_submission, error);

  return self->extensions != NULL &&
         gather_own (self, db, self->reports, "article7_report", "country", by_year, error) &&
         gather_own (self, db, self->requests, "assistance_request", "country",
                     by_year_category, error) &&
         gather_own (self, db, self->received, "contribution", "recipient", by_year, error) &&
         gather_own (self, db, self->provided, "contribution", "donor", by_year, error) &&
         gather_coalitions (self, db, error) &&
         gather_own (self, db, self->contacts, "contact", "affiliation", by_name, error) &&
         gather_own (self, db, self->notes, "note", "target", by_text, error) &&
         gather_parties (self, db, error);
}

/* Who wrote @replica's stamps, in words: this database is "you", the pack is the pack. */
static char *
dup_writer (SixDb      *db,
            const char *replica)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (replica, "reference") == 0)
    return g_strdup (_("the reference pack"));
  if (g_strcmp0 (replica, six_db_get_replica_id (db)) == 0)
    return g_strdup (_("you"));

  name = six_db_dup_replica_name (db, replica);

  return six_replica_dup_display_name (name, replica);
}

static void
name_writers_of (SixProfile *self,
                 SixDb      *db,
                 SixRecord  *record)
{
  guint n_fields = six_record_get_kind (record)->n_fields;

  for (guint i = 0; i < n_fields; i++)
    {
      const SixFieldStamp *stamp = six_record_get_nth_stamp (record, i);
      const char *replica = stamp != NULL ? stamp->hlc.replica : NULL;

      if (replica != NULL && !g_hash_table_contains (self->writers, replica))
        g_hash_table_insert (self->writers, g_strdup (replica), dup_writer (db, replica));
    }
}

static void
name_writers_in (SixProfile *self,
                 SixDb      *db,
                 GPtrArray  *records)
{
  for (guint i = 0; i < records->len; i++)
    name_writers_of (self, db, records->pdata[i]);
}

/* Every replica whose stamp the profile shows, named while the store is at hand. */
static void
name_writers (SixProfile *self,
              SixDb      *db)
{
  GHashTableIter iter;
  gpointer group;

  name_writers_of (self, db, self->country);
  name_writers_in (self, db, self->obligations);
  name_writers_in (self, db, self->reports);
  name_writers_in (self, db, self->requests);
  name_writers_in (self, db, self->received);
  name_writers_in (self, db, self->provided);
  name_writers_in (self, db, self->coalitions);
  name_writers_in (self, db, self->contacts);
  name_writers_in (self, db, self->notes);
  g_hash_table_iter_init (&iter, self->extensions);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    name_writers_in (self, db, group);
}

static void
six_profile_finalize (GObject *object)
{
  SixProfile *self = (SixProfile *) object;

  g_clear_pointer (&self->country_id, g_free);
  g_clear_object (&self->country);
  g_clear_pointer (&self->obligations, g_ptr_array_unref);
  g_clear_pointer (&self->extensions, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->received, g_ptr_array_unref);
  g_clear_pointer (&self->provided, g_ptr_array_unref);
  g_clear_pointer (&self->coalitions, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->writers, g_hash_table_unref);
  g_clear_pointer (&self->none, g_ptr_array_unref);

  G_OBJECT_CLASS (six_profile_parent_class)->finalize (object);
}

static void
six_profile_class_init (SixProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_profile_finalize;
}

static void
six_profile_init (SixProfile *self)
{
  self->obligations = new_records ();
  self->reports = new_records ();
  self->requests = new_records ();
  self->received = new_records ();
  self->provided = new_records ();
  self->coalitions = new_records ();
  self->contacts = new_records ();
  self->notes = new_records ();
  self->none = new_records ();
  self->parties = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * six_profile_load:
 * @country_id: the country's id (ISO 3166-1 alpha-3 or a user-assigned `X..` code)
 *
 * Gathers the country and everything attached to it, with every stamp, reading only those
 * records (each by an indexed reference).
 *
 * Returns: (transfer full): the profile, or %NULL with @error set (%G_IO_ERROR_NOT_FOUND
 *   when no live country has the id)
 */
SixProfile *
six_profile_load (SixDb       *db,
                  const char  *country_id,
                  GError     **error)
{
  g_autoptr(SixProfile) self = NULL;
  g_autoptr(GPtrArray) countries = new_records ();

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (country_id != NULL, NULL);

  if (!gather (db, countries, "country", "id", country_id, error))
    return NULL;
  if (countries->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No country with the code “%s”"), country_id);
      return NULL;
    }

  self = g_object_new (SIX_TYPE_PROFILE, NULL);
  self->country_id = g_strdup (country_id);
  self->country = g_object_ref (countries->pdata[0]);
  if (!gather_all (self, db, error))
    return NULL;
  name_writers (self, db);

  return g_steal_pointer (&self);
}

static GPtrArray *
share_records (GPtrArray     *records,
               SixVisibility  level)
{
  GPtrArray *shared = new_records ();

  for (guint i = 0; i < records->len; i++)
    if (six_record_get_visibility (records->pdata[i]) <= level)
      g_ptr_array_add (shared, g_object_ref (records->pdata[i]));

  return shared;
}

static GHashTable *
share_groups (GHashTable    *groups,
              SixVisibility  level)
{
  GHashTable *shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer id;
  gpointer records;

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &id, &records))
    g_hash_table_insert (shared, g_strdup (id), share_records (records, level));

  return shared;
}

/**
 * six_profile_share:
 * @level: the most restricted visibility kept
 *
 * The profile as it may be shared at @level: every record (obligations, requests,
 * contributions, coalitions and their members, contacts, notes, the parties named) more
 * restricted than @level left out, as the file export leaves them out.
 *
 * Returns: (transfer full): a new profile
 */
SixProfile *
six_profile_share (SixProfile    *self,
                   SixVisibility  level)
{
  SixProfile *shared;
  GHashTableIter iter;
  gpointer party;

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  shared = g_object_new (SIX_TYPE_PROFILE, NULL);
  shared->country_id = g_strdup (self->country_id);
  shared->country = g_object_ref (self->country);
#define SHARE(field) \
  g_ptr_array_unref (shared->field); \
  shared->field = share_records (self->field, level)
  SHARE (obligations);
  SHARE (reports);
  SHARE (requests);
  SHARE (received);
  SHARE (provided);
  SHARE (coalitions);
  SHARE (contacts);
  SHARE (notes);
#undef SHARE
  shared->extensions = share_groups (self->extensions, level);
  g_hash_table_unref (shared->writers);
  shared->writers = g_hash_table_ref (self->writers);
  shared->members = share_groups (self->members, level);

  g_hash_table_iter_init (&iter, self->parties);
  while (g_hash_table_iter_next (&iter, NULL, &party))
    if (six_record_get_visibility (party) <= level)
      g_hash_table_insert (shared->parties, (gpointer) six_record_get_id (party),
                           g_object_ref (party));

  return shared;
}

/* Returns: (nullable): who wrote with @replica, in words ("you", "Nadia Haddad"), for a
 * stamp of one of the profile's records */
const char *
six_profile_get_writer (SixProfile *self,
                        const char *replica)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return replica != NULL ? g_hash_table_lookup (self->writers, replica) : NULL;
}

SixRecord *
six_profile_get_country (SixProfile *self)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return self->country;
}

char *
six_profile_dup_name (SixProfile *self)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return six_iso_codes_dup_country_name (self->country);
}

#define GETTER(name, field) \
  GPtrArray * \
  six_profile_get_##name (SixProfile *self) \
  { \
    g_return_val_if_fail (SIX_IS_PROFILE (self), NULL); \
    return self->field; \
  }

GETTER (obligations, obligations)
GETTER (reports, reports)
GETTER (requests, requests)
GETTER (received, received)
GETTER (provided, provided)
GETTER (coalitions, coalitions)
GETTER (contacts, contacts)
GETTER (notes, notes)

static GPtrArray *
get_group (SixProfile *self,
           GHashTable *groups,
           const char *id)
{
  GPtrArray *group = id != NULL ? g_hash_table_lookup (groups, id) : NULL;

  return group != NULL ? group : self->none;
}

/* Returns: (transfer none): the extension requests of one obligation, oldest first */
GPtrArray *
six_profile_get_extensions (SixProfile *self,
                            const char *obligation_id)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return get_group (self, self->extensions, obligation_id);
}

/* Returns: (transfer none): the members of one of the profile's coalitions, lead first */
GPtrArray *
six_profile_get_members (SixProfile *self,
                         const char *coalition_id)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return get_group (self, self->members, coalition_id);
}

/* A country's shown name, an organisation's acronym or name. */
char *
six_party_dup_name (SixRecord *party)
{
  g_return_val_if_fail (SIX_IS_RECORD (party), NULL);

  if (strcmp (six_record_get_kind_name (party), "country") == 0)
    return six_iso_codes_dup_country_name (party);

  return g_strdup (six_record_get_string (party, "acronym") ?: six_record_get_string (party, "name"));
}

/* A donor, recipient or coalition member of the profile by name, else the id itself. */
char *
six_profile_dup_party_name (SixProfile *self,
                            const char *party_id)
{
  SixRecord *party;

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  if (party_id == NULL)
    return NULL;

  party = g_hash_table_lookup (self->parties, party_id);

  return party != NULL ? six_party_dup_name (party) : g_strdup (party_id);
}

/**
 * six_profile_find:
 *
 * Returns: (transfer none) (nullable): the profile's record of @kind_name with @id, with
 *   its stamps
 */
SixRecord *
six_profile_find (SixProfile *self,
                  const char *kind_name,
                  const char *id)
{
  GPtrArray *arrays[] = {
    self->obligations, self->reports, self->requests, self->received, self->provided,
    self->coalitions, self->contacts, self->notes,
  };

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  if (g_strcmp0 (kind_name, "country") == 0)
    return g_strcmp0 (id, self->country_id) == 0 ? self->country : NULL;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        SixRecord *record = arrays[a]->pdata[i];

        if (g_strcmp0 (six_record_get_kind_name (record), kind_name) == 0 &&
            g_strcmp0 (six_record_get_id (record), id) == 0)
          return record;
      }

  return NULL;
}

/**
 * six_profile_dup_partners:
 * @coalition: one of six_profile_get_coalitions ()
 *
 * Returns: (transfer full): the State's partners in @coalition with their roles,
 *   "Norway (Donor), Halo Trust (Operator)", the State itself left out
 */
char *
six_profile_dup_partners (SixProfile *self,
                          SixRecord  *coalition)
{
  GPtrArray *members;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);
  g_return_val_if_fail (SIX_IS_RECORD (coalition), NULL);

  members = six_profile_get_members (self, six_record_get_id (coalition));
  for (guint i = 0; i < members->len; i++)
    {
      SixRecord *member = members->pdata[i];
      const char *id = six_record_get_string (member, "member");
      g_autofree char *name = NULL;

      if (g_strcmp0 (id, six_record_get_id (six_profile_get_country (self))) == 0)
        continue;

      name = six_profile_dup_party_name (self, id);
      if (out->len > 0)
        g_string_append (out, ", ");
      /* Translators: a coalition partner and its role: "Norway (Donor)" */
      g_string_append_printf (out, _("%s (%s)"), name, six_record_value_label (member, "role"));
    }

  return g_string_free (out, FALSE);
}
