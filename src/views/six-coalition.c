/* six-coalition.c — Country Coalitions: every coalition at a glance, and one's workspace
 *
 * One snapshot, read on the store's connection: the list of coalitions with their lead,
 * members, nearest deadline, next meeting and follow-ups; and, for the coalition opened, its
 * members, the lead State's obligations and needs against the contributions that answer them,
 * its meetings, follow-ups and notes. The deadline and coverage rules are the overview's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalition"

#include "config.h"

#include "six-coalition.h"

#include "six-coalition-item.h"
#include "six-db.h"
#include "six-deadline.h"
#include "six-fact.h"
#include "six-iso-codes.h"
#include "six-labels.h"

#include <glib/gi18n.h>
#include <string.h>

struct _SixCoalitionView
{
  GObject              parent_instance;

  GDate                today;
  GPtrArray           *summaries;    /* SixCoalitionSummary, by lead name then title */
  GListStore          *coalitions;   /* SixCoalitionItem: @summaries, worded for the list */
  char                *id;           /* the coalition opened, or NULL */
  SixCoalitionSummary *summary;      /* borrowed from @summaries: the one opened, or NULL */
  SixRecord           *lead;         /* the lead State's country record, or NULL */
  GPtrArray           *members;      /* SixCoalitionMember, lead first, by role then name */
  GPtrArray           *obligations;  /* SixCoalitionObligation, by article */
  GPtrArray           *needs;        /* SixCoalitionNeed: unanswered first, newest first */
  GPtrArray           *commitments;  /* SixCoalitionCommitment, by donor */
  GPtrArray           *upcoming;     /* SixRecord `meeting`, soonest first, undated last */
  GPtrArray           *past;         /* SixRecord `meeting`, latest first */
  GPtrArray           *follow_ups;   /* SixCoalitionFollowUp: open first, by due date */
  GPtrArray           *notes;        /* SixRecord `note` */
};

G_DEFINE_FINAL_TYPE (SixCoalitionView, six_coalition_view, G_TYPE_OBJECT)

/* --- the shared rules ------------------------------------------------------------------- */

/* What no longer waits for anyone: the one rule both six_activity_is_open () and the
 * store's counts of open follow-ups (a SixMatch NONE_OF these) apply. */
const char * const six_activity_closed_statuses[] = { "done", "cancelled", NULL };

gboolean
six_activity_is_open (SixRecord *activity)
{
  const char *status;

  g_return_val_if_fail (SIX_IS_RECORD (activity), FALSE);

  status = six_record_get_string (activity, "status");

  return status == NULL || !g_strv_contains (six_activity_closed_statuses, status);
}

static void
agenda_free (SixCoalitionAgenda *agenda)
{
  g_clear_object (&agenda->next_meeting);
  g_free (agenda);
}

static SixCoalitionAgenda *
agenda_of (GHashTable *agendas,
           const char *coalition_id)
{
  SixCoalitionAgenda *agenda = g_hash_table_lookup (agendas, coalition_id);

  if (agenda == NULL)
    {
      agenda = g_new0 (SixCoalitionAgenda, 1);
      g_hash_table_insert (agendas, g_strdup (coalition_id), agenda);
    }

  return agenda;
}

/* Each tally row counted by coalition: its count, added to the agenda's @member. */
static void
add_counts (GHashTable *agendas,
            GPtrArray  *tallies,
            gsize       member)
{
  for (guint i = 0; i < tallies->len; i++)
    {
      const SixTally *tally = tallies->pdata[i];
      SixCoalitionAgenda *agenda;

      if (tally->values[0] == NULL)
        continue;
      agenda = agenda_of (agendas, g_variant_get_string (tally->values[0], NULL));
      G_STRUCT_MEMBER (guint, agenda, member) = (guint) tally->count;
    }
}

/**
 * six_coalition_agendas_read:
 * @db: the store, on the repository's thread
 * @today: "YYYY-MM-DD"
 *
 * Every coalition's next meeting and its open and overdue follow-ups: the meetings to come,
 * and the store's counts of activities by coalition (never every activity). The Overview and
 * the Coalitions page both read them here.
 *
 * Returns: (transfer full): coalition id → #SixCoalitionAgenda, or %NULL with @error set
 */
GHashTable *
six_coalition_agendas_read (SixDb       *db,
                            const char  *today,
                            GError     **error)
{
  static const char * const by_coalition[] = { "coalition", NULL };
  g_autoptr(GVariant) day = NULL;
  g_autoptr(GHashTable) agendas = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) open_counts = NULL;
  g_autoptr(GPtrArray) overdue_counts = NULL;

  g_return_val_if_fail (db != NULL && today != NULL, NULL);

  day = g_variant_ref_sink (g_variant_new_string (today));
  {
    const SixMatch coming[] = {
      { .field = "coalition", .op = SIX_MATCH_SET },
      { .field = "held_on", .op = SIX_MATCH_AT_LEAST, .bound = day },
    };
    const SixMatch open[] = {
      { .field = "coalition", .op = SIX_MATCH_SET },
      { .field = "status", .op = SIX_MATCH_NONE_OF, .values = six_activity_closed_statuses },
    };
    const SixMatch overdue[] = {
      open[0], open[1],
      { .field = "due_on", .op = SIX_MATCH_BELOW, .bound = day },
    };
    const SixKind *activity = six_kind_lookup ("activity");

    if ((meetings = six_db_select_records (db, six_kind_lookup ("meeting"), coming,
                                           G_N_ELEMENTS (coming), error)) == NULL ||
        (open_counts = six_db_tally_records (db, activity, by_coalition, open,
                                             G_N_ELEMENTS (open), error)) == NULL ||
        (overdue_counts = six_db_tally_records (db, activity, by_coalition, overdue,
                                                G_N_ELEMENTS (overdue), error)) == NULL)
      return NULL;
  }

  agendas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) agenda_free);
  for (guint m = 0; m < meetings->len; m++)
    {
      SixRecord *meeting = meetings->pdata[m];
      SixCoalitionAgenda *agenda = agenda_of (agendas,
                                              six_record_get_string (meeting, "coalition"));
      const char *held_on = six_record_get_string (meeting, "held_on");

      if (agenda->next_meeting == NULL ||
          strcmp (held_on, six_record_get_string (agenda->next_meeting, "held_on")) < 0)
        g_set_object (&agenda->next_meeting, meeting);
    }
  add_counts (agendas, open_counts, G_STRUCT_OFFSET (SixCoalitionAgenda, n_open));
  add_counts (agendas, overdue_counts, G_STRUCT_OFFSET (SixCoalitionAgenda, n_overdue));

  return g_steal_pointer (&agendas);
}

/* "2 open follow-ups, 1 overdue" */
char *
six_coalition_describe_follow_ups (guint n_open,
                                   guint n_overdue)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open follow-up, %u overdue",
                                       "%u open follow-ups, %u overdue", n_open),
                          n_open, n_overdue);
}

/* Returns: (transfer none): @coalition_id's agenda; an empty one if nothing is planned */
const SixCoalitionAgenda *
six_coalition_agenda_lookup (GHashTable *agendas,
                             const char *coalition_id)
{
  static const SixCoalitionAgenda nothing = { NULL, 0, 0 };
  const SixCoalitionAgenda *agenda = g_hash_table_lookup (agendas, coalition_id);

  return agenda != NULL ? agenda : &nothing;
}

/* Returns: (transfer full): "Country Coalition for Lebanon", the title a new one starts with */
char *
six_coalition_dup_default_title (const char *lead_name)
{
  g_return_val_if_fail (lead_name != NULL, NULL);

  /* Translators: the title a new coalition gets, "Country Coalition for Lebanon" */
  return g_strdup_printf (_("Country Coalition for %s"), lead_name);
}

/**
 * six_coalition_resolve:
 * @text: a coalition's id, or the code of the State that leads it ("LBN", "lbn")
 *
 * Returns: (transfer full): the id of the one live coalition @text names, or %NULL with
 *   @error set: %G_IO_ERROR_NOT_FOUND when none, %G_IO_ERROR_INVALID_ARGUMENT when the State
 *   leads several
 */
char *
six_coalition_resolve (SixDb       *db,
                       const char  *text,
                       GError     **error)
{
  const SixKind *kind = six_kind_lookup ("coalition");
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if ((found = six_db_list_referring (db, kind, "id", text, error)) == NULL)
    return NULL;
  if (found->len == 1)
    return g_strdup (six_record_get_id (found->pdata[0]));

  code = g_ascii_strup (text, -1);
  g_clear_pointer (&found, g_ptr_array_unref);
  if ((found = six_db_list_referring (db, kind, "lead", code, error)) == NULL)
    return NULL;
  if (found->len == 1)
    return g_strdup (six_record_get_id (found->pdata[0]));

  if (found->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No coalition “%s”: give a coalition’s id or the code of the State that "
                     "leads it"), text);
      return NULL;
    }

  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) ids = NULL;
    g_autofree char *listed = NULL;

    for (guint i = 0; i < found->len; i++)
      g_strv_builder_add (builder, six_record_get_id (found->pdata[i]));
    ids = g_strv_builder_end (builder);
    listed = g_strjoinv (", ", ids);
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 g_dngettext (GETTEXT_PACKAGE, "%s leads %u coalition: give its id (%s)",
                              "%s leads %u coalitions: give the id of one (%s)", found->len),
                 code, found->len, listed);
  }

  return NULL;
}

/* --- reading ---------------------------------------------------------------------------- */

/* Everything the view reads, listed once on the repository's thread. */
typedef struct
{
  SixDb      *db;
  const char *today;
  GPtrArray  *coalitions;
  GPtrArray  *members;
  GPtrArray  *meetings;
  GPtrArray  *activities;
  GPtrArray  *obligations;
  GHashTable *agendas;  /* coalition id → SixCoalitionAgenda */
  GHashTable *parties;  /* id → SixRecord (country, organisation or contact), or the id
                         * itself when no such record is held */
} Tables;

static void
tables_clear (Tables *tables)
{
  g_clear_pointer (&tables->coalitions, g_ptr_array_unref);
  g_clear_pointer (&tables->members, g_ptr_array_unref);
  g_clear_pointer (&tables->meetings, g_ptr_array_unref);
  g_clear_pointer (&tables->activities, g_ptr_array_unref);
  g_clear_pointer (&tables->obligations, g_ptr_array_unref);
  g_clear_pointer (&tables->agendas, g_hash_table_unref);
  g_clear_pointer (&tables->parties, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tables, tables_clear)

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* @coalition_id's own rows of @kind_name; none when no workspace is shown. */
static GPtrArray *
select_own (SixDb       *db,
            const char  *kind_name,
            const char  *coalition_id,
            GError     **error)
{
  const char * const ids[] = { coalition_id, NULL };
  const SixMatch own[] = {
    { .field = "coalition", .op = SIX_MATCH_ONE_OF, .values = ids },
  };

  if (coalition_id == NULL)
    return new_records ();

  return six_db_select_records (db, six_kind_lookup (kind_name), own, G_N_ELEMENTS (own),
                                error);
}

/* The list's rows, and the meetings and follow-ups of @coalition_id's workspace alone. */
static gboolean
read_tables (Tables      *tables,
             const char  *coalition_id,
             GError     **error)
{
  SixDb *db = tables->db;

  tables->parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  return (tables->coalitions = six_db_list_records (db, six_kind_lookup ("coalition"), FALSE,
                                                    TRUE, error)) != NULL &&
         (tables->members = six_db_list_records (db, six_kind_lookup ("coalition_member"),
                                                 FALSE, FALSE, error)) != NULL &&
         (tables->meetings = select_own (db, "meeting", coalition_id, error)) != NULL &&
         (tables->activities = select_own (db, "activity", coalition_id, error)) != NULL &&
         (tables->obligations = six_db_list_records (db, six_kind_lookup ("obligation"), FALSE,
                                                     FALSE, error)) != NULL &&
         (tables->agendas = six_coalition_agendas_read (db, tables->today, error)) != NULL;
}

/* The live record of @kind_name with @id; NULL when this database does not hold it. */
static SixRecord *
read_live (Tables     *tables,
           const char *kind_name,
           const char *id)
{
  g_autoptr(SixRecord) record = NULL;

  if (id == NULL)
    return NULL;
  record = six_db_get_record (tables->db, six_kind_lookup (kind_name), id, FALSE, NULL);

  return record != NULL && !six_record_is_deleted (record) ? g_steal_pointer (&record) : NULL;
}

/* A member, donor, owner or lead: a country, an organisation or a contact, read once. */
static SixRecord *
lookup_party (Tables     *tables,
              const char *id)
{
  static const char * const kinds[] = { "country", "organisation", "contact", NULL };
  SixRecord *party;
  const SixKind *kind;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (tables->parties, id, NULL, (gpointer *) &party))
    return party;

  kind = six_db_find_kind_of_id (tables->db, id, kinds);
  party = kind != NULL ? read_live (tables, kind->name, id) : NULL;
  g_hash_table_insert (tables->parties, g_strdup (id), party);

  return party;
}

/* A country's name as the user reads it, an organisation's or a person's; else the id. */
static char *
dup_party_name (Tables     *tables,
                const char *id)
{
  SixRecord *party = lookup_party (tables, id);

  if (party == NULL)
    return g_strdup (id != NULL ? id : "");
  if (strcmp (six_record_get_kind_name (party), "country") == 0)
    return six_iso_codes_dup_country_name (party);

  return g_strdup (six_record_get_string (party, "name") ?: id);
}

/* The live records of @kind_name that name @value in @field. */
static GPtrArray *
list_referring (Tables      *tables,
                const char  *kind_name,
                const char  *field,
                const char  *value,
                GError     **error)
{
  if (value == NULL)
    return new_records ();

  return six_db_list_referring (tables->db, six_kind_lookup (kind_name), field, value, error);
}

/* Of @records, those whose @field is @value, in a new array holding its own references. */
static GPtrArray *
filter_by (GPtrArray  *records,
           const char *field,
           const char *value)
{
  GPtrArray *kept = new_records ();

  for (guint i = 0; i < records->len; i++)
    if (value != NULL && g_strcmp0 (six_record_get_string (records->pdata[i], field), value) == 0)
      g_ptr_array_add (kept, g_object_ref (records->pdata[i]));

  return kept;
}

static guint
index_in (const char * const *values,
          const char         *value)
{
  guint i;

  for (i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return i;
}

/* --- the list of coalitions ------------------------------------------------------------- */

static void
summary_free (SixCoalitionSummary *summary)
{
  g_clear_object (&summary->coalition);
  g_free (summary->lead_name);
  g_clear_object (&summary->nearest_obligation);
  g_clear_object (&summary->next_meeting);
  g_free (summary);
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const SixCoalitionSummary *sa = *(SixCoalitionSummary * const *) a;
  const SixCoalitionSummary *sb = *(SixCoalitionSummary * const *) b;
  int order;

  if ((order = g_utf8_collate (sa->lead_name, sb->lead_name)) != 0)
    return order;
  if ((order = g_utf8_collate (six_record_get_string (sa->coalition, "title") ?: "",
                               six_record_get_string (sb->coalition, "title") ?: "")) != 0)
    return order;

  return strcmp (six_record_get_id (sa->coalition), six_record_get_id (sb->coalition));
}

/* @field's value → GPtrArray of the @records holding it: one pass, read per coalition. */
static GHashTable *
group_by (GPtrArray  *records,
          const char *field)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < records->len; i++)
    {
      const char *value = six_record_get_string (records->pdata[i], field);
      GPtrArray *group;

      if (value == NULL)
        continue;
      if ((group = g_hash_table_lookup (groups, value)) == NULL)
        g_hash_table_insert (groups, (gpointer) value, group = g_ptr_array_new ());
      g_ptr_array_add (group, records->pdata[i]);
    }

  return groups;
}

static GPtrArray *
build_summaries (Tables *tables)
{
  GPtrArray *summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_free);
  g_autoptr(GHashTable) obligations = group_by (tables->obligations, "country");
  g_autoptr(GHashTable) members = group_by (tables->members, "coalition");

  for (guint i = 0; i < tables->coalitions->len; i++)
    {
      SixRecord *coalition = tables->coalitions->pdata[i];
      const char *id = six_record_get_id (coalition);
      const char *lead = six_record_get_string (coalition, "lead");
      GPtrArray *own = lead != NULL ? g_hash_table_lookup (obligations, lead) : NULL;
      GPtrArray *joined = g_hash_table_lookup (members, id);
      const SixCoalitionAgenda *agenda = six_coalition_agenda_lookup (tables->agendas, id);
      SixCoalitionSummary *summary = g_new0 (SixCoalitionSummary, 1);
      SixRecord *nearest = own != NULL ? six_obligation_pick_nearest (own) : NULL;

      summary->coalition = g_object_ref (coalition);
      summary->lead_name = dup_party_name (tables, lead);
      summary->n_members = joined != NULL ? joined->len : 0;
      summary->nearest_obligation = nearest != NULL ? g_object_ref (nearest) : NULL;
      summary->next_meeting = agenda->next_meeting != NULL ? g_object_ref (agenda->next_meeting)
                                                           : NULL;
      summary->n_open = agenda->n_open;
      summary->n_overdue = agenda->n_overdue;
      g_ptr_array_add (summaries, summary);
    }
  g_ptr_array_sort (summaries, compare_summaries);

  return summaries;
}

/* "Led by Lebanon · Active · 4 members" */
static char *
describe_lead (SixCoalitionSummary *summary)
{
  g_autofree char *members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member",
                                                           "%u members", summary->n_members),
                                              summary->n_members);
  /* Translators: the State that leads a coalition, "Led by Lebanon" */
  g_autofree char *led = g_strdup_printf (_("Led by %s"), summary->lead_name);

  return six_join_details (led, six_record_value_label (summary->coalition, "status"), members);
}

/* "Deadline 2026-05-01", then "Next meeting 2026-03-02": a line each, as the list stays
 * narrow beside the workspace. */
static char *
describe_dates (SixCoalitionSummary *summary)
{
  g_autofree char *deadline = NULL;
  g_autofree char *meeting = NULL;

  if (summary->nearest_obligation != NULL)
    /* Translators: the lead State's nearest deadline, "Deadline 2026-05-01" */
    deadline = g_strdup_printf (_("Deadline %s"),
                                six_obligation_get_deadline (summary->nearest_obligation));
  meeting = summary->next_meeting != NULL
    /* Translators: the date of a coalition's next meeting */
    ? g_strdup_printf (_("Next meeting %s"),
                       six_record_get_string (summary->next_meeting, "held_on"))
    : g_strdup (_("No meeting planned"));

  return deadline != NULL ? g_strjoin ("\n", deadline, meeting, NULL) : g_steal_pointer (&meeting);
}

static SixCoalitionItem *
new_item (SixCoalitionSummary *summary)
{
  SixRecord *coalition = summary->coalition;
  g_autofree char *lead = describe_lead (summary);
  g_autofree char *dates = describe_dates (summary);
  g_autofree char *follow_ups = six_coalition_describe_follow_ups (summary->n_open,
                                                                   summary->n_overdue);
  g_autofree char *subtitle = g_strjoin ("\n", lead, dates, follow_ups, NULL);

  return six_coalition_item_new (six_record_get_id (coalition),
                                 six_record_get_string (coalition, "title"),
                                 six_record_get_string (coalition, "lead"),
                                 summary->lead_name,
                                 six_record_get_string (coalition, "status"),
                                 six_record_value_label (coalition, "status"),
                                 subtitle, summary->n_overdue > 0);
}

static GListStore *
build_items (GPtrArray *summaries)
{
  GListStore *items = g_list_store_new (SIX_TYPE_COALITION_ITEM);
  g_autoptr(GPtrArray) made = g_ptr_array_new_full (summaries->len, g_object_unref);

  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (made, new_item (summaries->pdata[i]));
  g_list_store_splice (items, 0, 0, made->pdata, made->len);

  return items;
}

/* --- one coalition's workspace ---------------------------------------------------------- */

static void
member_free (SixCoalitionMember *member)
{
  g_clear_object (&member->member);
  g_clear_object (&member->party);
  g_free (member->name);
  g_free (member->contact_name);
  g_free (member);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const SixCoalitionMember *ma = *(SixCoalitionMember * const *) a;
  const SixCoalitionMember *mb = *(SixCoalitionMember * const *) b;
  const char * const *roles = six_kind_get_field (six_kind_lookup ("coalition_member"),
                                                  "role")->values;
  guint ra = index_in (roles, six_record_get_string (ma->member, "role"));
  guint rb = index_in (roles, six_record_get_string (mb->member, "role"));
  int order;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if ((order = g_utf8_collate (ma->name, mb->name)) != 0)
    return order;

  return strcmp (six_record_get_id (ma->member), six_record_get_id (mb->member));
}

static GPtrArray *
build_members (Tables     *tables,
               const char *id)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);

  for (guint i = 0; i < tables->members->len; i++)
    {
      SixRecord *record = tables->members->pdata[i];
      const char *party_id = six_record_get_string (record, "member");
      SixCoalitionMember *member;
      SixRecord *party;

      if (g_strcmp0 (six_record_get_string (record, "coalition"), id) != 0)
        continue;

      party = lookup_party (tables, party_id);
      member = g_new0 (SixCoalitionMember, 1);
      member->member = g_object_ref (record);
      member->party = party != NULL ? g_object_ref (party) : NULL;
      member->name = dup_party_name (tables, party_id);
      if (six_record_get_string (record, "contact") != NULL)
        member->contact_name = dup_party_name (tables, six_record_get_string (record, "contact"));
      g_ptr_array_add (members, member);
    }
  g_ptr_array_sort (members, compare_members);

  return members;
}

static void
obligation_free (SixCoalitionObligation *obligation)
{
  g_clear_object (&obligation->obligation);
  g_clear_pointer (&obligation->deadline, six_overview_deadline_free);
  g_clear_pointer (&obligation->extensions, g_ptr_array_unref);
  g_free (obligation);
}

static int
compare_by_field (SixRecord  *a,
                  SixRecord  *b,
                  const char *field)
{
  int order = g_strcmp0 (six_record_get_string (a, field), six_record_get_string (b, field));

  return order != 0 ? order : strcmp (six_record_get_id (a), six_record_get_id (b));
}

static int
compare_obligations (gconstpointer a,
                     gconstpointer b)
{
  return compare_by_field ((*(SixCoalitionObligation * const *) a)->obligation,
                           (*(SixCoalitionObligation * const *) b)->obligation, "article");
}

static int
compare_submissions (gconstpointer a,
                     gconstpointer b)
{
  return compare_by_field (*(SixRecord * const *) a, *(SixRecord * const *) b, "submitted_on");
}

static GPtrArray *
build_obligations (Tables      *tables,
                   const char  *lead,
                   const char  *lead_name,
                   const GDate *today,
                   GError     **error)
{
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) own = filter_by (tables->obligations, "country", lead);

  obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) obligation_free);
  for (guint i = 0; i < own->len; i++)
    {
      SixRecord *record = own->pdata[i];
      SixCoalitionObligation *obligation = g_new0 (SixCoalitionObligation, 1);

      obligation->obligation = g_object_ref (record);
      g_ptr_array_add (obligations, obligation);
      obligation->extensions = list_referring (tables, "extension_request", "obligation",
                                               six_record_get_id (record), error);
      if (obligation->extensions == NULL)
        return NULL;
      g_ptr_array_sort (obligation->extensions, compare_submissions);
      obligation->deadline = six_overview_deadline_new (record, lead_name,
                                                        obligation->extensions, today);
    }
  g_ptr_array_sort (obligations, compare_obligations);

  return g_steal_pointer (&obligations);
}

static void
need_free (SixCoalitionNeed *need)
{
  g_clear_object (&need->request);
  g_clear_pointer (&need->responses, g_ptr_array_unref);
  g_clear_pointer (&need->donor_names, g_ptr_array_unref);
  g_clear_pointer (&need->sums, g_ptr_array_unref);
  g_free (need);
}

static int
compare_needs (gconstpointer a,
               gconstpointer b)
{
  const SixCoalitionNeed *na = *(SixCoalitionNeed * const *) a;
  const SixCoalitionNeed *nb = *(SixCoalitionNeed * const *) b;
  gint64 ya = six_record_get_int (na->request, "year", 0);
  gint64 yb = six_record_get_int (nb->request, "year", 0);
  guint ca = index_in (six_categories, six_record_get_string (na->request, "category"));
  guint cb = index_in (six_categories, six_record_get_string (nb->request, "category"));

  /* What still needs a partner comes first. */
  if (na->coverage != nb->coverage)
    return na->coverage > nb->coverage ? -1 : 1;
  if (ya != yb)
    return ya > yb ? -1 : 1;
  if (ca != cb)
    return ca < cb ? -1 : 1;

  return strcmp (six_record_get_id (na->request), six_record_get_id (nb->request));
}

/* Responses by donor name; the names in the same order. */
static void
sort_responses (Tables           *tables,
                SixCoalitionNeed *need)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();

  for (guint i = 0; i < need->responses->len; i++)
    {
      SixRecord *response = need->responses->pdata[i];
      char *name = dup_party_name (tables, six_record_get_string (response, "donor"));

      /* Stable: collate names, then the response's id. */
      guint at = 0;

      while (at < pairs->len &&
             (g_utf8_collate (need->donor_names->pdata[at], name) < 0 ||
              (g_utf8_collate (need->donor_names->pdata[at], name) == 0 &&
               strcmp (six_record_get_id (pairs->pdata[at]), six_record_get_id (response)) < 0)))
        at++;
      g_ptr_array_insert (pairs, (int) at, response);
      g_ptr_array_insert (need->donor_names, (int) at, name);
    }

  for (guint i = 0; i < pairs->len; i++)
    g_object_ref (pairs->pdata[i]);
  g_ptr_array_set_size (need->responses, 0);
  g_ptr_array_extend_and_steal (need->responses, g_steal_pointer (&pairs));
}

static gboolean
build_needs (SixCoalitionView  *self,
             Tables            *tables,
             const char        *coalition_id,
             const char        *lead,
             GError           **error)
{
  g_autoptr(GPtrArray) requests = list_referring (tables, "assistance_request", "country", lead,
                                                  error);
  g_autoptr(GPtrArray) within = NULL;
  g_autoptr(GHashTable) request_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (requests == NULL)
    return FALSE;

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = requests->pdata[i];
      SixCoalitionNeed *need;

      g_hash_table_add (request_ids, (gpointer) six_record_get_id (request));
      if (g_strcmp0 (six_record_get_string (request, "status"), "withdrawn") == 0)
        continue;

      need = g_new0 (SixCoalitionNeed, 1);
      need->request = g_object_ref (request);
      need->donor_names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->needs, need);
      need->responses = list_referring (tables, "contribution", "request",
                                        six_record_get_id (request), error);
      if (need->responses == NULL)
        return FALSE;
      sort_responses (tables, need);
      need->coverage = six_coverage_assess (request, need->responses);
      need->sums = six_amount_sum_by_currency (need->responses);
    }
  g_ptr_array_sort (self->needs, compare_needs);

  /* The members' other commitments within the coalition: no request of the lead's behind. */
  within = list_referring (tables, "contribution", "coalition", coalition_id, error);
  if (within == NULL)
    return FALSE;
  for (guint i = 0; i < within->len; i++)
    {
      SixRecord *contribution = within->pdata[i];
      const char *request = six_record_get_string (contribution, "request");
      SixCoalitionCommitment *commitment;

      if (request != NULL && g_hash_table_contains (request_ids, request))
        continue;
      commitment = g_new0 (SixCoalitionCommitment, 1);
      commitment->contribution = g_object_ref (contribution);
      commitment->donor_name = dup_party_name (tables,
                                               six_record_get_string (contribution, "donor"));
      g_ptr_array_add (self->commitments, commitment);
    }

  return TRUE;
}

static void
commitment_free (SixCoalitionCommitment *commitment)
{
  g_clear_object (&commitment->contribution);
  g_free (commitment->donor_name);
  g_free (commitment);
}

static int
compare_upcoming (gconstpointer a,
                  gconstpointer b)
{
  const char *da = six_record_get_string (*(SixRecord * const *) a, "held_on");
  const char *db = six_record_get_string (*(SixRecord * const *) b, "held_on");

  /* Undated meetings are still to be set: after the dated ones. */
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;

  return compare_by_field (*(SixRecord * const *) a, *(SixRecord * const *) b, "held_on");
}

static int
compare_past (gconstpointer a,
              gconstpointer b)
{
  return -compare_by_field (*(SixRecord * const *) a, *(SixRecord * const *) b, "held_on");
}

static void
build_meetings (SixCoalitionView *self,
                Tables           *tables,
                const char       *id)
{
  for (guint i = 0; i < tables->meetings->len; i++)
    {
      SixRecord *meeting = tables->meetings->pdata[i];
      const char *held_on = six_record_get_string (meeting, "held_on");

      if (g_strcmp0 (six_record_get_string (meeting, "coalition"), id) != 0)
        continue;
      g_ptr_array_add (held_on != NULL && strcmp (held_on, tables->today) < 0
                       ? self->past : self->upcoming, g_object_ref (meeting));
    }
  g_ptr_array_sort (self->upcoming, compare_upcoming);
  g_ptr_array_sort (self->past, compare_past);
}

static void
follow_up_free (SixCoalitionFollowUp *follow_up)
{
  g_clear_object (&follow_up->activity);
  g_free (follow_up->owner_name);
  g_clear_pointer (&follow_up->actions, g_ptr_array_unref);
  g_clear_object (&follow_up->meeting);
  g_clear_object (&follow_up->request);
  g_free (follow_up);
}

static int
compare_follow_ups (gconstpointer a,
                    gconstpointer b)
{
  const SixCoalitionFollowUp *fa = *(SixCoalitionFollowUp * const *) a;
  const SixCoalitionFollowUp *fb = *(SixCoalitionFollowUp * const *) b;
  const char *da = six_record_get_string (fa->activity, "due_on");
  const char *db = six_record_get_string (fb->activity, "due_on");
  int order;

  if (fa->open != fb->open)
    return fa->open ? -1 : 1;
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if ((order = g_strcmp0 (da, db)) != 0)
    return order;
  if ((order = g_utf8_collate (six_record_get_string (fa->activity, "title") ?: "",
                               six_record_get_string (fb->activity, "title") ?: "")) != 0)
    return order;

  return strcmp (six_record_get_id (fa->activity), six_record_get_id (fb->activity));
}

/* The meeting a follow-up was agreed at: one of the coalition's, read already, or any other
 * (another coalition's, or one of no coalition, as a file may bring). */
static SixRecord *
find_meeting (Tables     *tables,
              const char *id)
{
  for (guint i = 0; id != NULL && i < tables->meetings->len; i++)
    if (strcmp (six_record_get_id (tables->meetings->pdata[i]), id) == 0)
      return g_object_ref (tables->meetings->pdata[i]);

  return read_live (tables, "meeting", id);
}

static gboolean
build_follow_ups (SixCoalitionView  *self,
                  Tables            *tables,
                  const char        *id,
                  GError           **error)
{
  for (guint i = 0; i < tables->activities->len; i++)
    {
      SixRecord *activity = tables->activities->pdata[i];
      const char *owner = six_record_get_string (activity, "owner");
      const char *due_on = six_record_get_string (activity, "due_on");
      GVariant *actions = six_record_get_value (activity, "actions");
      SixCoalitionFollowUp *follow_up;

      if (g_strcmp0 (six_record_get_string (activity, "coalition"), id) != 0)
        continue;

      follow_up = g_new0 (SixCoalitionFollowUp, 1);
      follow_up->activity = g_object_ref (activity);
      follow_up->owner_name = owner != NULL ? dup_party_name (tables, owner) : NULL;
      follow_up->open = six_activity_is_open (activity);
      follow_up->overdue = follow_up->open && due_on != NULL && strcmp (due_on, tables->today) < 0;
      follow_up->actions = new_records ();
      follow_up->meeting = find_meeting (tables, six_record_get_string (activity, "meeting"));
      follow_up->request = read_live (tables, "assistance_request",
                                      six_record_get_string (activity, "request"));
      g_ptr_array_add (self->follow_ups, follow_up);

      if (actions != NULL)
        {
          g_autofree const char **items = g_variant_get_strv (actions, NULL);

          for (guint a = 0; items[a] != NULL; a++)
            {
              g_autoptr(GPtrArray) found = list_referring (tables, "action", "id", items[a],
                                                           error);

              if (found == NULL)
                return FALSE;
              if (found->len > 0)
                g_ptr_array_add (follow_up->actions, g_object_ref (found->pdata[0]));
            }
        }
    }
  g_ptr_array_sort (self->follow_ups, compare_follow_ups);

  return TRUE;
}

static gboolean
build_workspace (SixCoalitionView  *self,
                 Tables            *tables,
                 GError           **error)
{
  SixRecord *coalition = self->summary->coalition;
  const char *lead = six_record_get_string (coalition, "lead");
  SixRecord *lead_record = lookup_party (tables, lead);

  self->lead = lead_record != NULL && strcmp (six_record_get_kind_name (lead_record),
                                              "country") == 0 ? g_object_ref (lead_record) : NULL;
  self->members = build_members (tables, self->id);
  build_meetings (self, tables, self->id);

  self->obligations = build_obligations (tables, lead, self->summary->lead_name, &self->today,
                                         error);

  return self->obligations != NULL &&
         build_needs (self, tables, self->id, lead, error) &&
         build_follow_ups (self, tables, self->id, error) &&
         (self->notes = list_referring (tables, "note", "target", self->id, error)) != NULL;
}

/* --- the object ------------------------------------------------------------------------- */

static void
six_coalition_view_finalize (GObject *object)
{
  SixCoalitionView *self = (SixCoalitionView *) object;

  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_object (&self->coalitions);
  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->lead);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->obligations, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->commitments, g_ptr_array_unref);
  g_clear_pointer (&self->upcoming, g_ptr_array_unref);
  g_clear_pointer (&self->past, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (six_coalition_view_parent_class)->finalize (object);
}

static void
six_coalition_view_class_init (SixCoalitionViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = six_coalition_view_finalize;
}

static void
six_coalition_view_init (SixCoalitionView *self)
{
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->obligations = g_ptr_array_new_with_free_func ((GDestroyNotify) obligation_free);
  self->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) need_free);
  self->commitments = g_ptr_array_new_with_free_func ((GDestroyNotify) commitment_free);
  self->upcoming = new_records ();
  self->past = new_records ();
  self->follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) follow_up_free);
  self->notes = new_records ();
}

/**
 * six_coalition_view_build:
 * @coalition_id: (nullable): the coalition whose workspace to read as well, or %NULL for the
 *   list only
 * @today: the day deadlines, meetings and follow-ups are measured from
 *
 * Reads on the store's connection (the repository's thread). A @coalition_id no live
 * coalition has (deleted, say) reads the list alone.
 *
 * Returns: (transfer full): the view, or %NULL with @error set
 */
SixCoalitionView *
six_coalition_view_build (SixDb        *db,
                          const char   *coalition_id,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(SixCoalitionView) self = NULL;
  g_auto(Tables) tables = { 0 };
  char today_text[16];

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_snprintf (today_text, sizeof today_text, "%04d-%02d-%02d", g_date_get_year (today),
              g_date_get_month (today), g_date_get_day (today));
  tables.db = db;
  tables.today = today_text;
  if (!read_tables (&tables, coalition_id, error))
    return NULL;

  self = g_object_new (SIX_TYPE_COALITION_VIEW, NULL);
  self->today = *today;
  self->summaries = build_summaries (&tables);
  self->coalitions = build_items (self->summaries);

  for (guint i = 0; coalition_id != NULL && i < self->summaries->len; i++)
    {
      SixCoalitionSummary *summary = self->summaries->pdata[i];

      if (strcmp (six_record_get_id (summary->coalition), coalition_id) == 0)
        self->summary = summary;
    }

  if (self->summary != NULL)
    {
      /* Filled again from nothing: the arrays made at init stay empty for the list alone. */
      g_clear_pointer (&self->members, g_ptr_array_unref);
      g_clear_pointer (&self->obligations, g_ptr_array_unref);
      g_clear_pointer (&self->notes, g_ptr_array_unref);
      self->id = g_strdup (coalition_id);
      if (!build_workspace (self, &tables, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/* The day the view was measured from. */
void
six_coalition_view_get_today (SixCoalitionView *self,
                              GDate            *today)
{
  g_return_if_fail (SIX_IS_COALITION_VIEW (self));
  g_return_if_fail (today != NULL);

  *today = self->today;
}

/**
 * six_coalition_view_get_summaries:
 *
 * Returns: (transfer none) (element-type SixCoalitionSummary): every live coalition, closed
 *   ones too, by lead State then title
 */
GPtrArray *
six_coalition_view_get_summaries (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->summaries;
}

/**
 * six_coalition_view_get_coalitions:
 *
 * Returns: (transfer none): the summaries as the list shows them, as #SixCoalitionItem, in
 *   the same order
 */
GListModel *
six_coalition_view_get_coalitions (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return G_LIST_MODEL (self->coalitions);
}

/* The coalition whose workspace was read, or NULL: none asked, or none such is live. */
const char *
six_coalition_view_get_id (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->id;
}

/* Returns: (transfer none) (nullable): the list's line for the coalition opened */
SixCoalitionSummary *
six_coalition_view_get_summary (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->summary;
}

/* Returns: (transfer none) (nullable): the coalition opened, with its stamps */
SixRecord *
six_coalition_view_get_coalition (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->summary != NULL ? self->summary->coalition : NULL;
}

/* Returns: (transfer none) (nullable): the lead State's country record */
SixRecord *
six_coalition_view_get_lead (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->lead;
}

/* Returns: (nullable): the lead State's name, as shown */
const char *
six_coalition_view_get_lead_name (SixCoalitionView *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  return self->summary != NULL ? self->summary->lead_name : NULL;
}

/* Returns: (transfer none): each a GPtrArray of the struct or record named beside it. */
#define GETTER(name) \
  GPtrArray * \
  six_coalition_view_get_##name (SixCoalitionView *self) \
  { \
    g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL); \
    return self->name; \
  }

/* SixCoalitionMember: the lead first then by role and name */
GETTER (members)
/* SixCoalitionObligation: the lead State's, by article */
GETTER (obligations)
/* SixCoalitionNeed: the lead's requests not withdrawn; unanswered first */
GETTER (needs)
/* SixCoalitionCommitment: contributions in the coalition answering no need */
GETTER (commitments)
/* SixRecord meeting: on or after today and undated; soonest first */
GETTER (upcoming)
/* SixRecord meeting: before today; latest first */
GETTER (past)
/* SixCoalitionFollowUp: open ones first; by due date */
GETTER (follow_ups)
/* SixRecord note: on the coalition */
GETTER (notes)

/**
 * six_coalition_view_find:
 *
 * Returns: (transfer none) (nullable): the workspace's record of @kind_name with @id: the
 *   coalition, a member, an obligation, a request, a contribution, a meeting, a follow-up or
 *   a note
 */
SixRecord *
six_coalition_view_find (SixCoalitionView *self,
                         const char       *kind_name,
                         const char       *id)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  if (self->summary == NULL || kind_name == NULL || id == NULL)
    return NULL;

  all = g_ptr_array_new ();
  g_ptr_array_add (all, self->summary->coalition);
  for (guint i = 0; i < self->members->len; i++)
    {
      SixCoalitionMember *member = self->members->pdata[i];

      g_ptr_array_add (all, member->member);
      if (member->party != NULL)
        g_ptr_array_add (all, member->party);
    }
  for (guint i = 0; i < self->obligations->len; i++)
    g_ptr_array_add (all, ((SixCoalitionObligation *) self->obligations->pdata[i])->obligation);
  for (guint i = 0; i < self->needs->len; i++)
    {
      SixCoalitionNeed *need = self->needs->pdata[i];

      g_ptr_array_add (all, need->request);
      g_ptr_array_extend (all, need->responses, NULL, NULL);
    }
  for (guint i = 0; i < self->commitments->len; i++)
    g_ptr_array_add (all, ((SixCoalitionCommitment *) self->commitments->pdata[i])->contribution);
  g_ptr_array_extend (all, self->upcoming, NULL, NULL);
  g_ptr_array_extend (all, self->past, NULL, NULL);
  for (guint i = 0; i < self->follow_ups->len; i++)
    g_ptr_array_add (all, ((SixCoalitionFollowUp *) self->follow_ups->pdata[i])->activity);
  g_ptr_array_extend (all, self->notes, NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    if (strcmp (six_record_get_kind_name (all->pdata[i]), kind_name) == 0 &&
        strcmp (six_record_get_id (all->pdata[i]), id) == 0)
      return all->pdata[i];

  return NULL;
}

/**
 * six_coalition_view_dup_attendees:
 * @meeting: one of the workspace's meetings
 *
 * Returns: (nullable): the members who attend @meeting, by name, "Norway, Mines Advisory
 *   Group"; %NULL when none is named
 */
char *
six_coalition_view_dup_attendees (SixCoalitionView *self,
                                  SixRecord        *meeting)
{
  GVariant *attendees = six_record_get_value (meeting, "attendees");
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree const char **ids = NULL;

  g_return_val_if_fail (SIX_IS_COALITION_VIEW (self), NULL);

  if (attendees == NULL || self->members == NULL)
    return NULL;

  ids = g_variant_get_strv (attendees, NULL);
  for (guint i = 0; i < self->members->len; i++)
    {
      SixCoalitionMember *member = self->members->pdata[i];

      if (g_strv_contains (ids, six_record_get_string (member->member, "member")))
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", member->name);
    }

  return names->len > 0 ? g_strdup (names->str) : NULL;
}

/* Returns: (transfer full): a coalition's focus in words, "Article 4 — Clearance, Article 5 —
 *   Victim assistance"; empty when none is recorded */
char *
six_coalition_dup_focus (SixRecord *coalition)
{
  GVariant *articles = six_record_get_value (coalition, "articles");
  g_autofree const char **items = articles != NULL ? g_variant_get_strv (articles, NULL) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            six_value_label ("coalition", "articles", items[i]));

  return g_string_free (out, FALSE);
}
