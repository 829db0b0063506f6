/* six-cli.c — the command line: options, commands, and what the window needs to start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "six-cli.h"

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

static const SixCommand commands[] = {
  { NULL, NULL, NULL, NULL },
};

void
six_launch_free (SixLaunch *launch)
{
  g_free (launch->database);
  g_free (launch->screenshot);
  g_free (launch->page);
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
