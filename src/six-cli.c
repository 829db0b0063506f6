/* six-cli.c — the command line: options, commands, and what the window needs to start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include "six-cli.h"
#include "six-coalition-brief.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-preview.h"
#include "six-overview-document.h"
#include "six-profile-document.h"
#include "six-progress.h"
#include "six-reference-pack.h"
#include "six-report.h"
#include "six-db.h"
#include "six-text.h"

typedef int (*SixCommandFunc) (const char  *database,
                               int          argc,
                               char       **argv);

typedef struct
{
  const char     *name;
  const char     *synopsis;
  const char     *summary;
  SixCommandFunc  run;
} SixCommand;

static int run_export   (const char *database, int argc, char **argv);
static int run_import   (const char *database, int argc, char **argv);
static int run_validate (const char *database, int argc, char **argv);
static int run_report   (const char *database, int argc, char **argv);
static int run_profile  (const char *database, int argc, char **argv);
static int run_brief    (const char *database, int argc, char **argv);

static const SixCommand commands[] = {
  { "export", "[--database PATH] export [--scope SCOPE] [--level LEVEL] -o FILE",
    N_("Write an exchange file: SCOPE is all (the default), country:ISO3 or coalition:ID; "
       "LEVEL is public (the default), coalition or private"),
    run_export },
  { "import", "[--database PATH] import [--dry-run [--format text|json]] FILE…",
    N_("Merge exchange files into the database, or with --dry-run only show who sent each "
       "and what it would change, State by State, field by field"),
    run_import },
  { "validate", "validate FILE…",
    N_("Check exchange files without importing them"),
    run_validate },
  { "report", "[--database PATH] report NAME [--format text|json|csv]",
    N_("Print a report: assistance-requests, coalitions, conflicts, deadlines, overview or states"),
    run_report },
  /* The same command again: each of its other forms gets a line of help. */
  { "report", "[--database PATH] report overview [--year Y | --from Y --to Y] [--format …]",
    N_("Who sought assistance in a reporting year or span, what answered it, the trend "
       "and the deadlines; by default the latest year holding data"),
    run_report },
  { "report", "[--database PATH] report deadlines --format ics",
    N_("The open Art. 3 and Art. 4 deadlines and coming coalition meetings as an "
       "iCalendar file"),
    run_report },
  { "report", "[--database PATH] report progress [--year Y] [--lang en|fr|es] [--pdf FILE]",
    N_("The progress report's paragraph on cooperation and assistance, then the overview; "
       "with --pdf, the overview as a one-page PDF"),
    run_report },
  { "profile", "[--database PATH] profile ISO3 --pdf FILE [--level LEVEL] [--contacts] "
    "[--private-notes]",
    N_("Write a State's one-page profile as a PDF: public records unless --level says more; "
       "contacts and private notes only if asked"),
    run_profile },
  { "brief", "[--database PATH] brief COALITION --pdf FILE",
    N_("Write a coalition’s one-page brief for its next meeting as a PDF; COALITION is its id "
       "or the code of the State that leads it"),
    run_brief },
  { NULL, NULL, NULL, NULL },
};

void
six_launch_free (SixLaunch *launch)
{
  g_free (launch->database);
  g_free (launch->screenshot);
  g_free (launch->page);
  g_free (launch->open);
  g_strfreev (launch->files);
  g_free (launch);
}

char *
six_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "article-six", "article-six.db", NULL);
}

static const SixCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage:"));
  fprintf (stream, "  article-six [--database PATH] [FILE…]\n");
  fprintf (stream, "      %s\n", _("Open the window, importing any exchange files given"));
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      fprintf (stream, "  article-six %s\n", commands[i].synopsis);
      fprintf (stream, "      %s\n", _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --database PATH  %s\n", _("Use this database instead of the default one"));
  fprintf (stream, "  --version        %s\n", _("Print the version and exit"));
  fprintf (stream, "  --help           %s\n", _("Print this help and exit"));
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = g_strsplit (text, "x", 2);
  guint64 w, h;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 200, 8192, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 200, 8192, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

static int
usage_error (const char *message)
{
  g_printerr ("article-six: %s\n\n", message);
  print_usage (stderr);

  return 2;
}

/* Parses a command's own options; argv[0] is the command's name. */
static gboolean
parse_command (int           *argc,
               char        ***argv,
               GOptionEntry  *entries,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  /* The strv variant frees the options it takes out of the command's arguments. */
  if (!g_option_context_parse_strv (context, argv, &error))
    {
      *status = usage_error (error->message);
      return FALSE;
    }
  *argc = (int) g_strv_length (*argv);

  return TRUE;
}

/* Messages quote files and records: what reaches the terminal carries no controls. */
static int
fail (const GError *error)
{
  g_autofree char *message = six_text_escape_controls (error->message, TRUE);

  g_printerr ("article-six: %s\n", message);

  return 1;
}

/* Opens the database, merging the reference pack if this database has not merged it yet. */
static SixDb *
open_database (const char  *path,
               GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(SixDb) db = NULL;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return NULL;
    }

  db = six_db_open (path, error);
  if (db == NULL)
    {
      g_autofree char *backup = six_db_find_latest_backup (path);

      /* The window offers it; here the user is told where it is. */
      if (backup != NULL && error != NULL &&
          g_error_matches (*error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT))
        {
          char *message = g_strdup_printf (_("%s\nThe newest sound backup is %s: open the "
                                             "window to restore it."), (*error)->message, backup);

          g_free ((*error)->message);
          (*error)->message = message;
        }
      return NULL;
    }

  if (!six_reference_pack_ensure (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

static gboolean
parse_scope (const char       *text,
             SixExportOptions *options)
{
  if (text == NULL || g_str_equal (text, "all"))
    options->scope = SIX_SCOPE_ALL;
  else if (g_str_has_prefix (text, "country:") && text[8] != '\0')
    options->scope = SIX_SCOPE_COUNTRY, options->scope_id = text + 8;
  else if (g_str_has_prefix (text, "coalition:") && text[10] != '\0')
    options->scope = SIX_SCOPE_COALITION, options->scope_id = text + 10;
  else
    return FALSE;

  return TRUE;
}

static int
run_export (const char  *database,
            int          argc,
            char       **argv)
{
  g_autofree char *scope = NULL;
  g_autofree char *level = NULL;
  g_autofree char *output = NULL;
  g_autofree char *coalition = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GFile) destination = NULL;
  SixExportOptions options = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope, NULL, NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL }
  };

  if (!parse_command (&argc, &argv, entries, &status))
    return status;

  if (output == NULL || argc != 1)
    return usage_error (_("export writes one file: give it with -o FILE"));
  if (!parse_scope (scope, &options))
    return usage_error (_("--scope takes all, country:ISO3 or coalition:ID (or coalition:ISO3 "
                          "of its lead State)"));

  /* Files go by email: what is not public leaves only when asked for, for every scope. */
  options.level = SIX_VISIBILITY_PUBLIC;
  if (level != NULL && !six_visibility_from_string (level, &options.level))
    return usage_error (_("--level takes public, coalition or private"));

  db = open_database (database, &error);
  if (db == NULL)
    return fail (error);

  /* A coalition by its id, or by the code of the State that leads it. */
  if (options.scope == SIX_SCOPE_COALITION)
    {
      if ((coalition = six_coalition_resolve (db, options.scope_id, &error)) == NULL)
        return fail (error);
      options.scope_id = coalition;
    }

  destination = g_file_new_for_commandline_arg (output);
  file = six_exchange_export (db, &options, destination, NULL, &error);
  if (file == NULL)
    return fail (error);

  return 0;
}

static void
print_counts (const char            *file,
              const SixImportResult *result)
{
  const SixMergeCounts *counts = &result->counts;
  g_autofree char *described = NULL;

  if (result->already_imported)
    {
      g_print (_("%s: already imported; nothing changed\n"), file);
      return;
    }

  described = six_merge_counts_describe (counts);
  /* Translators: a file, then what importing it would do: "1 new, 2 changed, …" */
  g_print (result->dry_run ? _("%s: would import %s; nothing was written\n")
                           /* Translators: a file, then what importing it did */
                           : _("%s: imported %s\n"),
           file, described);
}

static int
run_import (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autofree char *format = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  guint n_printed = 0;
  int status = 0;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };

  if (!parse_command (&argc, &argv, entries, &status))
    return status;
  if (argc < 2)
    return usage_error (_("import takes one or more files"));
  if (format != NULL && !dry_run)
    return usage_error (_("--format is for --dry-run: an import prints what it did"));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return usage_error (_("--format takes text or json"));
  json = g_strcmp0 (format, "json") == 0;

  db = open_database (database, &error);
  if (db == NULL)
    return fail (error);

  /* Each file is its own transaction: a refused file changes nothing, the others go on. */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(SixExchangeFile) exchange = NULL;
      g_autoptr(SixImportResult) result = NULL;
      g_autoptr(GError) file_error = NULL;
      /* A file may refer to records held here instead of carrying them (format §3): the
       * import resolves them against the store, as the window's does after its own read. */
      SixExchangeReadOptions options = { .defer_references = TRUE };

      exchange = six_exchange_read_file_full (file, &options, &file_error);
      if (exchange == NULL || !six_import_file (db, exchange, dry_run, &result, &file_error))
        {
          status = fail (file_error);
          continue;
        }

      if (dry_run)
        {
          g_autoptr(SixPreview) preview = six_preview_new (db, exchange, result);
          g_autofree char *raw = json ? six_preview_to_json (preview)
                                      : six_preview_to_text (preview);
          g_autofree char *text = six_text_escape_controls (raw, TRUE);

          /* Several files in JSON: one array of previews. */
          if (json && argc > 2)
            g_print ("%s%s", n_printed++ == 0 ? "[\n" : ",\n", text);
          else
            g_print ("%s%s\n", n_printed++ > 0 && !json ? "\n" : "", text);
          continue;
        }

      print_counts (argv[i], result);
    }

  if (json && argc > 2)
    g_print ("%s]\n", n_printed > 0 ? "\n" : "[");

  return status;
}

static int
run_validate (const char  *database,
              int          argc,
              char       **argv)
{
  int status = 0;

  if (!parse_command (&argc, &argv, (GOptionEntry[]) { { NULL } }, &status))
    return status;
  if (argc < 2)
    return usage_error (_("validate takes one or more files"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(SixExchangeFile) exchange = NULL;
      g_autoptr(GError) error = NULL;
      guint n_records;

      exchange = six_exchange_read_file (file, NULL, &error);
      if (exchange == NULL)
        {
          status = fail (error);
          continue;
        }

      n_records = six_exchange_file_get_records (exchange)->len;
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u record\n", "%s: valid, %u records\n",
                            n_records),
               argv[i], n_records);
    }

  return status;
}

static gboolean
is_report (const char *name)
{
  return g_strcmp0 (name, "progress") == 0 || g_strv_contains (six_report_get_names (), name);
}

/* A reporting year: four digits, or a usage error naming the option. */
static gboolean
parse_year (const char *option,
            const char *text,
            int        *year,
            int        *status)
{
  gint64 value;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, 1000, 9999, &value, NULL))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is an option, "--year", then what was given instead of a year */
      message = g_strdup_printf (_("%s takes a year such as 2018, not “%s”"), option, text);
      *status = usage_error (message);
      return FALSE;
    }
  *year = (int) value;

  return TRUE;
}

/* The language of the progress report: the user's when it is French or Spanish. */
static const char *
default_report_language (void)
{
  return six_progress_get_language (g_get_language_names ()[0]);
}

static int
run_progress (SixDb      *db,
              int         year,
              const char *language,
              const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixOverview) overview = NULL;
  g_autoptr(SixReportTable) table = NULL;
  g_autofree char *paragraph = NULL;
  g_autofree char *tables = NULL;
  GDate today;

  /* The tables' words and the States' names come from gettext: let it speak @language too. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");

  six_report_get_today (db, &today);
  overview = six_overview_build (db, year, year, &today, &error);
  if (overview == NULL)
    return fail (error);

  if (pdf != NULL)
    {
      gboolean written = six_overview_document_write_pdf (overview, language, &today, pdf,
                                                          &error);

      /* A one-shot command: Pango's font caches go with it, not at exit unseen. */
      pango_cairo_font_map_set_default (NULL);

      return written ? 0 : fail (error);
    }

  paragraph = six_progress_dup_text (overview, language, &today);
  table = six_report_build_overview (overview);
  tables = six_report_table_format (table, SIX_REPORT_FORMAT_TEXT);
  g_print ("%s\n\n%s", paragraph, tables);

  return 0;
}

static int
run_report (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autoptr(SixOverview) overview = NULL;
  g_autoptr(SixReportTable) table = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *language = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *output = NULL;
  SixReportFormat format = SIX_REPORT_FORMAT_TEXT;
  gboolean ics = FALSE;
  gboolean spans = FALSE;
  int first_year = 0, last_year = 0;
  const char *name;
  int status = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, NULL, NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, NULL, NULL },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, NULL, NULL },
    { NULL }
  };

  if (!parse_command (&argc, &argv, entries, &status))
    return status;

  if (argc != 2 || !is_report (argv[1]))
    return usage_error (_("report takes one of: assistance-requests, coalitions, conflicts, "
                          "deadlines, overview, progress, states"));
  name = argv[1];
  spans = g_str_equal (name, "overview") || g_str_equal (name, "progress");

  if ((year_text != NULL || from_text != NULL || to_text != NULL) && !spans)
    return usage_error (_("--year, --from and --to are only for the overview and progress "
                          "reports"));
  if (year_text != NULL && (from_text != NULL || to_text != NULL))
    return usage_error (_("--year cannot be combined with --from or --to"));
  if ((from_text == NULL) != (to_text == NULL))
    return usage_error (_("--from and --to go together: give both"));
  if (from_text != NULL && g_str_equal (name, "progress"))
    return usage_error (_("progress covers one year: give it with --year"));
  if (!parse_year ("--year", year_text, &first_year, &status) ||
      !parse_year ("--from", from_text, &first_year, &status) ||
      !parse_year ("--to", to_text, &last_year, &status))
    return status;
  if (year_text != NULL)
    last_year = first_year;
  if (first_year > last_year)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("--from %d comes after --to %d"), first_year, last_year);
      return usage_error (message);
    }

  if ((language != NULL || pdf != NULL) && !g_str_equal (name, "progress"))
    return usage_error (_("--lang and --pdf are only for the progress report"));
  if (language != NULL && g_strcmp0 (six_progress_get_language (language), language) != 0)
    return usage_error (_("--lang takes en, fr or es"));

  if (g_strcmp0 (format_name, "ics") == 0)
    {
      if (!g_str_equal (name, "deadlines"))
        return usage_error (_("--format ics is only for the deadlines report"));
      ics = TRUE;
    }
  else if (format_name != NULL && !six_report_format_from_string (format_name, &format))
    {
      return usage_error (_("--format takes text, json or csv, or ics for deadlines"));
    }
  if (format_name != NULL && g_str_equal (name, "progress"))
    return usage_error (_("progress prints text, or a PDF with --pdf: it takes no --format"));

  db = open_database (database, &error);
  if (db == NULL)
    return fail (error);

  if (g_str_equal (name, "progress"))
    return run_progress (db, first_year,
                         language != NULL ? language : default_report_language (), pdf);

  if (g_str_equal (name, "overview"))
    {
      overview = six_report_load_overview (db, first_year, last_year, &error);
      if (overview != NULL)
        table = six_report_build_overview (overview);
      if (table != NULL)
        output = six_report_table_format (table, format);
    }
  else if (ics)
    {
      overview = six_report_load_overview (db, 0, 0, &error);
      if (overview != NULL)
        output = six_report_deadlines_ics (overview);
    }
  else
    {
      output = six_report_run (db, name, format, &error);
    }
  if (output == NULL)
    return fail (error);

  fputs (output, stdout);

  return 0;
}

static int
run_profile (const char  *database,
             int          argc,
             char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autoptr(SixProfile) profile = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *country = NULL;
  g_autofree char *level_text = NULL;
  gboolean contacts = FALSE;
  gboolean private_notes = FALSE;
  SixProfileInclude include = SIX_PROFILE_INCLUDE_NONE;
  SixVisibility level = SIX_VISIBILITY_PUBLIC;
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, NULL, NULL },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text, NULL, NULL },
    { "contacts", 0, 0, G_OPTION_ARG_NONE, &contacts, NULL, NULL },
    { "private-notes", 0, 0, G_OPTION_ARG_NONE, &private_notes, NULL, NULL },
    { NULL }
  };

  if (!parse_command (&argc, &argv, entries, &status))
    return status;

  if (argc != 2 || pdf == NULL)
    return usage_error (_("profile takes a country code and --pdf FILE"));

  /* Like a file export, the page is public unless more is asked for. */
  if (level_text != NULL && !six_visibility_from_string (level_text, &level))
    return usage_error (_("--level takes public, coalition or private"));

  country = g_ascii_strup (argv[1], -1);
  if (level >= SIX_VISIBILITY_COALITION)
    include |= SIX_PROFILE_INCLUDE_COALITION;
  if (level == SIX_VISIBILITY_PRIVATE)
    include |= SIX_PROFILE_INCLUDE_PRIVATE;
  if (contacts)
    include |= SIX_PROFILE_INCLUDE_CONTACTS;
  if (private_notes)
    include |= SIX_PROFILE_INCLUDE_PRIVATE_NOTES;
  six_date_get_today (&today);

  db = open_database (database, &error);
  if (db != NULL)
    profile = six_profile_load (db, country, &error);
  if (profile == NULL ||
      !six_profile_document_write_pdf (profile, pdf, include, &today, &error))
    return fail (error);

  /* A one-shot command: Pango's font caches go with it, not at exit unseen. */
  pango_cairo_font_map_set_default (NULL);

  return 0;
}

static int
run_brief (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autoptr(SixCoalitionView) view = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *id = NULL;
  gboolean written;
  GDate today;
  int status = 0;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, NULL, NULL },
    { NULL }
  };

  if (!parse_command (&argc, &argv, entries, &status))
    return status;

  if (argc != 2 || pdf == NULL)
    return usage_error (_("brief takes a coalition (its id or its lead State’s code) and "
                          "--pdf FILE"));

  db = open_database (database, &error);
  if (db == NULL || (id = six_coalition_resolve (db, argv[1], &error)) == NULL)
    return fail (error);

  six_report_get_today (db, &today);
  view = six_coalition_view_build (db, id, &today, &error);
  if (view == NULL)
    return fail (error);

  written = six_coalition_brief_write_pdf (view, pdf, &error);
  /* A one-shot command: Pango's font caches go with it, not at exit unseen. */
  pango_cairo_font_map_set_default (NULL);

  return written ? 0 : fail (error);
}

/**
 * six_cli_dispatch:
 * @launch: (out): what the window needs, when this returns %FALSE
 * @status: (out): the exit status, when this returns %TRUE
 *
 * Runs a command, or prints help or the version, without touching the display.
 * Returns %FALSE when the window should open instead.
 */
gboolean
six_cli_dispatch (int         argc,
                  char      **argv,
                  SixLaunch **launch,
                  int        *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixLaunch) result = g_new0 (SixLaunch, 1);
  g_autofree char *size = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  gboolean version = FALSE;
  gboolean help = FALSE;
  const SixCommand *command;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &result->database, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    /* Hidden: for tests and the README's screenshot. */
    { "screenshot", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &result->screenshot, NULL, NULL },
    { "window-size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &size, NULL, NULL },
    { "page", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &result->page, NULL, NULL },
    { "open", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &result->open, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  /* Stop at the command word: what follows is the command's own. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, NULL);

  *status = 0;

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *status = usage_error (error->message);
      return TRUE;
    }

  if (help)
    {
      print_usage (stdout);
      return TRUE;
    }

  if (version)
    {
      g_print ("article-six %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  if (size != NULL && !parse_size (size, &result->width, &result->height))
    {
      *status = usage_error (_("--window-size takes WIDTHxHEIGHT"));
      return TRUE;
    }

  if (result->database == NULL)
    result->database = six_default_database_path ();

  if (args[1] != NULL && (command = find_command (args[1])) != NULL)
    {
      *status = command->run (result->database,
                              (int) g_strv_length (args + 1), args + 1);
      return TRUE;
    }

  /* Anything else must be files to open in the window. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      if (!g_file_test (args[i], G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” is neither a command nor a file"), args[i]);
          *status = usage_error (message);
          return TRUE;
        }
    }

  result->files = g_strdupv (args + 1);
  *launch = g_steal_pointer (&result);

  return FALSE;
}
