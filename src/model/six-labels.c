/* six-labels.c — the words the interface uses for the model's names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "six-labels.h"

#include <string.h>

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
  { NULL, NULL },
};

/* The translated name of an action's tracking status ("in_progress" → "In progress"). */
const char *
six_tracking_status_label (const char *status)
{
  return six_value_label ("action_tracking", "status", status);
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

static const Label ccm_status_labels[] = {
  { "party", N_("State Party") },
  { "signatory", N_("Signatory") },
  { "not_party", N_("Not party") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL },
};

static const Label region_labels[] = {
  { "africa", N_("Africa") },
  { "americas", N_("Americas") },
  { "asia", N_("Asia") },
  { "europe", N_("Europe") },
  { "middle_east", N_("Middle East") },
  { "pacific", N_("Pacific") },
  { NULL, NULL },
};

static const Label instrument_labels[] = {
  { "ratification", N_("Ratification") },
  { "accession", N_("Accession") },
  { "succession", N_("Succession") },
  { NULL, NULL },
};

static const Label article_labels[] = {
  { "art3", N_("Article 3 — Stockpile destruction") },
  { "art4", N_("Article 4 — Clearance") },
  { "art5", N_("Article 5 — Victim assistance") },
  { NULL, NULL },
};

static const Label obligation_status_labels[] = {
  { "in_progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "unknown", N_("Unknown") },
  { NULL, NULL },
};

static const Label decision_labels[] = {
  { "requested", N_("Requested") },
  { "granted", N_("Granted") },
  { "granted_presumed", N_("Granted (presumed)") },
  { "refused", N_("Refused") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL },
};

static const Label category_labels[] = {
  { "stockpile_destruction", N_("Stockpile destruction") },
  { "survey_clearance", N_("Survey and clearance") },
  { "risk_education", N_("Risk education") },
  { "victim_assistance", N_("Victim assistance") },
  { "national_implementation", N_("National implementation") },
  { "transparency_reporting", N_("Transparency reporting") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const Label request_status_labels[] = {
  { "open", N_("Open") },
  { "partly_met", N_("Partly met") },
  { "met", N_("Met") },
  { "withdrawn", N_("Withdrawn") },
  { NULL, NULL },
};

static const Label contribution_kind_labels[] = {
  { "financial", N_("Financial") },
  { "technical", N_("Technical") },
  { "material", N_("Material") },
  { NULL, NULL },
};

static const Label contribution_status_labels[] = {
  { "pledged", N_("Pledged") },
  { "committed", N_("Committed") },
  { "disbursed", N_("Disbursed") },
  { "delivered", N_("Delivered") },
  { NULL, NULL },
};

static const Label coalition_status_labels[] = {
  { "proposed", N_("Proposed") },
  { "active", N_("Active") },
  { "closed", N_("Closed") },
  { NULL, NULL },
};

static const Label role_labels[] = {
  { "lead", N_("Lead") },
  { "donor", N_("Donor") },
  { "operator", N_("Operator") },
  { "ngo", N_("NGO") },
  { "isu", N_("ISU") },
  { "expert", N_("Expert") },
  { "peer", N_("Peer") },
  { NULL, NULL },
};

static const Label activity_status_labels[] = {
  { "planned", N_("Planned") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  { NULL, NULL },
};

static const Label meeting_kind_labels[] = {
  { "coalition_meeting", N_("Coalition meeting") },
  { "side_event", N_("Side event") },
  { "msp", N_("Meeting of States Parties") },
  { "review_conference", N_("Review Conference") },
  { "intersessional", N_("Intersessional meeting") },
  { "workshop", N_("Workshop") },
  { "bilateral", N_("Bilateral meeting") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const Label organisation_kind_labels[] = {
  { "un", N_("UN agency") },
  { "icrc", N_("Red Cross and Red Crescent") },
  { "ngo", N_("NGO") },
  { "operator", N_("Operator") },
  { "isu", N_("ISU") },
  { "regional", N_("Regional body") },
  { "government", N_("Government agency") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const Label visibility_labels[] = {
  { "public", N_("Public") },
  { "coalition", N_("Coalition") },
  { "private", N_("Private") },
  { NULL, NULL },
};

typedef struct
{
  const char  *kind_name;  /* NULL: any kind */
  const char  *field;
  const Label *labels;
} ValueLabels;

static const ValueLabels value_labels[] = {
  { "country", "status", ccm_status_labels },
  { "country", "region", region_labels },
  { "country", "instrument", instrument_labels },
  { NULL, "article", article_labels },
  { NULL, "articles", article_labels },
  { "obligation", "status", obligation_status_labels },
  { "extension_request", "decision", decision_labels },
  { NULL, "category", category_labels },
  { NULL, "categories", category_labels },
  { NULL, "confidence", confidence_labels },
  { "assistance_request", "status", request_status_labels },
  { "contribution", "kind", contribution_kind_labels },
  { "contribution", "status", contribution_status_labels },
  { "coalition", "status", coalition_status_labels },
  { "coalition_member", "role", role_labels },
  { "action_tracking", "status", tracking_status_labels },
  { "activity", "status", activity_status_labels },
  { "meeting", "kind", meeting_kind_labels },
  { "organisation", "kind", organisation_kind_labels },
  { NULL, "visibility", visibility_labels },
};

/**
 * six_value_label:
 *
 * The translated word for one value of an enumerated field ("country", "status", "party" →
 * "State Party"), or the value itself for one we have no word for.
 */
const char *
six_value_label (const char *kind_name,
                 const char *field,
                 const char *value)
{
  if (value == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    {
      const ValueLabels *table = &value_labels[i];

      if (g_strcmp0 (table->field, field) != 0 ||
          (table->kind_name != NULL && g_strcmp0 (table->kind_name, kind_name) != 0))
        continue;

      for (const Label *label = table->labels; label->name != NULL; label++)
        if (strcmp (label->name, value) == 0)
          return _(label->label);
    }

  return value;
}

static const Label field_labels[] = {
  { "status", N_("Status") },
  { "region", N_("Region") },
  { "signed_on", N_("Signed") },
  { "instrument", N_("Ratification, Accession or Succession") },
  { "instrument_on", N_("Ratified or Acceded") },
  { "entry_into_force", N_("Entry into Force") },
  { "withdrawn_on", N_("Withdrawn") },
  { "original_deadline", N_("Original Deadline") },
  { "current_deadline", N_("Current Deadline") },
  { "completed_on", N_("Completed") },
  { "notes", N_("Notes") },
  { "year", N_("Year") },
  { "category", N_("Category") },
  { "description", N_("Description") },
  { "amount", N_("Amount") },
  { "currency", N_("Currency (ISO 4217)") },
  { "donor", N_("From") },
  { "recipient", N_("To") },
  { "kind", N_("Kind") },
  { "request", N_("Answers Request") },
  { "name", N_("Name") },
  { "role", N_("Role") },
  { "email", N_("Email") },
  { "phone", N_("Phone") },
  { "text", N_("Text") },
  { "visibility", N_("Shared With") },
  { "title", N_("Title") },
  { "lead", N_("Lead State") },
  { "established_on", N_("Started") },
  { "articles", N_("Focus") },
  { "member", N_("Member") },
  { "due_on", N_("Due") },
  { "owner", N_("Owner") },
  { "coalition", N_("Coalition") },
  { "country", N_("Country") },
  { "held_on", N_("Date") },
  { "place", N_("Place or Online") },
  { "participants", N_("Others Attending") },
  { "attendees", N_("Attendees") },
  { "agenda", N_("Agenda") },
  { "outcomes", N_("Minutes and Outcomes") },
  { "since", N_("Member Since") },
  { "until", N_("Member Until") },
  { "contact", N_("Contact Person") },
  { "meeting", N_("From Meeting") },
  { "acronym", N_("Acronym") },
  { "actions", N_("Action-Plan Actions") },
  { "action", N_("Action") },
  { "adopted_at", N_("Adopted At") },
  { "adopted_on", N_("Adopted") },
  { "affiliation", N_("Affiliation") },
  { "alpha2", N_("Two-Letter Code") },
  { "article", N_("Article") },
  { "categories", N_("Categories") },
  { "confidence", N_("Confidence") },
  { "decided_at", N_("Decided At") },
  { "decision", N_("Decision") },
  { "deleted", N_("Deleted") },
  { "first_year", N_("First Year") },
  { "granted_until", N_("Granted Until") },
  { "indicators", N_("Indicators") },
  { "last_year", N_("Last Year") },
  { "links", N_("Linked Records") },
  { "number", N_("Number") },
  { "obligation", N_("Obligation") },
  { "plan", N_("Action Plan") },
  { "position", N_("Position") },
  { "related", N_("Related Actions") },
  { "requested_assistance", N_("Requested Assistance") },
  { "requested_until", N_("Requested Until") },
  { "section", N_("Section") },
  { "short_title", N_("Short Title") },
  { "submitted_on", N_("Submitted") },
  { "summary", N_("Summary") },
  { "symbol", N_("Document Symbol") },
  { "target", N_("About") },
  { "verified", N_("Verified") },
};

/* The translated title of a field in a form ("entry_into_force" → "Entry into Force"). */
const char *
six_field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].name, field) == 0)
      return _(field_labels[i].label);

  return field;
}

/* The value @record holds in @field, as shown: the translated word for an enumeration's
 * value, any other text as it is. */
const char *
six_record_value_label (SixRecord  *record,
                        const char *field)
{
  return six_value_label (six_record_get_kind_name (record), field,
                          six_record_get_string (record, field));
}

/* What an action is about: its title, or its gist where the title only repeats its number
 * ("Action 38", as the pack names an action whose title was not recovered); %NULL if neither. */
const char *
six_action_get_caption (SixRecord *action)
{
  const char *title = six_record_get_string (action, "title");
  g_autofree char *placeholder = g_strdup_printf ("Action %s",
                                                  six_record_get_string (action, "number"));

  if (title != NULL && *title != '\0' && strcmp (title, placeholder) != 0)
    return title;

  return six_record_get_string (action, "summary");
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
