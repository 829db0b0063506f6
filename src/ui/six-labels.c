/* six-labels.c — the words the interface uses for the model's names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "six-labels.h"

typedef struct
{
  const char *name;
  const char *label;
} Label;

static const Label kind_labels[] = {
  { "plan", N_("Action plan") },
  { "plan_section", N_("Section") },
  { "action", N_("Action") },
  { "action_tracking", N_("Follow-up") },
  { "country", N_("Country") },
  { "obligation", N_("Obligation") },
  { "extension_request", N_("Extension request") },
  { "article7_report", N_("Article 7 report") },
  { "assistance_request", N_("Request for assistance") },
  { "contribution", N_("Contribution") },
  { "organisation", N_("Organisation") },
  { "contact", N_("Contact") },
  { "coalition", N_("Coalition") },
  { "coalition_member", N_("Coalition member") },
  { "activity", N_("Activity") },
  { "meeting", N_("Meeting") },
  { "note", N_("Note") },
};

/* The translated name of a record kind, or the name itself for one we don't know. */
const char *
six_kind_label (const char *kind_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_labels); i++)
    if (g_strcmp0 (kind_labels[i].name, kind_name) == 0)
      return _(kind_labels[i].label);

  return kind_name;
}

static const Label tracking_status_labels[] = {
  { "not_started", N_("Not started") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "not_applicable", N_("Not applicable") },
};

/* The translated name of an action's tracking status ("in_progress" → "In progress"). */
const char *
six_tracking_status_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (tracking_status_labels); i++)
    if (g_strcmp0 (tracking_status_labels[i].name, status) == 0)
      return _(tracking_status_labels[i].label);

  return status;
}

static const Label confidence_labels[] = {
  { "high", N_("High confidence") },
  { "medium", N_("Medium confidence") },
  { "low", N_("Low confidence") },
  { "unknown", N_("Confidence unknown") },
};

/* The translated confidence of a reference fact. */
const char *
six_confidence_label (const char *confidence)
{
  for (guint i = 0; i < G_N_ELEMENTS (confidence_labels); i++)
    if (g_strcmp0 (confidence_labels[i].name, confidence) == 0)
      return _(confidence_labels[i].label);

  return _("Confidence unknown");
}

/* How an action is named across both plans: "LAP Action 38", "DAP Action 5.2". */
char *
six_action_heading (SixRecord *action)
{
  gboolean dap = g_str_has_prefix (six_record_get_id (action), "dap:");

  /* Translators: a plan's short name and an action's number, "LAP Action 38" */
  return g_strdup_printf (_("%s Action %s"), dap ? _("DAP") : _("LAP"),
                          six_record_get_string (action, "number"));
}
