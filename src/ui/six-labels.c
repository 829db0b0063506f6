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
