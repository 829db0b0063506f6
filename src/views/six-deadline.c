/* six-deadline.c — an obligation's deadline, and the time left to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-deadline"

#include "config.h"

#include "six-deadline.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

/* The deadline in force: the current one, else the original. */
const char *
six_obligation_get_deadline (SixRecord *obligation)
{
  return six_record_get_string (obligation, "current_deadline") ?:
         six_record_get_string (obligation, "original_deadline");
}

/* Open: not completed, whatever its deadline. */
gboolean
six_obligation_is_open (SixRecord *obligation)
{
  g_return_val_if_fail (SIX_IS_RECORD (obligation), FALSE);

  return g_strcmp0 (six_record_get_string (obligation, "status"), "completed") != 0 &&
         six_record_get_string (obligation, "completed_on") == NULL;
}

/**
 * six_obligation_pick_nearest:
 * @obligations: (element-type SixRecord): `obligation` records
 *
 * Returns: (transfer none) (nullable): the open obligation whose deadline comes first
 *   (an overdue one before any still running), or %NULL when none is open with a deadline
 */
SixRecord *
six_obligation_pick_nearest (GPtrArray *obligations)
{
  SixRecord *nearest = NULL;

  g_return_val_if_fail (obligations != NULL, NULL);

  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];

      if (!six_obligation_is_open (obligation) || six_obligation_get_deadline (obligation) == NULL)
        continue;
      if (nearest == NULL || strcmp (six_obligation_get_deadline (obligation), six_obligation_get_deadline (nearest)) < 0)
        nearest = obligation;
    }

  return nearest;
}

static gboolean
is_pending (SixRecord *extension)
{
  const char *decision = six_record_get_string (extension, "decision");

  if (decision != NULL)
    return strcmp (decision, "requested") == 0;

  return six_record_get_string (extension, "granted_until") == NULL;
}

/**
 * six_extension_find_pending:
 * @extensions: (element-type SixRecord): `extension_request` records
 * @obligation_id: the obligation they may extend
 *
 * Returns: (transfer none) (nullable): the latest extension of @obligation_id requested and
 *   awaiting a decision, or %NULL
 */
SixRecord *
six_extension_find_pending (GPtrArray  *extensions,
                            const char *obligation_id)
{
  SixRecord *pending = NULL;

  g_return_val_if_fail (extensions != NULL, NULL);

  for (guint i = 0; i < extensions->len; i++)
    {
      SixRecord *extension = extensions->pdata[i];

      if (g_strcmp0 (six_record_get_string (extension, "obligation"), obligation_id) != 0 ||
          !is_pending (extension))
        continue;
      if (pending == NULL || g_strcmp0 (six_record_get_string (extension, "submitted_on"),
                                        six_record_get_string (pending, "submitted_on")) > 0)
        pending = extension;
    }

  return pending;
}

void
six_date_get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* "1 year 11 months", "8 months", "22 days": the two largest units. */
static char *
describe_span (const GDate *from,
               const GDate *to)
{
  guint months, days;
  g_autofree char *years_text = NULL;
  g_autofree char *months_text = NULL;

  six_date_span (from, to, &months, &days);
  if (months == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);

  months_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                              months % 12), months % 12);
  if (months < 12)
    return g_steal_pointer (&months_text);

  years_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years",
                                             months / 12), months / 12);
  if (months % 12 == 0)
    return g_steal_pointer (&years_text);

  /* TRANSLATORS: a span of time: "2 years" "3 months" */
  return g_strdup_printf (C_("span", "%s %s"), years_text, months_text);
}

/**
 * six_describe_time_left:
 *
 * "Completed", "No deadline", "1 year 11 months left" or "Overdue by 8 months".
 *
 * Returns: (transfer full): the obligation's state against its deadline on @today
 */
char *
six_describe_time_left (SixRecord   *obligation,
                        const GDate *today)
{
  g_autofree char *span = NULL;
  GDate deadline;

  g_return_val_if_fail (SIX_IS_RECORD (obligation), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!six_obligation_is_open (obligation))
    return g_strdup (_("Completed"));
  if (!six_date_parse (six_obligation_get_deadline (obligation), &deadline))
    return g_strdup (_("No deadline"));

  if (g_date_compare (&deadline, today) < 0)
    {
      span = describe_span (&deadline, today);
      return g_strdup_printf (_("Overdue by %s"), span);
    }

  span = describe_span (today, &deadline);
  return g_strdup_printf (_("%s left"), span);
}
