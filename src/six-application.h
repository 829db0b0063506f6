/* six-application.h — the graphical face: opens the database and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "six-cli.h"

G_BEGIN_DECLS

#define SIX_TYPE_APPLICATION (six_application_get_type ())

G_DECLARE_FINAL_TYPE (SixApplication, six_application, SIX, APPLICATION, AdwApplication)

SixApplication *six_application_new             (SixLaunch      *launch);
char           *six_application_id_for_database (const char     *database);
int             six_application_get_exit_status (SixApplication *self);

G_END_DECLS
