/* six-progress.c — the cooperation and assistance paragraph of a progress report, drafted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paragraph follows the form of the Convention's own progress reports: "As of …, 11 of the
 * 11 States Parties … had requested …: A, B and C. Of these, one (Peru) requested assistance
 * for stockpile destruction, six (…) for survey and clearance …". Numbers one to nine are
 * words, lists end with "and", States are named and sorted in the paragraph's language.
 */
#define G_LOG_DOMAIN "six-progress"

#include "config.h"

#include "six-progress.h"

#include "six-iso-codes.h"
#include "six-kind.h"

#include <string.h>

#define N_CATEGORIES 7

/* Sentence templates take named slots, "{date}", so each language orders them its own way.
 * [0] is the form for exactly one, [1] for more (zero is never written with them). */
typedef struct
{
  const char *code;
  const char *numbers[10];             /* 1–9 in words, agreeing with "States" */
  const char *months[12];
  const char *date;                    /* "{day} {month} {year}" */
  const char *first_day;               /* the 1st of a month ("1er"), or NULL for "1" */
  const char *and;
  const char *and_before_i;            /* Spanish "e" before an i- sound, or NULL */
  const char *thousands;
  const char *decimal;
  const char *categories[N_CATEGORIES];      /* six_categories as labels */
  const char *for_categories[N_CATEGORIES];  /* …as the end of "requested assistance …" */

  const char *report_year;             /* {years}: one year */
  const char *report_span;             /* {years}: a span of years */
  const char *seeking_of[2];           /* {n} of the {m} reporting States Parties asked */
  const char *seeking_only;            /* the one reporting State Party asked */
  const char *seeking[2];              /* more States asked than reported */
  const char *none_recorded;           /* nobody asked, nobody reported */
  const char *none_of[2];              /* nobody of the {m} reporting States Parties asked */
  const char *categories_intro;
  const char *category_first[2];       /* the first item, with its verb */
  const char *category_next;
  const char *requests_of;
  const char *requests_none_answered;
  const char *request_only[SIX_N_COVERAGES];
  const char *coverage[SIX_N_COVERAGES][2];
  const char *totals;
  const char *without_amount[2];
  const char *only_without_amount[2];
  const char *overflow;
} Language;

/* English, French and Spanish are the Convention's official languages: a progress report is
 * drafted in any of them whatever the interface speaks, so the paragraph's words live here
 * in one table, not in gettext catalogs (which only follow the process's locale). */
static const Language languages[] = {
  {
    .code = "en",
    .numbers = { NULL, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" },
    .months = { "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December" },
    .date = "{day} {month} {year}",
    .and = " and ",
    .thousands = ",",
    .decimal = ".",
    .categories = { "Stockpile destruction", "Survey and clearance", "Risk education",
                    "Victim assistance", "National implementation", "Transparency reporting",
                    "Other" },
    .for_categories = { "for stockpile destruction", "for survey and clearance",
                        "for risk education", "for victim assistance",
                        "for national implementation measures", "for transparency reporting",
                        "for other assistance" },
    .report_year = "a recorded {years} Article 7 report",
    .report_span = "recorded {years} Article 7 reports",
    .seeking_of = {
      "As of {date}, one of the {m} States Parties with {report} had requested international "
      "cooperation and assistance: {list}.",
      "As of {date}, {n} of the {m} States Parties with {report} had requested international "
      "cooperation and assistance: {list}.",
    },
    .seeking_only = "As of {date}, the only State Party with {report} had requested "
                    "international cooperation and assistance: {list}.",
    .seeking = {
      "As of {date}, one State had requested international cooperation and assistance for "
      "{years}: {list}.",
      "As of {date}, {n} States had requested international cooperation and assistance for "
      "{years}: {list}.",
    },
    .none_recorded = "As of {date}, no request for international cooperation and assistance "
                     "is recorded for {years}.",
    .none_of = {
      "As of {date}, the only State Party with {report} had not requested international "
      "cooperation and assistance, and no request is recorded for {years}.",
      "As of {date}, none of the {m} States Parties with {report} had requested international "
      "cooperation and assistance, and no request is recorded for {years}.",
    },
    .categories_intro = "Of these, {items}.",
    .category_first = {
      "{n} ({list}) requested assistance {for}",
      "{n} ({list}) requested assistance {for}",
    },
    .category_next = "{n} ({list}) {for}",
    .requests_of = "Of the {n} requests recorded for {years}, {items}.",
    .requests_none_answered = "None of the {n} requests recorded for {years} has been "
                              "answered.",
    .request_only = {
      "The only request recorded for {years} was answered in full.",
      "The only request recorded for {years} was partly answered.",
      "The only request recorded for {years} remains unanswered.",
    },
    .coverage = {
      { "one was answered in full", "{n} were answered in full" },
      { "one was partly answered", "{n} were partly answered" },
      { "one remains unanswered", "{n} remain unanswered" },
    },
    .totals = "Contributions recorded for {years} total {amounts}{extra}.",
    .without_amount = {
      ", as well as one contribution with no amount or currency recorded",
      ", as well as {n} contributions with no amount or currency recorded",
    },
    .only_without_amount = {
      "One contribution is recorded for {years}, with no amount or currency.",
      "{N} contributions are recorded for {years}, with no amount or currency.",
    },
    .overflow = "an amount in {currency} too large to total",
  },
  {
    .code = "fr",
    .numbers = { NULL, "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf" },
    .months = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre" },
    .date = "{day} {month} {year}",
    .first_day = "1er",
    .and = " et ",
    .thousands = "\u00a0",
    .decimal = ",",
    .categories = { "Destruction des stocks", "Relevé et dépollution", "Éducation aux risques",
                    "Assistance aux victimes", "Mise en œuvre nationale",
                    "Rapports de transparence", "Autre" },
    .for_categories = { "pour la destruction des stocks", "pour le relevé et la dépollution",
                        "pour l'éducation aux risques", "pour l'assistance aux victimes",
                        "pour la mise en œuvre nationale",
                        "pour l'établissement des rapports de transparence",
                        "pour d'autres formes d'assistance" },
    .report_year = "un rapport au titre de l'article 7 enregistré pour {years}",
    .report_span = "des rapports au titre de l'article 7 enregistrés pour {years}",
    .seeking_of = {
      "Au {date}, l'un des {m} États parties ayant {report} avait demandé une coopération et "
      "une assistance internationales\u00a0: {list}.",
      "Au {date}, {n} des {m} États parties ayant {report} avaient demandé une coopération et "
      "une assistance internationales\u00a0: {list}.",
    },
    .seeking_only = "Au {date}, le seul État partie ayant {report} avait demandé une "
                    "coopération et une assistance internationales\u00a0: {list}.",
    .seeking = {
      "Au {date}, un État avait demandé une coopération et une assistance internationales "
      "pour {years}\u00a0: {list}.",
      "Au {date}, {n} États avaient demandé une coopération et une assistance internationales "
      "pour {years}\u00a0: {list}.",
    },
    .none_recorded = "Au {date}, aucune demande de coopération et d'assistance internationales "
                     "n'est enregistrée pour {years}.",
    .none_of = {
      "Au {date}, le seul État partie ayant {report} n'avait pas demandé de coopération et "
      "d'assistance internationales, et aucune demande n'est enregistrée pour {years}.",
      "Au {date}, aucun des {m} États parties ayant {report} n'avait demandé de coopération "
      "et d'assistance internationales, et aucune demande n'est enregistrée pour {years}.",
    },
    .categories_intro = "Parmi eux, {items}.",
    .category_first = {
      "{n} ({list}) a demandé une assistance {for}",
      "{n} ({list}) ont demandé une assistance {for}",
    },
    .category_next = "{n} ({list}) {for}",
    .requests_of = "Sur les {n} demandes enregistrées pour {years}, {items}.",
    .requests_none_answered = "Aucune des {n} demandes enregistrées pour {years} n'a reçu de "
                              "réponse.",
    .request_only = {
      "La seule demande enregistrée pour {years} a reçu une réponse complète.",
      "La seule demande enregistrée pour {years} a reçu une réponse partielle.",
      "La seule demande enregistrée pour {years} reste sans réponse.",
    },
    .coverage = {
      { "une a reçu une réponse complète", "{n} ont reçu une réponse complète" },
      { "une a reçu une réponse partielle", "{n} ont reçu une réponse partielle" },
      { "une reste sans réponse", "{n} restent sans réponse" },
    },
    .totals = "Les contributions enregistrées pour {years} s'élèvent à {amounts}{extra}.",
    .without_amount = {
      ", ainsi qu'une contribution sans montant ni monnaie enregistrés",
      ", ainsi que {n} contributions sans montant ni monnaie enregistrés",
    },
    .only_without_amount = {
      "Une contribution est enregistrée pour {years}, sans montant ni monnaie.",
      "{N} contributions sont enregistrées pour {years}, sans montant ni monnaie.",
    },
    .overflow = "un montant en {currency} trop élevé pour être totalisé",
  },
  {
    .code = "es",
    .numbers = { NULL, "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                 "nueve" },
    .months = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                "septiembre", "octubre", "noviembre", "diciembre" },
    .date = "{day} de {month} de {year}",
    .and = " y ",
    .and_before_i = " e ",
    .thousands = ".",
    .decimal = ",",
    .categories = { "Destrucción de existencias", "Reconocimiento y limpieza",
                    "Educación sobre el riesgo", "Asistencia a las víctimas",
                    "Aplicación nacional", "Informes de transparencia", "Otro" },
    .for_categories = { "para la destrucción de existencias",
                        "para el reconocimiento y la limpieza",
                        "para la educación sobre el riesgo", "para la asistencia a las víctimas",
                        "para la aplicación nacional",
                        "para la presentación de informes de transparencia",
                        "para otras formas de asistencia" },
    .report_year = "un informe en virtud del artículo 7 registrado para {years}",
    .report_span = "informes en virtud del artículo 7 registrados para {years}",
    .seeking_of = {
      "Al {date}, uno de los {m} Estados partes con {report} había solicitado cooperación y "
      "asistencia internacionales: {list}.",
      "Al {date}, {n} de los {m} Estados partes con {report} habían solicitado cooperación y "
      "asistencia internacionales: {list}.",
    },
    .seeking_only = "Al {date}, el único Estado parte con {report} había solicitado "
                    "cooperación y asistencia internacionales: {list}.",
    .seeking = {
      "Al {date}, un Estado había solicitado cooperación y asistencia internacionales para "
      "{years}: {list}.",
      "Al {date}, {n} Estados habían solicitado cooperación y asistencia internacionales para "
      "{years}: {list}.",
    },
    .none_recorded = "Al {date}, no se ha registrado ninguna solicitud de cooperación y "
                     "asistencia internacionales para {years}.",
    .none_of = {
      "Al {date}, el único Estado parte con {report} no había solicitado cooperación y "
      "asistencia internacionales, y no se ha registrado ninguna solicitud para {years}.",
      "Al {date}, ninguno de los {m} Estados partes con {report} había solicitado cooperación "
      "y asistencia internacionales, y no se ha registrado ninguna solicitud para {years}.",
    },
    .categories_intro = "De ellos, {items}.",
    .category_first = {
      "{n} ({list}) solicitó asistencia {for}",
      "{n} ({list}) solicitaron asistencia {for}",
    },
    .category_next = "{n} ({list}) {for}",
    .requests_of = "De las {n} solicitudes registradas para {years}, {items}.",
    .requests_none_answered = "Ninguna de las {n} solicitudes registradas para {years} ha sido "
                              "atendida.",
    .request_only = {
      "La única solicitud registrada para {years} fue atendida plenamente.",
      "La única solicitud registrada para {years} fue atendida parcialmente.",
      "La única solicitud registrada para {years} sigue sin respuesta.",
    },
    .coverage = {
      { "una fue atendida plenamente", "{n} fueron atendidas plenamente" },
      { "una fue atendida parcialmente", "{n} fueron atendidas parcialmente" },
      { "una sigue sin respuesta", "{n} siguen sin respuesta" },
    },
    .totals = "Las contribuciones registradas para {years} ascienden a {amounts}{extra}.",
    .without_amount = {
      ", además de una contribución sin importe ni moneda registrados",
      ", además de {n} contribuciones sin importe ni moneda registrados",
    },
    .only_without_amount = {
      "Se ha registrado una contribución para {years}, sin importe ni moneda.",
      "Se han registrado {n} contribuciones para {years}, sin importe ni moneda.",
    },
    .overflow = "un importe en {currency} demasiado grande para sumarlo",
  },
};

static const Language *
lookup_language (const char *language)
{
  for (guint i = 0; language != NULL && i < G_N_ELEMENTS (languages); i++)
    if (strncmp (language, languages[i].code, 2) == 0 &&
        (language[2] == '\0' || language[2] == '_' || language[2] == '-' || language[2] == '.'))
      return &languages[i];

  return &languages[0];
}

/**
 * six_progress_get_language:
 * @language: (nullable): "en", "fr", "es", or a locale name such as "fr_CH.UTF-8"
 *
 * Returns: the paragraph's language for @language: "en", "fr" or "es" (English for any other)
 */
const char *
six_progress_get_language (const char *language)
{
  return lookup_language (language)->code;
}

/* Replaces each "{key}" of @template by its value; pairs of key and value, then NULL. */
static char *
expand (const char *template,
        ...)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      const char *value = NULL;
      va_list args;

      if (close == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      va_start (args, template);
      for (const char *key = va_arg (args, const char *); key != NULL;
           key = va_arg (args, const char *))
        {
          const char *candidate = va_arg (args, const char *);

          if (strlen (key) == (gsize) (close - p - 1) && strncmp (key, p + 1, close - p - 1) == 0)
            value = candidate;
        }
      va_end (args);

      /* A slot the template does not fill stays visible rather than vanishing. */
      g_warn_if_fail (value != NULL);
      g_string_append_len (out, value != NULL ? value : p, value != NULL ? -1 : close + 1 - p);
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

static char *
format_number (const Language *lang,
               guint           n)
{
  if (n >= 1 && n <= 9)
    return g_strdup (lang->numbers[n]);

  return g_strdup_printf ("%u", n);
}

/* The start of a sentence: "Three contributions…". */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char head[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), head);

  return g_strconcat (head, g_utf8_next_char (text), NULL);
}

/**
 * six_progress_format_date:
 * @language: "en", "fr" or "es"
 *
 * Returns: (transfer full): "7 December 2026", "1er décembre 2026", "7 de diciembre de 2026"
 */
char *
six_progress_format_date (const GDate *date,
                          const char  *language)
{
  const Language *lang = lookup_language (language);
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = g_date_get_day (date) == 1 && lang->first_day != NULL
        ? g_strdup (lang->first_day) : g_strdup_printf ("%u", g_date_get_day (date));
  year = g_strdup_printf ("%u", g_date_get_year (date));

  return expand (lang->date, "day", day, "month", lang->months[g_date_get_month (date) - 1],
                 "year", year, NULL);
}

/* Returns: (transfer full): "2018", or "2018–2020" for a span */
char *
six_progress_format_years (int first_year,
                           int last_year)
{
  if (last_year <= first_year)
    return g_strdup_printf ("%d", first_year);

  return g_strdup_printf ("%d–%d", first_year, last_year);
}

/**
 * six_progress_format_amount:
 * @currency: (nullable): an ISO 4217 code
 *
 * Like six_amount_format (), but with @language's separators whatever the user's:
 * "1,250,000.50 EUR", "1 250 000,50 EUR", "1.250.000,50 EUR".
 *
 * Returns: (transfer full): the amount
 */
char *
six_progress_format_amount (gint64      ten_thousandths,
                            const char *currency,
                            const char *language)
{
  const Language *lang = lookup_language (language);
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ten_thousandths / 10000);
  gint64 fraction = ten_thousandths % 10000;
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, lang->thousands);
      g_string_append_c (out, digits[i]);
    }

  if (fraction != 0)
    {
      g_string_append (out, lang->decimal);
      if (fraction % 100 == 0)
        g_string_append_printf (out, "%02d", (int) (fraction / 100));
      else
        g_string_append_printf (out, "%04d", (int) fraction);
    }

  if (currency != NULL)
    g_string_append_printf (out, " %s", currency);

  return g_string_free (out, FALSE);
}

/* Lower case without accents ("État" → "etat"), and Spanish ñ after n: a sort key that does
 * not depend on the process's locale, which need not be the paragraph's. */
static char *
collation_key (const char     *text,
               const Language *lang)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *key = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0x0303 && lang->and_before_i != NULL && key->len > 0 &&
          key->str[key->len - 1] == 'n')
        g_string_append_c (key, '\x7f');
      else if (!g_unichar_ismark (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static int
collate (const Language *lang,
         const char     *a,
         const char     *b)
{
  g_autofree char *key_a = collation_key (a, lang);
  g_autofree char *key_b = collation_key (b, lang);
  int order = strcmp (key_a, key_b);

  return order != 0 ? order : strcmp (a, b);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return collate (user_data, *(const char * const *) a, *(const char * const *) b);
}

/* Spanish writes "e" for "y" before a word sounding /i/: "Chad e Iraq", but "y Hierro". */
static gboolean
starts_with_i_sound (const char *word)
{
  g_autofree char *key = collation_key (word, &languages[0]);
  const char *p = key;

  if (*p == 'h')
    p++;

  return p[0] == 'i' && strchr ("aeou", p[1]) == NULL;
}

/**
 * six_progress_join:
 * @items: (array zero-terminated=1): the list's items, in order
 * @language: "en", "fr" or "es"
 *
 * Returns: (transfer full): "A, B and C", "A, B et C", "A, B y C" (or "A e Iraq")
 */
char *
six_progress_join (const char * const *items,
                   const char         *language)
{
  const Language *lang = lookup_language (language);
  guint n = items != NULL ? g_strv_length ((char **) items) : 0;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i + 1 < n)
        g_string_append (out, ", ");
      else if (i > 0)
        g_string_append (out, lang->and_before_i != NULL && starts_with_i_sound (items[i])
                              ? lang->and_before_i : lang->and);
      g_string_append (out, items[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * six_progress_get_category_label:
 * @category: an index into six_categories
 *
 * Returns: the category's name in @language, "Survey and clearance"
 */
const char *
six_progress_get_category_label (guint       category,
                                 const char *language)
{
  g_return_val_if_fail (category < N_CATEGORIES, NULL);

  return lookup_language (language)->categories[category];
}

/**
 * six_progress_get_state_name:
 * @country: a State's ISO 3166-1 alpha-3 code
 * @fallback: (nullable): the name to use when iso-codes does not know @country
 *
 * Returns: the State's UN short name in @language
 */
const char *
six_progress_get_state_name (const char *country,
                             const char *fallback,
                             const char *language)
{
  const char *name = country != NULL ? six_iso_codes_get_name_in (country,
                                                                  lookup_language (language)->code)
                                     : NULL;

  return name != NULL ? name : fallback != NULL ? fallback : country;
}

/* The States' names in @lang, sorted in @lang; @countries are ids of the overview's States. */
static GStrv
dup_sorted_names (SixOverview        *overview,
                  const char * const *countries,
                  const Language     *lang)
{
  GPtrArray *states = six_overview_get_states (overview);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; countries[i] != NULL; i++)
    {
      const char *fallback = NULL;

      for (guint s = 0; s < states->len && fallback == NULL; s++)
        if (g_strcmp0 (((SixOverviewState *) states->pdata[s])->country, countries[i]) == 0)
          fallback = ((SixOverviewState *) states->pdata[s])->name;
      g_ptr_array_add (names, g_strdup (six_progress_get_state_name (countries[i], fallback,
                                                                     lang->code)));
    }
  g_ptr_array_sort_with_data (names, compare_names, (gpointer) lang);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static char *
join_names (SixOverview        *overview,
            const char * const *countries,
            const Language     *lang)
{
  g_auto(GStrv) names = dup_sorted_names (overview, countries, lang);

  return six_progress_join ((const char * const *) names, lang->code);
}

/* "As of 7 December 2026, 11 of the 11 States Parties … had requested …: A, B and C." */
static void
append_seeking (GString        *out,
                SixOverview    *overview,
                const Language *lang,
                const char     *date,
                const char     *years)
{
  gboolean span = six_overview_get_last_year (overview) > six_overview_get_first_year (overview);
  g_auto(GStrv) seeking = six_overview_dup_seeking_states (overview);
  guint n = g_strv_length (seeking);
  guint m = six_overview_get_n_reporting (overview);
  g_autofree char *report = expand (span ? lang->report_span : lang->report_year,
                                    "years", years, NULL);
  g_autofree char *n_text = format_number (lang, n);
  g_autofree char *m_text = format_number (lang, m);
  g_autofree char *list = join_names (overview, (const char * const *) seeking, lang);
  g_autofree char *sentence = NULL;
  const char *template;

  if (n == 0 && m == 0)
    template = lang->none_recorded;
  else if (n == 0)
    template = lang->none_of[m == 1 ? 0 : 1];
  else if (n == 1 && m == 1)
    template = lang->seeking_only;
  /* Counted "of the m States Parties" only while they can be among them. */
  else if (n <= m)
    template = lang->seeking_of[n == 1 ? 0 : 1];
  else
    template = lang->seeking[n == 1 ? 0 : 1];

  sentence = expand (template, "date", date, "years", years, "report", report,
                     "n", n_text, "m", m_text, "list", list, NULL);
  g_string_append (out, sentence);
}

/* "Of these, one (Peru) requested assistance for stockpile destruction, six (…) for …" */
static void
append_categories (GString        *out,
                   SixOverview    *overview,
                   const Language *lang)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *sentence = NULL;

  for (guint c = 0; c < N_CATEGORIES && six_categories[c] != NULL; c++)
    {
      g_auto(GStrv) countries = six_overview_dup_category_states (overview, c);
      guint n = g_strv_length (countries);
      g_autofree char *n_text = NULL;
      g_autofree char *list = NULL;
      const char *template;

      if (n == 0)
        continue;

      n_text = format_number (lang, n);
      list = join_names (overview, (const char * const *) countries, lang);
      template = items->len == 0 ? lang->category_first[n == 1 ? 0 : 1] : lang->category_next;
      g_ptr_array_add (items, expand (template, "n", n_text, "list", list,
                                      "for", lang->for_categories[c], NULL));
    }

  if (items->len == 0)
    return;

  g_ptr_array_add (items, NULL);
  joined = six_progress_join ((const char * const *) items->pdata, lang->code);
  sentence = expand (lang->categories_intro, "items", joined, NULL);
  g_string_append_printf (out, " %s", sentence);
}

/* "Of the 22 requests recorded for 2018, one was answered in full … and 17 remain unanswered." */
static void
append_requests (GString        *out,
                 SixOverview    *overview,
                 const Language *lang,
                 const char     *years)
{
  GPtrArray *requests = six_overview_get_requests (overview);
  guint counts[SIX_N_COVERAGES] = { 0, };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *n_text = format_number (lang, requests->len);
  g_autofree char *joined = NULL;
  g_autofree char *sentence = NULL;

  for (guint i = 0; i < requests->len; i++)
    counts[((SixOverviewRequest *) requests->pdata[i])->coverage]++;

  if (requests->len == 1)
    {
      SixCoverage coverage = ((SixOverviewRequest *) requests->pdata[0])->coverage;

      sentence = expand (lang->request_only[coverage], "years", years, NULL);
    }
  else if (counts[SIX_COVERAGE_ANSWERED] == 0 && counts[SIX_COVERAGE_PARTLY] == 0)
    {
      sentence = expand (lang->requests_none_answered, "n", n_text, "years", years, NULL);
    }
  else
    {
      for (guint c = 0; c < SIX_N_COVERAGES; c++)
        {
          g_autofree char *count = format_number (lang, counts[c]);

          if (counts[c] > 0)
            g_ptr_array_add (items, expand (lang->coverage[c][counts[c] == 1 ? 0 : 1],
                                            "n", count, NULL));
        }
      g_ptr_array_add (items, NULL);
      joined = six_progress_join ((const char * const *) items->pdata, lang->code);
      sentence = expand (lang->requests_of, "n", n_text, "years", years, "items", joined, NULL);
    }

  g_string_append_printf (out, " %s", sentence);
}

typedef struct
{
  const char *currency;
  gint64      total;
  gboolean    overflow;
} CurrencyTotal;

static int
compare_currencies (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (((const CurrencyTotal *) a)->currency, ((const CurrencyTotal *) b)->currency);
}

/* "Contributions recorded for 2018 total 1,350,000 EUR and 300,000 USD, as well as …" —
 * summed over statuses within a currency, never across currencies. */
static void
append_totals (GString        *out,
               SixOverview    *overview,
               const Language *lang,
               const char     *years)
{
  GPtrArray *totals = six_overview_get_totals (overview);
  g_autoptr(GArray) currencies = g_array_new (FALSE, TRUE, sizeof (CurrencyTotal));
  g_autoptr(GPtrArray) amounts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sentence = NULL;
  guint without = 0;

  for (guint i = 0; i < totals->len; i++)
    {
      SixOverviewTotal *total = totals->pdata[i];
      CurrencyTotal *sum = NULL;

      if (total->currency == NULL)
        {
          without += total->n_contributions;
          continue;
        }
      for (guint c = 0; c < currencies->len && sum == NULL; c++)
        if (strcmp (g_array_index (currencies, CurrencyTotal, c).currency, total->currency) == 0)
          sum = &g_array_index (currencies, CurrencyTotal, c);
      if (sum == NULL)
        {
          CurrencyTotal added = { .currency = total->currency };

          g_array_append_val (currencies, added);
          sum = &g_array_index (currencies, CurrencyTotal, currencies->len - 1);
        }
      if (total->overflow || __builtin_add_overflow (sum->total, total->total, &sum->total))
        sum->overflow = TRUE;
    }
  g_array_sort (currencies, compare_currencies);

  for (guint c = 0; c < currencies->len; c++)
    {
      CurrencyTotal *sum = &g_array_index (currencies, CurrencyTotal, c);

      g_ptr_array_add (amounts, sum->overflow
                                ? expand (lang->overflow, "currency", sum->currency, NULL)
                                : six_progress_format_amount (sum->total, sum->currency,
                                                              lang->code));
    }
  g_ptr_array_add (amounts, NULL);

  if (currencies->len > 0)
    {
      g_autofree char *joined = six_progress_join ((const char * const *) amounts->pdata,
                                                   lang->code);
      g_autofree char *n_text = format_number (lang, without);
      g_autofree char *extra = without > 0 ? expand (lang->without_amount[without == 1 ? 0 : 1],
                                                     "n", n_text, NULL)
                                           : g_strdup ("");

      sentence = expand (lang->totals, "years", years, "amounts", joined, "extra", extra, NULL);
    }
  else if (without > 0)
    {
      g_autofree char *n_text = format_number (lang, without);
      g_autofree char *capital = capitalize (n_text);

      sentence = expand (lang->only_without_amount[without == 1 ? 0 : 1], "years", years,
                         "n", n_text, "N", capital, NULL);
    }

  if (sentence != NULL)
    g_string_append_printf (out, " %s", sentence);
}

static gboolean
has_answers (SixOverview *overview)
{
  GPtrArray *requests = six_overview_get_requests (overview);

  for (guint i = 0; i < requests->len; i++)
    if (((SixOverviewRequest *) requests->pdata[i])->coverage != SIX_COVERAGE_UNANSWERED)
      return TRUE;

  return FALSE;
}

/**
 * six_progress_dup_text:
 * @language: "en", "fr" or "es" (any other: English), whatever the user interface's
 * @as_of: the date the paragraph speaks of
 *
 * Drafts the cooperation and assistance paragraph of a Meeting of States Parties progress
 * report for the overview's span: who asked, for what, and — when something was given — how
 * far the requests are answered and what the contributions total, per currency.
 *
 * Safe on any thread: it reads only the snapshot and iso-codes.
 *
 * Returns: (transfer full): the paragraph
 */
char *
six_progress_dup_text (SixOverview *overview,
                       const char  *language,
                       const GDate *as_of)
{
  const Language *lang = lookup_language (language);
  g_autofree char *date = NULL;
  g_autofree char *years = NULL;
  GString *out;

  g_return_val_if_fail (SIX_IS_OVERVIEW (overview), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  date = six_progress_format_date (as_of, lang->code);
  years = six_progress_format_years (six_overview_get_first_year (overview),
                                     six_overview_get_last_year (overview));
  out = g_string_new (NULL);

  append_seeking (out, overview, lang, date, years);
  append_categories (out, overview, lang);

  if (six_overview_get_totals (overview)->len > 0 || has_answers (overview))
    {
      if (six_overview_get_requests (overview)->len > 0)
        append_requests (out, overview, lang, years);
      append_totals (out, overview, lang, years);
    }

  return g_string_free (out, FALSE);
}
