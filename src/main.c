/* main.c — one binary, two faces: the window, or a command run without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "six-application.h"
#include "six-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SixApplication) app = NULL;
  g_autoptr(SixLaunch) launch = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* Run uninstalled (meson devenv), the translations are the build tree's. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ARTICLE_SIX_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (six_cli_dispatch (argc, argv, &launch, &status))
    return status;

  /* GApplication sees only the files: opened here, or by the instance already running on
   * this database. */
  files = g_ptr_array_new ();
  g_ptr_array_add (files, argv[0]);
  for (guint i = 0; launch->files != NULL && launch->files[i] != NULL; i++)
    g_ptr_array_add (files, launch->files[i]);
  g_ptr_array_add (files, NULL);

  /* The window keeps its size and pages in GSettings: without the schema GLib would abort. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), BASE_ID,
                                            TRUE);
  if (schema == NULL)
    {
      g_printerr (_("article-six: the settings schema %s is not installed; from a build "
                    "directory, run the program with “meson devenv”\n"), BASE_ID);
      return 1;
    }

  app = six_application_new (g_steal_pointer (&launch));
  status = g_application_run (G_APPLICATION (app), (int) files->len - 1, (char **) files->pdata);

  return status != 0 ? status : six_application_get_exit_status (app);
}
