/* six-deadline.c — an obligation's deadline, and the time left to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-deadline"

#include "config.h"

#include "six-deadline.h"

#include "six-labels.h"

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
 *   (a passed one before any still running), or %NULL when none is open with a deadline
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

/* "1 year 11 months", "8 months", "22 days": the two largest units, translated. */
char *
six_describe_span (const GDate *from,
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
 * six_deadline_assess:
 * @extensions: (element-type SixRecord) (nullable): extension requests, of this obligation
 *   or others
 *
 * "Passed" only when nothing suggests otherwise: a status nobody verified is unknown, and a
 * deadline passed while an extension awaits a decision is pending, not missed.
 */
SixDeadlineState
six_deadline_assess (SixRecord   *obligation,
                     GPtrArray   *extensions,
                     const GDate *today)
{
  const char *status;
  gboolean dated;
  GDate deadline;

  g_return_val_if_fail (SIX_IS_RECORD (obligation), SIX_DEADLINE_STATE_UNKNOWN);
  g_return_val_if_fail (today != NULL, SIX_DEADLINE_STATE_UNKNOWN);

  status = six_record_get_string (obligation, "status");
  if (!six_obligation_is_open (obligation))
    return SIX_DEADLINE_STATE_COMPLETED;
  if (g_strcmp0 (status, "unknown") == 0)
    return SIX_DEADLINE_STATE_UNKNOWN;

  dated = six_date_parse (six_obligation_get_deadline (obligation), &deadline);
  if (dated && g_date_compare (&deadline, today) >= 0)
    return SIX_DEADLINE_STATE_IN_TIME;

  if (extensions != NULL &&
      six_extension_find_pending (extensions, six_record_get_id (obligation)) != NULL)
    return SIX_DEADLINE_STATE_EXTENSION_PENDING;

  if (!dated || g_strcmp0 (status, "in_progress") != 0)
    return SIX_DEADLINE_STATE_UNKNOWN;

  return SIX_DEADLINE_STATE_PASSED;
}

/* The state as reports write it in JSON, and as the CSV's code column holds it. */
const char *
six_deadline_state_code (SixDeadlineState state)
{
  switch (state)
    {
    case SIX_DEADLINE_STATE_COMPLETED:
      return "completed";
    case SIX_DEADLINE_STATE_IN_TIME:
      return "in_time";
    case SIX_DEADLINE_STATE_EXTENSION_PENDING:
      return "extension_requested";
    case SIX_DEADLINE_STATE_PASSED:
      return "passed";
    case SIX_DEADLINE_STATE_UNKNOWN:
    default:
      return "unknown";
    }
}

static char *
describe_completed (SixRecord *obligation)
{
  const char *on = six_record_get_string (obligation, "completed_on");

  if (on == NULL)
    return g_strdup (_("Completed"));

  /* Translators: an obligation met, and the day: "Completed on 2023-12-15" */
  return g_strdup_printf (_("Completed on %s"), on);
}

static char *
describe_in_time (SixRecord   *obligation,
                  const GDate *today)
{
  g_autofree char *span = NULL;
  GDate deadline;

  six_date_parse (six_obligation_get_deadline (obligation), &deadline);
  if (g_date_compare (&deadline, today) == 0)
    return g_strdup (_("Due today"));

  span = six_describe_span (today, &deadline);
  /* Translators: the time left to a deadline: "1 year 2 months left" */
  return g_strdup_printf (_("%s left"), span);
}

static char *
describe_pending (SixRecord *extension)
{
  const char *until = six_record_get_string (extension, "requested_until");

  if (until == NULL)
    return g_strdup (_("Extension requested — decision not recorded"));

  /* Translators: the deadline a State asked for: "Extension requested until 2030-03-01 —
   * decision not recorded" */
  return g_strdup_printf (_("Extension requested until %s — decision not recorded"), until);
}

static char *
describe_unknown (SixRecord *obligation)
{
  /* Victim assistance is a lasting duty, not one with a date. */
  if (g_strcmp0 (six_record_get_string (obligation, "article"), "art5") == 0)
    return g_strdup (_("No deadline"));
  if (six_obligation_get_deadline (obligation) == NULL)
    return g_strdup (_("Deadline unknown"));

  return g_strdup (_("Status unknown"));
}

static char *
describe_state (SixRecord        *obligation,
                GPtrArray        *extensions,
                SixDeadlineState  state,
                const GDate      *today)
{
  switch (state)
    {
    case SIX_DEADLINE_STATE_COMPLETED:
      return describe_completed (obligation);
    case SIX_DEADLINE_STATE_IN_TIME:
      return describe_in_time (obligation, today);
    case SIX_DEADLINE_STATE_EXTENSION_PENDING:
      return describe_pending (six_extension_find_pending (extensions,
                                                           six_record_get_id (obligation)));
    case SIX_DEADLINE_STATE_PASSED:
      /* Translators: a deadline in the past: "Passed on 2026-10-01 — no extension recorded" */
      return g_strdup_printf (_("Passed on %s — no extension recorded"),
                              six_obligation_get_deadline (obligation));
    case SIX_DEADLINE_STATE_UNKNOWN:
    default:
      return describe_unknown (obligation);
    }
}

/**
 * six_deadline_describe:
 * @extensions: (element-type SixRecord) (nullable): extension requests, of this obligation
 *   or others
 *
 * The words every view uses for an obligation against its deadline: "Completed on
 * 2023-12-15", "1 year 2 months left", "Extension requested until 2030-03-01 — decision not
 * recorded", "Passed on 2026-10-01 — no extension recorded", "Status unknown"; a fact held
 * with low or unknown confidence says so beside it.
 *
 * Returns: (transfer full): the obligation's state on @today
 */
char *
six_deadline_describe (SixRecord   *obligation,
                       GPtrArray   *extensions,
                       const GDate *today)
{
  SixDeadlineState state = six_deadline_assess (obligation, extensions, today);
  const char *confidence = six_record_get_string (obligation, "confidence");
  g_autofree char *text = describe_state (obligation, extensions, state, today);

  if (g_strcmp0 (confidence, "low") != 0 && g_strcmp0 (confidence, "unknown") != 0)
    return g_steal_pointer (&text);

  /* Translators: a deadline's state and how sure it is: "Status unknown · Low confidence" */
  return g_strdup_printf (_("%s · %s"), text, six_confidence_label (confidence));
}
