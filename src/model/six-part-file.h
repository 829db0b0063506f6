/* six-part-file.h — a file written beside its destination under a hidden name, then renamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *six_part_file_create (const char *dir,
                            const char *stem);
void  six_part_files_sweep (const char *dir);

G_END_DECLS
