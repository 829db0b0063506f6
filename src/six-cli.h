/* six-cli.h — the command line: options, commands, and what the window needs to start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the graphical face needs, when the command line asks for the window. */
typedef struct
{
  char  *database;    /* the database to open */
  char  *screenshot;  /* write a PNG of the first frames there, then quit */
  char  *page;        /* the page to show first */
  char  *open;        /* a record to open first, "KIND:ID" ("action:lap:38") */
  int    width;       /* window size for this run only, 0 for the remembered one */
  int    height;
  char **files;       /* exchange files to import */
} SixLaunch;

void      six_launch_free     (SixLaunch  *launch);
char     *six_default_database_path (void);
gboolean  six_cli_dispatch    (int         argc,
                               char      **argv,
                               SixLaunch **launch,
                               int        *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixLaunch, six_launch_free)

G_END_DECLS
