/* test-progress.c — the progress report's paragraph in three languages, and the overview's PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-iso-codes.h"
#include "six-overview-document.h"
#include "six-progress.h"
#include "six-reference-pack.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <locale.h>
#include <string.h>

static SixDb *shared_db;
static SixDb *given_db;

static void
get_as_of (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 7, G_DATE_DECEMBER, 2026);
}

static SixDb *
open_db_with_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (six_reference_pack_ensure (db, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

/* The reference pack alone: the 2018 reports and requests of the concept note. */
static SixDb *
get_db (void)
{
  if (shared_db == NULL)
    shared_db = open_db_with_pack ();

  return shared_db;
}

static SixOverview *
build (SixDb *db,
       int    first_year,
       int    last_year)
{
  g_autoptr(GError) error = NULL;
  SixOverview *overview;
  GDate as_of;

  get_as_of (&as_of);
  overview = six_overview_build (db, first_year, last_year, &as_of, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview);

  return overview;
}

static char *
dup_text (SixOverview *overview,
          const char  *language)
{
  GDate as_of;

  get_as_of (&as_of);

  return six_progress_dup_text (overview, language, &as_of);
}

static void
apply (SixDb   *db,
       SixEdit *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "test", edits, &error), >, 0);
  g_assert_no_error (error);
}

static SixEdit *
new_record (const char *kind_name,
            char      **id)
{
  g_autofree char *uuid = g_uuid_string_random ();
  SixEdit *edit = six_edit_new (six_kind_lookup (kind_name), uuid);

  if (id != NULL)
    *id = g_steal_pointer (&uuid);

  return edit;
}

/* The id of the pack's 2018 request by @country in @category. */
static const char *
find_request (SixOverview *overview,
              const char  *country,
              const char  *category)
{
  GPtrArray *requests = six_overview_get_requests (overview);

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = ((SixOverviewRequest *) requests->pdata[i])->request;

      if (g_strcmp0 (six_record_get_string (request, "country"), country) == 0 &&
          g_strcmp0 (six_record_get_string (request, "category"), category) == 0)
        return six_record_get_id (request);
    }

  g_assert_not_reached ();
}

static void
add_contribution (SixDb      *db,
                  const char *donor,
                  const char *recipient,
                  const char *category,
                  const char *amount,
                  const char *currency,
                  const char *status,
                  const char *request)
{
  SixEdit *edit = new_record ("contribution", NULL);

  six_edit_set_string (edit, "donor", donor);
  six_edit_set_string (edit, "recipient", recipient);
  six_edit_set_string (edit, "category", category);
  six_edit_set_string (edit, "kind", amount != NULL ? "financial" : "technical");
  if (amount != NULL)
    {
      six_edit_set_string (edit, "amount", amount);
      six_edit_set_string (edit, "currency", currency);
    }
  six_edit_set_int (edit, "year", 2018);
  six_edit_set_string (edit, "status", status);
  six_edit_set_string (edit, "request", request);
  apply (db, edit);
}

/* The pack, and what was given in 2018: Mozambique's new request met in full in euros, three
 * of the pack's requests answered in part (euros, dollars, and help in kind). */
static SixDb *
get_given_db (void)
{
  g_autoptr(SixOverview) overview = NULL;
  g_autofree char *request = NULL;
  SixEdit *edit;

  if (given_db != NULL)
    return given_db;

  given_db = open_db_with_pack ();
  overview = build (given_db, 2018, 2018);

  edit = new_record ("assistance_request", &request);
  six_edit_set_string (edit, "country", "MOZ");
  six_edit_set_int (edit, "year", 2018);
  six_edit_set_string (edit, "category", "other");
  six_edit_set_string (edit, "description", "Destruction of obsolete aerial bombs");
  six_edit_set_string (edit, "amount", "100000");
  six_edit_set_string (edit, "currency", "EUR");
  apply (given_db, edit);

  add_contribution (given_db, "NOR", "MOZ", "other", "100000", "EUR", "delivered", request);
  add_contribution (given_db, "NOR", "LBN", "survey_clearance", "1250000", "EUR", "disbursed",
                    find_request (overview, "LBN", "survey_clearance"));
  add_contribution (given_db, "DEU", "AFG", "victim_assistance", "300000.5", "USD", "pledged",
                    find_request (overview, "AFG", "victim_assistance"));
  add_contribution (given_db, "NOR", "PER", "stockpile_destruction", NULL, NULL, "delivered",
                    find_request (overview, "PER", "stockpile_destruction"));

  return given_db;
}

static const char expected_en[] =
  "As of 7 December 2026, 11 of the 11 States Parties with a recorded 2018 Article 7 report "
  "had requested international cooperation and assistance: Afghanistan, Albania, Chad, Iraq, "
  "Lao People's Democratic Republic, Lebanon, Montenegro, Mozambique, Peru, Somalia and State "
  "of Palestine. Of these, one (Peru) requested assistance for stockpile destruction, six "
  "(Afghanistan, Chad, Lao People's Democratic Republic, Lebanon, Montenegro and State of "
  "Palestine) for survey and clearance, five (Afghanistan, Iraq, Lebanon, Montenegro and "
  "Somalia) for risk education, nine (Afghanistan, Albania, Chad, Iraq, Lao People's "
  "Democratic Republic, Lebanon, Montenegro, Somalia and State of Palestine) for victim "
  "assistance and one (Mozambique) for other assistance.";

/* French puts a no-break space before a colon; "État" sorts with the E's. */
static const char expected_fr[] =
  "Au 7 décembre 2026, 11 des 11 États parties ayant un rapport au titre de l'article 7 "
  "enregistré pour 2018 avaient demandé une coopération et une assistance internationales"
  "\u00a0: Afghanistan, Albanie, État de Palestine, Irak, Liban, Monténégro, Mozambique, "
  "Pérou, République démocratique populaire lao, Somalie et Tchad. Parmi eux, un (Pérou) a "
  "demandé une assistance pour la destruction des stocks, six (Afghanistan, État de "
  "Palestine, Liban, Monténégro, République démocratique populaire lao et Tchad) pour le "
  "relevé et la dépollution, cinq (Afghanistan, Irak, Liban, Monténégro et Somalie) pour "
  "l'éducation aux risques, neuf (Afghanistan, Albanie, État de Palestine, Irak, Liban, "
  "Monténégro, République démocratique populaire lao, Somalie et Tchad) pour l'assistance "
  "aux victimes et un (Mozambique) pour d'autres formes d'assistance.";

static const char expected_es[] =
  "Al 7 de diciembre de 2026, 11 de los 11 Estados partes con un informe en virtud del "
  "artículo 7 registrado para 2018 habían solicitado cooperación y asistencia "
  "internacionales: Afganistán, Albania, Chad, Estado de Palestina, Irak, Líbano, Montenegro, "
  "Mozambique, Perú, República Democrática Popular Lao y Somalia. De ellos, uno (Perú) "
  "solicitó asistencia para la destrucción de existencias, seis (Afganistán, Chad, Estado de "
  "Palestina, Líbano, Montenegro y República Democrática Popular Lao) para el reconocimiento "
  "y la limpieza, cinco (Afganistán, Irak, Líbano, Montenegro y Somalia) para la educación "
  "sobre el riesgo, nueve (Afganistán, Albania, Chad, Estado de Palestina, Irak, Líbano, "
  "Montenegro, República Democrática Popular Lao y Somalia) para la asistencia a las víctimas "
  "y uno (Mozambique) para otras formas de asistencia.";

static void
test_paragraph_2018 (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2018, 2018);
  g_autofree char *en = dup_text (overview, "en");
  g_autofree char *fr = dup_text (overview, "fr");
  g_autofree char *es = dup_text (overview, "es");
  g_autofree char *locale_name = dup_text (overview, "fr_CH.UTF-8");
  g_autofree char *other = dup_text (overview, "de");

  g_assert_cmpstr (en, ==, expected_en);
  g_assert_cmpstr (fr, ==, expected_fr);
  g_assert_cmpstr (es, ==, expected_es);

  /* A locale's name picks its language; a language the Convention does not use, English. */
  g_assert_cmpstr (locale_name, ==, expected_fr);
  g_assert_cmpstr (other, ==, expected_en);
}

/* The language asked for, whatever the process's locale. */
static void
test_paragraph_any_locale (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2018, 2018);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *en = NULL;
  g_autofree char *es = NULL;

  setlocale (LC_ALL, "C");
  en = dup_text (overview, "en");
  es = dup_text (overview, "es");
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (en, ==, expected_en);
  g_assert_cmpstr (es, ==, expected_es);
}

static void
test_paragraph_empty_year (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2030, 2030);
  g_autofree char *en = dup_text (overview, "en");
  g_autofree char *fr = dup_text (overview, "fr");
  g_autofree char *es = dup_text (overview, "es");

  g_assert_cmpstr (en, ==, "As of 7 December 2026, no request for international cooperation "
                   "and assistance is recorded for 2030.");
  g_assert_cmpstr (fr, ==, "Au 7 décembre 2026, aucune demande de coopération et d'assistance "
                   "internationales n'est enregistrée pour 2030.");
  g_assert_cmpstr (es, ==, "Al 7 de diciembre de 2026, no se ha registrado ninguna solicitud de "
                   "cooperación y asistencia internacionales para 2030.");
}

static void
assert_starts_with (const char *text,
                    const char *prefix)
{
  if (!g_str_has_prefix (text, prefix))
    g_error ("“%s” does not start with “%s”", text, prefix);
}

static void
test_paragraph_span (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2018, 2020);
  g_autofree char *en = dup_text (overview, "en");
  g_autofree char *fr = dup_text (overview, "fr");
  g_autofree char *es = dup_text (overview, "es");

  assert_starts_with (en, "As of 7 December 2026, 11 of the 11 States Parties with recorded "
                      "2018–2020 Article 7 reports had requested international cooperation "
                      "and assistance: Afghanistan, ");
  assert_starts_with (fr, "Au 7 décembre 2026, 11 des 11 États parties ayant des rapports au "
                      "titre de l'article 7 enregistrés pour 2018–2020 avaient demandé ");
  assert_starts_with (es, "Al 7 de diciembre de 2026, 11 de los 11 Estados partes con informes "
                      "en virtud del artículo 7 registrados para 2018–2020 habían solicitado ");
}

/* What was given: requests answered, partly answered, unanswered; totals per currency. */
static void
test_paragraph_contributions (void)
{
  g_autoptr(SixOverview) overview = build (get_given_db (), 2018, 2018);
  g_autofree char *en = dup_text (overview, "en");
  g_autofree char *fr = dup_text (overview, "fr");
  g_autofree char *es = dup_text (overview, "es");
  const char *given_en =
    " Of the 23 requests recorded for 2018, one was answered in full, three were partly "
    "answered and 19 remain unanswered. Contributions recorded for 2018 total 1,350,000 EUR and "
    "300,000.50 USD, as well as one contribution with no amount or currency recorded.";
  const char *given_fr =
    " Sur les 23 demandes enregistrées pour 2018, une a reçu une réponse complète, trois ont "
    "reçu une réponse partielle et 19 restent sans réponse. Les contributions enregistrées pour "
    "2018 s'élèvent à 1\u00a0350\u00a0000 EUR et 300\u00a0000,50 USD, ainsi qu'une contribution "
    "sans montant ni monnaie enregistrés.";
  const char *given_es =
    " De las 23 solicitudes registradas para 2018, una fue atendida plenamente, tres fueron "
    "atendidas parcialmente y 19 siguen sin respuesta. Las contribuciones registradas para "
    "2018 ascienden a 1.350.000 EUR y 300.000,50 USD, además de una contribución sin importe "
    "ni moneda registrados.";

  /* The States and categories are those of the pack: Mozambique asked for "other" already. */
  g_assert_true (g_str_has_prefix (en, expected_en));
  g_assert_cmpstr (en + strlen (expected_en), ==, given_en);
  g_assert_true (g_str_has_prefix (fr, expected_fr));
  g_assert_cmpstr (fr + strlen (expected_fr), ==, given_fr);
  g_assert_true (g_str_has_prefix (es, expected_es));
  g_assert_cmpstr (es + strlen (expected_es), ==, given_es);
}

static void
test_words (void)
{
  const char *two[] = { "Chad", "Iraq", NULL };
  const char *three[] = { "Albania", "Chad", "Hierro", NULL };
  const char *one[] = { "Peru", NULL };
  const char *languages[] = { "en", "fr", "es" };
  g_autofree char *en = six_progress_join (two, "en");
  g_autofree char *fr = six_progress_join (two, "fr");
  g_autofree char *es = six_progress_join (two, "es");
  g_autofree char *es_hi = six_progress_join (three, "es");
  g_autofree char *single = six_progress_join (one, "es");
  g_autofree char *first_fr = NULL;
  g_autofree char *first_en = NULL;
  g_autofree char *amount_en = six_progress_format_amount (12345678, "CHF", "en");
  g_autofree char *amount_es = six_progress_format_amount (12345678, NULL, "es");
  g_autofree char *span = six_progress_format_years (2018, 2020);
  GDate date;

  g_assert_cmpstr (en, ==, "Chad and Iraq");
  g_assert_cmpstr (fr, ==, "Chad et Iraq");
  g_assert_cmpstr (es, ==, "Chad e Iraq");
  g_assert_cmpstr (es_hi, ==, "Albania, Chad y Hierro");
  g_assert_cmpstr (single, ==, "Peru");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_MAY, 2027);
  first_fr = six_progress_format_date (&date, "fr");
  first_en = six_progress_format_date (&date, "en");
  g_assert_cmpstr (first_fr, ==, "1er mai 2027");
  g_assert_cmpstr (first_en, ==, "1 May 2027");

  g_assert_cmpstr (amount_en, ==, "1,234.5678 CHF");
  g_assert_cmpstr (amount_es, ==, "1.234,5678");
  g_assert_cmpstr (span, ==, "2018–2020");

  /* Every category has a name in every language. */
  for (guint c = 0; six_categories[c] != NULL; c++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      g_assert_nonnull (six_progress_get_category_label (c, languages[l]));
  g_assert_cmpstr (six_progress_get_category_label (1, "es"), ==, "Reconocimiento y limpieza");
}

/* Runs a poppler tool and returns its standard output. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

/* pdftotext keeps words but may break lines anywhere: compare with whitespace squeezed. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("[\\s\u00a0]+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
assert_has (const char *text,
            const char *expected)
{
  g_autofree char *flat = squeeze (text);
  g_autofree char *wanted = squeeze (expected);

  if (strstr (flat, wanted) == NULL)
    g_error ("“%s” not in the PDF's text:\n%s", expected, text);
}

typedef struct
{
  SixOverview *overview;
  const char  *language;
  const char  *path;
} Job;

static gpointer
write_on_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  GDate as_of;

  get_as_of (&as_of);
  if (!six_overview_document_write_pdf (job->overview, job->language, &as_of, job->path, &error))
    return g_steal_pointer (&error);

  return NULL;
}

/* Writes the PDF on a worker thread, as the window does; checks it is one page; returns its
 * text. */
static char *
write_pdf (SixOverview *overview,
           const char  *language,
           const char  *path)
{
  Job job = { overview, language, path };
  g_autoptr(GThread) thread = g_thread_new ("write-pdf", write_on_thread, &job);
  g_autoptr(GError) error = g_thread_join (g_steal_pointer (&thread));
  g_autofree char *info = NULL;
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_no_error (error);
  info = run_tool (info_argv);
  if (strstr (info, "Pages:           1\n") == NULL)
    g_error ("%s is not one page:\n%s", path, info);

  return run_tool (text_argv);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-progress-XXXXXX", &error);

  g_assert_no_error (error);

  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_pdf (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2018, 2018);
  g_autofree char *path = temp_path ("overview.pdf");
  g_autofree char *en = write_pdf (overview, "en", path);
  g_autofree char *fr = write_pdf (overview, "fr", path);
  g_autofree char *es = write_pdf (overview, "es", path);

  assert_has (en, "Cooperation and assistance — 2018");
  assert_has (en, "As of 7 December 2026, 11 of the 11 States Parties");
  assert_has (en, "Montenegro");
  assert_has (en, "Survey and clearance");
  assert_has (en, "No contribution is recorded for 2018.");
  assert_has (en, "Unanswered requests");
  assert_has (en, "Article Six · Situation as of 7 December 2026");

  assert_has (fr, "Coopération et assistance — 2018");
  assert_has (fr, "Au 7 décembre 2026, 11 des 11 États parties");
  assert_has (fr, "Monténégro");
  assert_has (fr, "Article Six · Situation au 7 décembre 2026");

  assert_has (es, "Cooperación y asistencia — 2018");
  assert_has (es, "Al 7 de diciembre de 2026, 11 de los 11 Estados partes");
  assert_has (es, "Líbano");

  remove_temp (path);
}

/* The page with contributions, kept as a PNG for review; the stream version writes the same. */
static void
test_pdf_contributions (void)
{
  g_autoptr(SixOverview) overview = build (get_given_db (), 2018, 2018);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots",
                                           NULL);
  g_autofree char *pdf = g_build_filename (dir, "overview-report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "overview-report", NULL);
  g_autofree char *png_file = g_strconcat (png, ".png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *png_argv[] = { "pdftoppm", "-png", "-r", "60", "-singlefile", pdf, png, NULL };
  GDate as_of;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  text = write_pdf (overview, "en", pdf);
  g_free (run_tool (png_argv));
  g_assert_true (g_file_test (png_file, G_FILE_TEST_IS_REGULAR));

  assert_has (text, "Contributions recorded for 2018 total 1,350,000 EUR");
  assert_has (text, "Disbursed");
  assert_has (text, "1,250,000");
  assert_has (text, "300,000.50");
  assert_has (text, "No amount");
  assert_has (text, "… and 11 more");
  assert_has (text, "Deadlines under Articles 3 and 4");

  get_as_of (&as_of);
  g_assert_true (six_overview_document_write_pdf_stream (overview, "en", &as_of, memory, NULL,
                                                         &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), >,
                    1000);
  g_assert_true (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                         "%PDF-", 5) == 0);
}

/* A cancelled stream stops the writing with its error; a file that cannot be made is an error. */
static void
test_pdf_errors (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2030, 2030);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GDate as_of;

  get_as_of (&as_of);
  g_cancellable_cancel (cancellable);
  g_assert_false (six_overview_document_write_pdf_stream (overview, "en", &as_of, memory,
                                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (six_overview_document_write_pdf (overview, "en", &as_of,
                                                   "/nonexistent/dir/overview.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* An empty year still makes a page, with each section saying so plainly. */
static void
test_pdf_empty (void)
{
  g_autoptr(SixOverview) overview = build (get_db (), 2030, 2030);
  g_autofree char *path = temp_path ("empty.pdf");
  g_autofree char *text = write_pdf (overview, "es", path);

  assert_has (text, "Cooperación y asistencia — 2030");
  assert_has (text, "no se ha registrado ninguna solicitud");
  assert_has (text, "No se ha registrado ninguna contribución para 2030.");
  remove_temp (path);
}

/* Forty more unanswered requests and long descriptions still make one page. */
static void
test_pdf_overflow (void)
{
  g_autoptr(SixDb) db = open_db_with_pack ();
  g_autoptr(SixOverview) overview = NULL;
  g_autofree char *path = temp_path ("overflow.pdf");
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  GPtrArray *requests;
  guint unanswered = 0;

  for (guint i = 0; i < 40; i++)
    {
      SixEdit *edit = new_record ("assistance_request", NULL);
      g_autofree char *description = g_strdup_printf ("Request number %u, for a long list of "
                                                      "needs that wraps over more than one line "
                                                      "of the table and then some more", i);

      six_edit_set_string (edit, "country", i % 2 == 0 ? "TCD" : "GBR");
      six_edit_set_int (edit, "year", 2018);
      six_edit_set_string (edit, "category", six_categories[i % 7]);
      six_edit_set_string (edit, "description", description);
      apply (db, edit);
    }

  overview = build (db, 2018, 2018);
  requests = six_overview_get_requests (overview);
  for (guint i = 0; i < requests->len; i++)
    unanswered += ((SixOverviewRequest *) requests->pdata[i])->coverage == SIX_COVERAGE_UNANSWERED;

  text = write_pdf (overview, "fr", path);
  more = g_strdup_printf ("… et %u de plus", unanswered - 8);
  assert_has (text, more);
  assert_has (text, "Article Six · Situation au 7 décembre 2026");
  remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/progress/2018", test_paragraph_2018);
  g_test_add_func ("/views/progress/any-locale", test_paragraph_any_locale);
  g_test_add_func ("/views/progress/empty-year", test_paragraph_empty_year);
  g_test_add_func ("/views/progress/span", test_paragraph_span);
  g_test_add_func ("/views/progress/contributions", test_paragraph_contributions);
  g_test_add_func ("/views/progress/words", test_words);
  g_test_add_func ("/profile/overview-document/2018", test_pdf);
  g_test_add_func ("/profile/overview-document/contributions", test_pdf_contributions);
  g_test_add_func ("/profile/overview-document/errors", test_pdf_errors);
  g_test_add_func ("/profile/overview-document/empty", test_pdf_empty);
  g_test_add_func ("/profile/overview-document/overflow", test_pdf_overflow);

  status = g_test_run ();
  g_clear_pointer (&shared_db, six_db_close);
  g_clear_pointer (&given_db, six_db_close);

  /* Let valgrind see only what is ours: Pango's and cairo's font caches go too. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return status;
}
